import { describe, expect, it } from 'vitest';
import { utf8Lines } from './utf8Lines.ts';

describe('utf8Lines', () => {
  it('hands on every line, in order, as UTF-8 with newlines, in pieces no larger than its buffer but for a line that does not fit', () => {
    const pieces: Uint8Array[] = [];
    const sink = utf8Lines((b) => pieces.push(b), { size: 64 });
    const lines = ['9 to 17 °C', 'Zoë → 東京 😀', '', 'x'.repeat(100), ...Array.from({ length: 40 }, (_, i) => `line ${i} ${'é'.repeat(i % 5)}`)];
    for (const l of lines) sink.line(l);
    sink.flush();
    sink.flush(); // nothing left: no empty piece
    const all = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of pieces) {
      all.set(p, at);
      at += p.length;
    }
    expect(new TextDecoder().decode(all)).toBe(lines.map((l) => `${l}\n`).join(''));
    expect(pieces.every((p) => p.length > 0)).toBe(true);
    expect(pieces.filter((p) => p.length > 64)).toHaveLength(1); // the 100-character line
  });

  it('adds the tail to each line, encoding a repeated tail once', () => {
    const pieces: Uint8Array[] = [];
    const sink = utf8Lines((b) => pieces.push(b), { size: 128 });
    const expected: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      const tail = i < 25 ? ',"tools":["é"]}' : '}';
      sink.line(`{"i":${i}`, tail);
      expected.push(`{"i":${i}${tail}\n`);
    }
    sink.line('x'.repeat(200), '!'); // longer than a piece, with its tail
    expected.push(`${'x'.repeat(200)}!\n`);
    sink.flush();
    expect(new TextDecoder().decode(Buffer.concat(pieces))).toBe(expected.join(''));
  });

  it('gives each piece its own bytes (later lines do not change a piece already handed on)', () => {
    const pieces: Uint8Array[] = [];
    const sink = utf8Lines((b) => pieces.push(b), { size: 16 });
    sink.line('aaaa');
    sink.flush();
    sink.line('bbbb');
    sink.flush();
    expect(new TextDecoder().decode(pieces[0])).toBe('aaaa\n');
  });

  it('writes text as it is between lines, and with copy off hands on views of its one buffer', () => {
    const seen: string[] = [];
    const buffers = new Set<ArrayBufferLike>();
    const sink = utf8Lines(
      (b) => {
        seen.push(new TextDecoder().decode(b)); // read at once: the view is only valid now
        buffers.add(b.buffer);
      },
      { size: 32, copy: false },
    );
    sink.write('{"a":');
    sink.line('1}');
    for (let i = 0; i < 10; i += 1) sink.line(`line ${i} é`);
    sink.write('y'.repeat(40)); // longer than a piece
    sink.flush();
    expect(seen.join('')).toBe(`{"a":1}\n${Array.from({ length: 10 }, (_, i) => `line ${i} é\n`).join('')}${'y'.repeat(40)}`);
    expect(buffers.size).toBe(2); // the reused buffer, and the long text's own
  });

  it('drop forgets what is buffered', () => {
    const pieces: Uint8Array[] = [];
    const sink = utf8Lines((b) => pieces.push(b));
    sink.line('gone');
    sink.drop();
    sink.line('kept');
    sink.flush();
    expect(new TextDecoder().decode(Buffer.concat(pieces))).toBe('kept\n');
  });
});
