import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chainPlan, parseProject, validateProject } from '../../core/index.ts';
import { EXAMPLES, FIRST_VISIT_EXAMPLE } from './catalog.ts';

const dir = new URL('../../../public/examples/', import.meta.url);

describe('the examples gallery', () => {
  it('lists every bundled example file, once', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.chain.json'))
      .sort();
    expect(EXAMPLES.map((e) => e.file).sort()).toEqual(files);
  });

  it('names each example as its file does, and every file opens', () => {
    for (const entry of EXAMPLES) {
      const parsed = parseProject(readFileSync(new URL(entry.file, dir), 'utf8'));
      expect(parsed.ok, entry.file).toBe(true);
      if (parsed.ok) expect(parsed.project.name.startsWith(entry.title), entry.file).toBe(true);
    }
  });

  it('opens, on a first visit, a bundled example that generates and shows calls running together', () => {
    expect(EXAMPLES).toContain(FIRST_VISIT_EXAMPLE);
    const parsed = parseProject(readFileSync(new URL(FIRST_VISIT_EXAMPLE.file, dir), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(validateProject(parsed.project).filter((d) => d.severity === 'error')).toEqual([]);
    const plan = chainPlan(parsed.project, parsed.project.chains[0]);
    expect(plan.ok && plan.plan.turns.some((t) => t.callIds.length > 1)).toBe(true);
  });
});
