import { mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AtomicFileWriter } from './io.ts';

const dirs: string[] = [];
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), 'cw-io-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('AtomicFileWriter', () => {
  it('writes lines as UTF-8, in order, across buffer flushes and with lines larger than its buffer', () => {
    const path = join(scratch(), 'out.jsonl');
    const lines = [
      '{"reply":"9 to 17 °C"}',
      'Zoë → 東京 😀 and a lone surrogate \ud800 is replaced',
      'x'.repeat(3_000_000), // larger than the 1 MiB buffer
      ...Array.from({ length: 5000 }, (_, i) => `{"i":${i},"name":"Ångström ${'é'.repeat(i % 300)}"}`),
    ];
    const w = new AtomicFileWriter(path);
    w.write('header\n');
    for (const line of lines) w.writeLine(line);
    expect(existsSync(path)).toBe(false); // nothing at the target before commit
    w.commit();
    const expected = `header\n${lines.map((l) => `${l}\n`).join('')}`;
    expect(readFileSync(path, 'utf8')).toBe(expected.replace('\ud800', '\ufffd'));
    expect(w.written).toBe(Buffer.byteLength(expected));
  });

  it('writes text + tail for each line, encoding a repeated tail once and following a new one', () => {
    const path = join(scratch(), 'tails.jsonl');
    const w = new AtomicFileWriter(path);
    const tools = `,"tools":[${'{"name":"ü"},'.repeat(50)}{}]}`;
    const big = `,"t":"${'z'.repeat(1_200_000)}"}`; // a tail larger than the buffer
    const expected: string[] = [];
    for (let i = 0; i < 3000; i += 1) {
      const tail = i === 1500 ? big : i > 2000 ? '}' : tools;
      w.writeLine(`{"i":${i},"r":"9 °C"`, tail);
      expected.push(`{"i":${i},"r":"9 °C"${tail}\n`);
    }
    w.commit();
    expect(readFileSync(path, 'utf8')).toBe(expected.join(''));
  });

  it('abort leaves an existing file untouched and removes the temporary one', () => {
    const dir = scratch();
    const path = join(dir, 'kept.jsonl');
    writeFileSync(path, 'old\n');
    const w = new AtomicFileWriter(path);
    for (let i = 0; i < 1000; i += 1) w.writeLine('n'.repeat(2000));
    w.abort();
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    expect(existsSync(join(dir, `.kept.jsonl.${process.pid}.tmp`))).toBe(false);
  });
});
