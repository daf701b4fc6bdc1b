/**
 * Lines that repeat an earlier line of a run. distil writes one line per call, and the first
 * line of an example is the request alone with its first call: a design with a dozen ways of
 * asking gives that line a dozen times in every hundred examples, and a repeated test line is a
 * train line (the test then measures recall). A run of such a format leaves out every line
 * that is already in one of its files (see ExportFormat.distinctLines).
 *
 * Lines are remembered by a 64-bit hash (two 32-bit halves), not by their text: a million
 * lines take tens of megabytes rather than their size. Two different lines sharing a hash
 * (about one chance in 2^64 / n^2) would drop the later one.
 */
export class RepeatFilter {
  private readonly seen = new Set<bigint>();
  /** Lines left out so far. */
  repeated = 0;

  /** Whether `line` is new to the run (it is then remembered); counts it when it is not. */
  accept(line: string): boolean {
    const key = lineHash(line);
    if (this.seen.has(key)) {
      this.repeated += 1;
      return false;
    }
    this.seen.add(key);
    return true;
  }

  /** Remembers `line` as written before this part of the run (a shard replaying the examples before it). */
  remember(line: string): void {
    this.seen.add(lineHash(line));
  }

  /** Distinct lines seen. */
  get size(): number {
    return this.seen.size;
  }
}

/** cyrb53's two 32-bit halves, both kept (a public-domain string hash by bryc). */
export function lineHash(text: string): bigint {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (BigInt(h2 >>> 0) << 32n) | BigInt(h1 >>> 0);
}
