import { describe, it, expect } from 'vitest';
import { loadExample } from '../testing/fixtures.ts';
import { createGenerator } from './example.ts';
import { replyCoverage } from './replyCoverage.ts';

describe('replyCoverage', () => {
  it('counts, per reply variant, the examples it replied in — the same as generating them one by one', () => {
    const project = loadExample('task-reminders');
    const chainId = project.chains[0].id;
    const cov = replyCoverage(project, chainId, 3, 10, 200)!;
    expect(cov.examples).toBe(200);
    expect(cov.counts).toHaveLength((project.chains[0].reply as unknown[]).length);
    expect(cov.counts.reduce((a, n) => a + n, 0) + cov.none).toBe(200);
    const g = createGenerator(project, chainId);
    if (!g.ok) throw new Error('not generated');
    const expected = cov.counts.map(() => 0);
    for (let i = 10; i < 210; i += 1) {
      const v = g.generator.example(3, i).replyVariant;
      if (v !== undefined) expected[v] += 1;
    }
    expect(cov.counts).toEqual(expected);
    // The reminders chain's variants all occur over 200 examples (none, one, several high-priority tasks).
    expect(cov.counts.filter((n) => n > 0).length).toBeGreaterThan(1);
  });

  it('is null for a chain whose reply is not a list of variants, or an unknown chain', () => {
    const project = loadExample('room-booking');
    expect(replyCoverage(project, project.chains[0].id, 1, 0, 10)).toBeNull();
    expect(replyCoverage(project, 'no-such-chain', 1, 0, 10)).toBeNull();
  });
});
