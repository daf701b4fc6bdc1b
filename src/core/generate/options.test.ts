import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../project/types.ts';
import { loadExample } from '../testing/fixtures.ts';
import { createGenerator, type GeneratorOptions } from './example.ts';

function gen(name: string, chainId: string, options: GeneratorOptions) {
  const made = createGenerator(loadExample(name), chainId, options);
  if (!made.ok) throw new Error(made.diagnostics.map((d) => d.message).join('\n'));
  return made.generator;
}

describe('generator options for datasets', () => {
  it('requestTemplates: only those templates are drawn; bad indices are refused', () => {
    const g = gen('trip-planning', 'plan-trip', { requestTemplates: [1, 3] });
    const drawn = new Set(Array.from({ length: 200 }, (_, i) => g.example(1, i).requestIndex));
    expect([...drawn].sort()).toEqual([1, 3]);
    expect(createGenerator(loadExample('trip-planning'), 'plan-trip', { requestTemplates: [4] }).ok).toBe(false);
    expect(createGenerator(loadExample('trip-planning'), 'plan-trip', { requestTemplates: [] }).ok).toBe(false);
  });

  it("requestTemplates on a multi-turn chain narrow the first call's requests", () => {
    const project = loadExample('file-system');
    const chain = project.chains[0];
    const first = chain.calls[0].requests!;
    const g = gen('file-system', chain.id, { requestTemplates: [2] });
    for (let i = 0; i < 30; i += 1) {
      const m = g.example(1, i).messages[0];
      expect(m.role === 'user' && m.text).toBe(first[2]);
    }
  });

  it('slotFilter: oneOf lists are narrowed and other slots re-drawn until accepted', () => {
    const odd = (v: JsonValue) => typeof v === 'number' && v % 2 === 1;
    const g = gen('trip-planning', 'plan-trip', { slotFilter: { origin: (v) => v === 'Paris', nights: odd } });
    for (let i = 0; i < 100; i += 1) {
      const e = g.example(2, i);
      expect(e.slots.origin).toBe('Paris');
      expect(odd(e.slots.nights)).toBe(true);
    }
  });

  it('stream: its own random streams, still deterministic', () => {
    const a = gen('room-booking', 'book-and-invite', { stream: 'test' });
    const b = gen('room-booking', 'book-and-invite', { stream: 'test' });
    const plain = gen('room-booking', 'book-and-invite', {});
    expect(a.example(1, 3)).toEqual(b.example(1, 3));
    expect(a.example(1, 3)).not.toEqual(plain.example(1, 3));
  });

  it('acceptRequest: re-draws a rejected request; request() replays the same draws', () => {
    const seen = new Set<string>();
    const accept = (t: string) => (seen.has(t) ? false : (seen.add(t), true));
    const g = gen('tasks-and-calendar', 'day-overview', { acceptRequest: accept });
    const first = (i: number) => {
      const m = g.example(4, i).messages[0];
      return m.role === 'user' ? m.text : '';
    };
    const texts = Array.from({ length: 40 }, (_, i) => first(i));
    expect(new Set(texts).size).toBe(40);

    const replaySeen = new Set<string>();
    const replay = gen('tasks-and-calendar', 'day-overview', { acceptRequest: (t) => (replaySeen.has(t) ? false : (replaySeen.add(t), true)) });
    expect(Array.from({ length: 40 }, (_, i) => replay.request(4, i))).toEqual(texts);
  });
});
