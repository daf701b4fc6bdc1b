import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exampleTexts, loadExample } from '../testing/fixtures.ts';
import { chainPattern, patternOfPlan, PATTERNS } from './chainPattern.ts';

describe('patternOfPlan', () => {
  it('maps every shape of levels to exactly one of the five rows', () => {
    const of = (levels: number[]) => patternOfPlan({ levels: levels.map((n, l) => Array.from({ length: n }, (_, k) => `c${l}_${k}`)) });
    expect(of([])).toBe('single');
    expect(of([1])).toBe('single');
    expect(of([1, 1])).toBe('sequential-2');
    expect(of([2])).toBe('parallel-2');
    expect(of([4])).toBe('parallel-2');
    expect(of([1, 1, 1])).toBe('sequential-3plus');
    expect(of([1, 1, 1, 1, 1])).toBe('sequential-3plus');
    expect(of([2, 1])).toBe('mixed');
    expect(of([1, 3])).toBe('mixed');
    expect(of([3, 2, 1])).toBe('mixed');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 6 }), (levels) => {
        expect(PATTERNS).toContain(of(levels));
      }),
    );
  });

  it('gives the example chains their patterns', () => {
    const patterns = Object.fromEntries(
      Object.keys(exampleTexts).flatMap((name) => {
        const project = loadExample(name);
        return project.chains.map((c) => [`${name}/${c.id}`, chainPattern(project, c)]);
      }),
    );
    expect(patterns).toMatchObject({
      'room-booking/book-and-invite': 'mixed',
      'tasks-and-calendar/day-overview': 'parallel-2',
      'trip-planning/plan-trip': 'mixed',
      'trip-planning/weather-only': 'single',
      'trip-planning/find-and-book-hotel': 'sequential-2',
      'trip-planning/flights-and-weather': 'parallel-2',
      'trip-planning/book-flight-and-send': 'sequential-3plus',
    });
  });
});
