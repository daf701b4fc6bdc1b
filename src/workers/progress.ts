/**
 * Progress of a run: examples done, examples per second and the time left, from the count
 * done so far and the time since the run started. The rate is the run's average so far (steady
 * for a generator that does the same work per example); the time left is undefined until there
 * is a rate to go by.
 */
export interface ProgressFigures {
  done: number;
  total: number;
  /** 0–1. */
  fraction: number;
  elapsedMs: number;
  /** Examples per second so far; 0 before any example is done. */
  rate: number;
  /** Milliseconds left at the current rate; undefined while the rate is unknown. */
  etaMs?: number;
}

export function progressFigures(done: number, total: number, elapsedMs: number): ProgressFigures {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const rate = done > 0 && elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const figures: ProgressFigures = { done, total, fraction, elapsedMs, rate };
  if (done >= total) figures.etaMs = 0;
  else if (rate > 0) figures.etaMs = ((total - done) * 1000) / rate;
  return figures;
}

/** "12 s", "3 min 05 s", "1 h 02 min"; "less than a second" under one second. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return 'less than a second';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

const GROUPED = new Intl.NumberFormat('en-US');

/** 12345 → "12,345". */
export function formatCount(n: number): string {
  return GROUPED.format(Math.round(n));
}

/** 1536 → "1.5 KB"; decimal units like file managers. */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = n / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** "12,345 of 100,000 examples · 9,800 examples/s · 9 s left". */
export function describeProgress(p: ProgressFigures): string {
  const parts = [`${formatCount(p.done)} of ${formatCount(p.total)} examples`];
  if (p.rate > 0) parts.push(`${formatCount(p.rate)} examples/s`);
  if (p.done < p.total) parts.push(p.etaMs === undefined ? 'estimating time left' : `${formatDuration(p.etaMs)} left`);
  return parts.join(' · ');
}

/** Lets through at most one update per `intervalMs`, and always the last one (done). */
export function throttle(intervalMs: number, now: () => number = () => Date.now()): (force?: boolean) => boolean {
  let last = -Infinity;
  return (force = false) => {
    const t = now();
    if (!force && t - last < intervalMs) return false;
    last = t;
    return true;
  };
}
