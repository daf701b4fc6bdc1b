/**
 * Generating a number or an integer: within `minimum`/`maximum`/`exclusiveMinimum`/
 * `exclusiveMaximum` (draft-04 boolean exclusives are turned into numbers before this),
 * a multiple of `multipleOf` when given (valid by ajv's rule, `value / multipleOf` is an
 * integer, and written with no more decimals than `multipleOf` has: `98.46`, never
 * `98.46000000000001`). Both bounds declared: spread over the whole range. One bound or none:
 * a realistic range from the field name (`age` 18–85, `price` 5–500, `high_c` −10–32, …;
 * otherwise 1–100) within the bound. Numbers get 2 decimals unless the name says otherwise.
 */
import type { JsonSchema } from '../project/types.ts';
import type { SeededFaker } from './faker.ts';
import { numberHintForField } from './fieldHints.ts';

export type NumberGen = (sf: SeededFaker) => number;

/** Generation never strays beyond this magnitude unless the bounds demand it. */
const SANE = 1e12;
const DEFAULT_SPAN = 100;

function decimalsOf(n: number): number {
  const s = String(n);
  const e = s.indexOf('e-');
  if (e >= 0) return Math.min(20, Number(s.slice(e + 2)) + (s.indexOf('.') >= 0 ? e - s.indexOf('.') - 1 : 0));
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * `v` with at most `decimals` decimals: k / 10^d, one division, so the double is the one
 * nearest that decimal and prints as it (`98.46`); `toFixed` for more digits or huge values.
 */
function round(v: number, decimals: number): number {
  if (decimals < POW10.length) {
    const p = POW10[decimals];
    const k = Math.round(v * p);
    if (Math.abs(k) < 9e15) return k / p;
  }
  return Number(v.toFixed(Math.min(20, decimals)));
}

/**
 * ajv's rule, `q === parseInt(q)` with q = v / m, without the string round trip: an integer
 * below 1e21 prints as plain digits (parseInt gives it back), anything else does not.
 */
export function isMultiple(v: number, m: number): boolean {
  const q = v / m;
  return Number.isInteger(q) && Math.abs(q) < 1e21;
}

/** The bounds of a number schema: [lo, hi] with whether each end is exclusive. */
export interface NumberBounds {
  lo: number;
  hi: number;
  loEx: boolean;
  hiEx: boolean;
}

export function numberBounds(schema: JsonSchema): NumberBounds {
  let lo = -Infinity;
  let hi = Infinity;
  let loEx = false;
  let hiEx = false;
  if (typeof schema.minimum === 'number') lo = schema.minimum;
  if (typeof schema.exclusiveMinimum === 'number' && schema.exclusiveMinimum >= lo) {
    lo = schema.exclusiveMinimum;
    loEx = true;
  }
  if (typeof schema.maximum === 'number') hi = schema.maximum;
  if (typeof schema.exclusiveMaximum === 'number' && schema.exclusiveMaximum <= hi) {
    hi = schema.exclusiveMaximum;
    hiEx = true;
  }
  return { lo, hi, loEx, hiEx };
}

export function compileNumber(schema: JsonSchema, integer: boolean, fieldName: string | undefined, subject?: string): NumberGen {
  const { lo, hi, loEx, hiEx } = numberBounds(schema);
  const multipleOf = typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : undefined;
  const hint = numberHintForField(fieldName, subject);
  const decimals = integer ? 0 : Math.max(hint?.decimals ?? 2, 0);

  // The range to draw from: both bounds declared, the whole range; else the name's range
  // within the one bound when they overlap, else the bound completed by a default span.
  let a: number;
  let b: number;
  const hlo = hint ? hint.min : 1;
  const hhi = hint ? hint.max : 100;
  if (Number.isFinite(lo) && Number.isFinite(hi)) {
    a = lo;
    b = hi;
  } else if (Math.max(lo, hlo) < Math.min(hi, hhi)) {
    a = Math.max(lo, hlo);
    b = Math.min(hi, hhi);
  } else if (Number.isFinite(lo)) {
    a = lo;
    b = Math.max(lo, Math.min(SANE, lo) + DEFAULT_SPAN);
  } else if (Number.isFinite(hi)) {
    b = hi;
    a = hi > 0 ? 0 : Math.max(-SANE, hi) - DEFAULT_SPAN;
    a = Math.min(a, hi);
  } else {
    a = hlo;
    b = hhi;
  }
  a = Math.max(a, Math.min(-SANE, b - DEFAULT_SPAN));
  b = Math.min(b, Math.max(SANE, a + DEFAULT_SPAN));
  if (multipleOf !== undefined && Math.ceil(a / multipleOf) > Math.floor(b / multipleOf)) {
    // The realistic range holds no multiple: use the bounds, widened on open sides.
    const span = Math.max(DEFAULT_SPAN, 10 * multipleOf);
    a = Number.isFinite(lo) ? lo : Number.isFinite(hi) ? hi - span : 0;
    b = Number.isFinite(hi) ? hi : a + span;
  }

  const inRange = (v: number): boolean => Number.isFinite(v) && (loEx ? v > lo : v >= lo) && (hiEx ? v < hi : v <= hi);

  if (integer) {
    const ia = a === lo && loEx ? Math.floor(a) + 1 : Math.ceil(a);
    const ib = b === hi && hiEx ? Math.ceil(b) - 1 : Math.floor(b);
    if (multipleOf === undefined) return (sf) => sf.rng.int(ia, ib);
    const valid = (v: number) => Number.isInteger(v) && v >= ia && v <= ib && isMultiple(v, multipleOf);
    return multiples(ia, ib, multipleOf, valid, ia);
  }

  if (multipleOf === undefined) {
    const mid = (a + b) / 2;
    return (sf) => {
      const raw = a + sf.rng.next() * (b - a);
      const v = round(raw, decimals);
      if (inRange(v)) return v;
      if (inRange(raw)) return raw;
      return mid;
    };
  }
  const valid = (v: number) => inRange(v) && isMultiple(v, multipleOf);
  return multiples(a, b, multipleOf, valid, inRange(0) ? 0 : a);
}

/**
 * Random multiples of `m` within [a, b] that pass `valid`, written with `m`'s decimals
 * (`k · m` rounded: 98.46 rather than 98.46000000000001); a rounded value ajv's float
 * division rejects (0.29 / 0.01 ≠ 29) is drawn again. `fallback` when none is found.
 */
function multiples(a: number, b: number, m: number, valid: (v: number) => boolean, fallback: number): NumberGen {
  const kmin = Math.ceil(a / m);
  const kmax = Math.floor(b / m);
  const dm = decimalsOf(m);
  const clean = (v: number): boolean => dm > 20 || round(v, dm) === v;
  const at = (k: number): number => {
    const v = k * m;
    if (dm === 0 || Number.isInteger(v)) return v;
    const r = round(v, dm);
    return isMultiple(r, m) ? r : v;
  };
  // A deterministic valid value, found once, for when random picks keep failing.
  let known: number | undefined;
  const findKnown = (): number => {
    if (known !== undefined) return known;
    known = fallback;
    let noisy: number | undefined;
    for (let k = kmin, n = 0; k <= kmax && n < 2000; k++, n++) {
      const v = at(k);
      if (!valid(v)) continue;
      if (clean(v)) {
        known = v;
        return known;
      }
      noisy ??= v;
    }
    if (noisy !== undefined) known = noisy;
    return known;
  };
  return (sf) => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const v = at(sf.rng.int(kmin, kmax));
      if (valid(v) && clean(v)) return v;
    }
    return findKnown();
  };
}
