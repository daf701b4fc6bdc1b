import { describe, expect, it } from 'vitest';
import { loadExample } from '../testing/fixtures.ts';
import { QUALITY_CHECKS } from './exampleChecks.ts';
import { formatQualityReport } from './reportText.ts';
import { measureQuality } from './measure.ts';

describe('grounding in the quality measure', () => {
  it('invented-id is registered as a grounding check', () => {
    expect(QUALITY_CHECKS.filter((c) => c.category === 'grounding').map((c) => c.code)).toContain('invented-id');
  });

  it('finds an id the design makes up in every example, and prints the tally', () => {
    const project = loadExample('room-booking');
    const book = project.chains[0].calls.find((c) => c.id === 'book')!;
    book.args = { ...book.args, room_id: 'RM-4412' };
    const report = measureQuality(project, { count: 12, seed: 2 });
    const found = report.findings.filter((f) => f.category === 'grounding');
    expect(found).toHaveLength(12);
    expect(found[0]).toMatchObject({ code: 'invented-id', chainId: 'book-and-invite', callId: 'book', tool: 'book_room', path: 'room_id' });
    expect(formatQualityReport('x', report)).toMatch(/^grounding: 12 findings \(invented-id 12\)$/m);
  });

  it('finds none in the example as it is', () => {
    const report = measureQuality(loadExample('room-booking'), { count: 12, seed: 2 });
    expect(report.grounding).toBe(true);
    expect(report.findings.filter((f) => f.category === 'grounding')).toEqual([]);
  });
});
