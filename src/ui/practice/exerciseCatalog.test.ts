import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../core/index.ts';
import { makeExercise } from '../../core/generation.ts';
import { EXERCISES } from './exerciseCatalog.ts';

const dir = new URL('../../../public/exercises/', import.meta.url);

describe('the bundled exercises', () => {
  it('lists every exercise file, once, the seed lesson first', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.chain.json'))
      .sort();
    expect(EXERCISES.map((e) => e.file).sort()).toEqual(files);
    expect(new Set(EXERCISES.map((e) => e.id)).size).toBe(EXERCISES.length);
    expect(EXERCISES[0].id).toBe('room-booking');
  });

  it('covers the sequential, parallel, conditional, loop and mixed patterns', () => {
    expect(new Set(EXERCISES.map((e) => e.pattern))).toEqual(new Set(['sequential', 'parallel', 'conditional', 'loop', 'mixed']));
  });

  it('every file opens without a problem and makes an exercise', () => {
    for (const entry of EXERCISES) {
      const parsed = parseProject(readFileSync(new URL(entry.file, dir), 'utf8'));
      expect(parsed.ok, entry.file).toBe(true);
      if (!parsed.ok) continue;
      const made = makeExercise(parsed.project, parsed.project.chains[0].id);
      expect(made.ok, entry.file).toBe(true);
    }
  });
});
