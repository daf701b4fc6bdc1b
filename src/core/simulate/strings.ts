/**
 * Generating a string for a string schema: `format`, then `pattern`, then what the field's
 * name (read with its object's subject and the tool's domain) or its description suggests
 * (fieldHints.ts), then generic words of the domain (never lorem ipsum; counted by an installed
 * probe as a fallback). With `minLength`/`maxLength`/`pattern`/a checked `format`, each
 * candidate is tested (a few tries), plain text is padded (with words of the domain) and cut
 * to the length bounds, and the last resort is a random string that at least satisfies them.
 */
import type { JsonSchema } from '../project/types.ts';
import { formatCheck } from './conforms.ts';
import type { SeededFaker } from './faker.ts';
import { dateFormatHint, fallbackWords, stringGenFor } from './fieldHints.ts';
import type { FieldInfo } from './fieldHints.ts';
import { formatGenerator } from './stringFormats.ts';
import type { StringGen } from './stringFormats.ts';
import { codePointLength } from './json.ts';
import { compilePattern } from './regexStrings.ts';
import { activeProbe } from './probe.ts';

/** Generic words of the domain, reported to an installed probe as a string nothing placed. */
const genericWords = (info: FieldInfo): StringGen => {
  const words = fallbackWords(info.domain);
  const name = info.name;
  return (sf) => {
    const v = words(sf);
    if (activeProbe) activeProbe.fallback(name, v);
    return v;
  };
};

function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const cps = Array.from(s);
  return cps.length <= max ? s : cps.slice(0, max).join('');
}

/** `info`: the field (a name, or just `{ name }`); `base`, a generator to use before the hints (e.g. "now" for an action's timestamps). */
export function compileString(schema: JsonSchema, info: FieldInfo | string | undefined, base?: StringGen): StringGen {
  const field: FieldInfo = typeof info === 'string' || info === undefined ? { name: info } : info;
  const minLength = typeof schema.minLength === 'number' ? Math.max(0, Math.ceil(schema.minLength)) : 0;
  const maxLength = typeof schema.maxLength === 'number' ? Math.floor(schema.maxLength) : undefined;
  const format = typeof schema.format === 'string' ? schema.format : undefined;
  const fmtGen = format ? (dateFormatHint(format, field.name) ?? formatGenerator(format)) : undefined;
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
  const hint = fmtGen ? undefined : stringGenFor(field);
  const filler = fallbackWords(field.domain);
  const primary: StringGen = base ?? fmtGen ?? patGen ?? hint ?? genericWords(field);

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
    while (codePointLength(s) < minLength) s += ` ${filler(sf)}`;
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
