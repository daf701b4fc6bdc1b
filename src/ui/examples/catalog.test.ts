import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../core/index.ts';
import { EXAMPLES, FIRST_VISIT_EXAMPLE } from './catalog.ts';

const dir = new URL('../../../public/examples/', import.meta.url);

describe('the examples gallery', () => {
  it('lists every bundled example file, once', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.chain.json')).sort();
    expect(EXAMPLES.map((e) => e.file).sort()).toEqual(files);
  });

  it('names each example as its file does, and every file opens', () => {
    for (const entry of EXAMPLES) {
      const parsed = parseProject(readFileSync(new URL(entry.file, dir), 'utf8'));
      expect(parsed.ok, entry.file).toBe(true);
      if (parsed.ok) expect(parsed.project.name.startsWith(entry.title), entry.file).toBe(true);
    }
  });

  it('opens the room-booking example on a first visit', () => {
    expect(FIRST_VISIT_EXAMPLE.file).toBe('room-booking.chain.json');
  });
});
