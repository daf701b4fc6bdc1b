import type { Io } from './shared.ts';

/**
 * Progress of a long run on standard error — only when it is a terminal and the run is long
 * enough to be worth it: examples done, examples per second and time left, redrawn in place
 * at most a few times a second.
 */
export class Progress {
  private readonly started = Date.now();
  private last = 0;
  private drawn = false;
  private readonly enabled: boolean;

  constructor(
    private readonly io: Io,
    private readonly total: number,
    minimum = 20_000,
  ) {
    this.enabled = io.stderrIsTTY === true && total >= minimum;
  }

  update(done: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 250 && done < this.total) return;
    this.last = now;
    const seconds = Math.max(0.001, (now - this.started) / 1000);
    const rate = done / seconds;
    const left = rate > 0 ? Math.ceil((this.total - done) / rate) : 0;
    const pct = this.total ? Math.floor((done / this.total) * 100) : 100;
    this.io.stderr(
      `\r${done.toLocaleString('en-US')} / ${this.total.toLocaleString('en-US')} examples (${pct}%), ${Math.round(rate).toLocaleString('en-US')}/s, ${left} s left   `,
    );
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.io.stderr('\r\x1b[2K');
    this.drawn = false;
  }
}
