/**
 * Generating a string for a string schema: `format`, then `pattern`, then the field-name hint,
 * then a lorem word or two. With `minLength`/`maxLength`/`pattern`/a checked `format`, each
 * candidate is tested (a few tries), plain text is padded/cut to the length bounds, and the
 * last resort is a random string that at least satisfies the length bounds.
 */
import type { JsonSchema } from '../project/types.ts';
import { formatCheck } from './conforms.ts';
import type { SeededFaker } from './faker.ts';
import { stringHintFor } from './fieldHints.ts';
import { formatGenerator } from './formats.ts';
import type { StringGen } from './formats.ts';
import { codePointLength } from './json.ts';
import { compilePattern } from './pattern.ts';

const loremWords: StringGen = (sf) => sf.faker.lorem.words(sf.rng.int(1, 2));

function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const cps = Array.from(s);
  return cps.length <= max ? s : cps.slice(0, max).join('');
}

export function compileString(schema: JsonSchema, fieldName: string | undefined): StringGen {
  const minLength = typeof schema.minLength === 'number' ? Math.max(0, Math.ceil(schema.minLength)) : 0;
  const maxLength = typeof schema.maxLength === 'number' ? Math.floor(schema.maxLength) : undefined;
  const format = typeof schema.format === 'string' ? schema.format : undefined;
  const fmtGen = format ? formatGenerator(format) : undefined;
  const fmtOk = format ? formatCheck(format) : undefined;
  let re: RegExp | undefined;
  let patGen: ((sf: SeededFaker) => string) | undefined;
  if (typeof schema.pattern === 'string') {
    try {
      re = new RegExp(schema.pattern, 'u');
    } catch {
      re = undefined;
    }
    const p = compilePattern(schema.pattern);
    if (p) patGen = (sf) => p(sf.rng);
  }
  const hint = fmtGen ? undefined : stringHintFor(fieldName);
  const primary: StringGen = fmtGen ?? patGen ?? hint ?? loremWords;

  const hasLength = minLength > 0 || maxLength !== undefined;
  // Without constraints the primary generator is trusted (formats are tested to validate).
  if (!hasLength && !re && !(fmtOk && !fmtGen)) return primary;

  // Plain text may be padded and cut; values with a format or pattern may not.
  const canFit = !re && !fmtOk;
  const ok = (v: string): boolean => {
    if (hasLength) {
      const n = codePointLength(v);
      if (n < minLength || (maxLength !== undefined && n > maxLength)) return false;
    }
    return (!re || re.test(v)) && (!fmtOk || fmtOk(v));
  };
  const fit = (v: string, sf: SeededFaker): string => {
    let s = v;
    while (codePointLength(s) < minLength) s += ` ${sf.faker.lorem.word()}`;
    if (maxLength !== undefined && codePointLength(s) > maxLength) s = cut(s, maxLength).trimEnd();
    const n = codePointLength(s);
    if (n < minLength) s += sf.rng.chars(minLength - n);
    return s;
  };
  const lastResort = (sf: SeededFaker): string => {
    const hi = maxLength ?? minLength + 8;
    const n = sf.rng.int(Math.min(minLength, hi), Math.min(hi, Math.max(minLength, 8)));
    return sf.rng.chars(Math.max(0, n));
  };

  return (sf) => {
    let v = primary(sf);
    for (let attempt = 0; attempt < 6; attempt++) {
      if (canFit) v = fit(v, sf);
      if (ok(v)) return v;
      v = primary(sf);
    }
    if (patGen && primary !== patGen) {
      for (let attempt = 0; attempt < 6; attempt++) {
        v = patGen(sf);
        if (ok(v)) return v;
      }
    }
    if (hint && primary !== hint) {
      v = hint(sf);
      if (ok(v)) return v;
    }
    for (let attempt = 0; attempt < 4; attempt++) {
      v = lastResort(sf);
      if (ok(v)) return v;
    }
    return v;
  };
}
