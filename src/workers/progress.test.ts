import { describe, expect, it } from 'vitest';
import { describeProgress, formatBytes, formatDuration, progressFigures, throttle } from './progress.ts';

describe('progressFigures', () => {
  it('gives the rate so far and the time left at that rate', () => {
    const p = progressFigures(2_500, 10_000, 500);
    expect(p.rate).toBe(5_000);
    expect(p.etaMs).toBe(1_500);
    expect(p.fraction).toBe(0.25);
  });

  it('has no time left estimate before the first example, and none left at the end', () => {
    expect(progressFigures(0, 100, 0).etaMs).toBeUndefined();
    expect(progressFigures(0, 100, 250).rate).toBe(0);
    expect(progressFigures(100, 100, 250).etaMs).toBe(0);
    expect(progressFigures(0, 0, 0).fraction).toBe(1);
  });
});

describe('wording', () => {
  it('says the count, the rate and the time left', () => {
    expect(describeProgress(progressFigures(12_345, 100_000, 1_000))).toBe('12,345 of 100,000 examples · 12,345 examples/s · 7 s left');
    expect(describeProgress(progressFigures(0, 10, 0))).toBe('0 of 10 examples · estimating time left');
    expect(describeProgress(progressFigures(10, 10, 2_000))).toBe('10 of 10 examples · 5 examples/s');
  });

  it('writes durations and sizes a person reads', () => {
    expect(formatDuration(400)).toBe('less than a second');
    expect(formatDuration(59_400)).toBe('59 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(3_725_000)).toBe('1 h 02 min');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1_536)).toBe('1.5 KB');
    expect(formatBytes(312_000_000)).toBe('312 MB');
  });
});

describe('throttle', () => {
  it('lets one update through per interval, and forced ones always', () => {
    let t = 0;
    const due = throttle(100, () => t);
    expect(due()).toBe(true);
    t = 50;
    expect(due()).toBe(false);
    expect(due(true)).toBe(true);
    t = 120;
    expect(due()).toBe(false);
    t = 151;
    expect(due()).toBe(true);
  });
});
