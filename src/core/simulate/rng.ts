/**
 * A small, fast, seeded pseudo-random generator (sfc32, seeded through splitmix32).
 *
 * Everything random in the simulated world (our own picks and Faker's, see faker.ts) draws
 * from one Rng so that one seed fixes a whole example. Reseeding costs a few dozen integer
 * operations, so it can be done per example in a hot loop.
 */

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included (min > max returns min). */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** `n` random characters from `alphabet` (letters and digits by default). */
  chars(n: number, alphabet?: string): string;
  /** Restarts the stream as `createRng(seed)` would. */
  reseed(seed: number): void;
  /** Where the stream is now; `restore` goes back there (to redo draws another way). */
  save(): RngState;
  restore(state: RngState): void;
}

export type RngState = readonly [number, number, number, number];

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const TWO_POW_32 = 4294967296;

class Sfc32 implements Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(seed: number) {
    this.reseed(seed);
  }

  reseed(seed: number): void {
    // splitmix32 expands the 32-bit seed into the four words of state.
    let s = seed >>> 0;
    const words = [0, 0, 0, 0];
    for (let i = 0; i < 4; i++) {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      words[i] = (z ^ (z >>> 15)) >>> 0;
    }
    this.a = words[0];
    this.b = words[1];
    this.c = words[2];
    this.d = words[3] | 1;
    // Warm up, as recommended for sfc32.
    for (let i = 0; i < 12; i++) this.u32();
  }

  private u32(): number {
    let { a, b, c, d } = this;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    return t >>> 0;
  }

  next(): number {
    return this.u32() / TWO_POW_32;
  }

  save(): RngState {
    return [this.a, this.b, this.c, this.d];
  }

  restore(state: RngState): void {
    [this.a, this.b, this.c, this.d] = state;
  }

  int(min: number, max: number): number {
    const lo = Math.ceil(min);
    const hi = Math.floor(max);
    if (!(hi > lo)) return lo;
    const span = hi - lo + 1;
    if (span <= TWO_POW_32) return lo + Math.floor(this.next() * span);
    // Wide ranges: 53 bits of randomness.
    const r = (this.u32() * 2097152 + (this.u32() >>> 11)) / 9007199254740992;
    return Math.min(hi, lo + Math.floor(r * span));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chars(n: number, alphabet: string = ALNUM): string {
    let out = '';
    const len = alphabet.length;
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(this.next() * len)];
    return out;
  }
}

export function createRng(seed: number): Rng {
  return new Sfc32(seed);
}

/** murmur3's 32-bit finaliser: full avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Mixes numbers and strings into one well-distributed unsigned 32-bit seed
 * (FNV-1a over the parts, a separator between parts, then murmur3's finaliser), so
 * `hashSeed(s, c, i)` and `hashSeed(s, c, i + 1)` give unrelated streams.
 */
export function hashSeed(...parts: (number | string)[]): number {
  let h = 0x811c9dc5;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    if (typeof part === 'number' && Number.isInteger(part) && Math.abs(part) < TWO_POW_32) {
      h = Math.imul(h ^ 0x6e, 0x01000193); // type tag: integer
      const v = part >>> 0;
      h = Math.imul(h ^ (v & 0xff), 0x01000193);
      h = Math.imul(h ^ ((v >>> 8) & 0xff), 0x01000193);
      h = Math.imul(h ^ ((v >>> 16) & 0xff), 0x01000193);
      h = Math.imul(h ^ (v >>> 24), 0x01000193);
      if (part < 0) h = Math.imul(h ^ 0x2d, 0x01000193);
    } else {
      const s = typeof part === 'number' ? `#${part}` : part;
      h = Math.imul(h ^ 0x73, 0x01000193); // type tag: string
      for (let i = 0; i < s.length; i++) {
        const code = s.charCodeAt(i);
        h = Math.imul(h ^ (code & 0xff), 0x01000193);
        h = Math.imul(h ^ (code >>> 8), 0x01000193);
      }
    }
    // Part separator, and an intermediate avalanche so parts do not cancel each other.
    h = fmix32(Math.imul(h ^ 0xff, 0x01000193));
  }
  return fmix32(h ^ parts.length);
}
