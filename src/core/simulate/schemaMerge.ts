/**
 * Merging two schemas that must both hold (`allOf`, `$ref` with siblings, a `oneOf` branch with
 * the keywords beside it) into one schema to generate from. Simple cases merge exactly
 * (types intersect, bounds tighten, `required` and `properties` unite, `enum`s intersect);
 * where two subschemas meet (same property, `items`) they become `{ allOf: [a, b] }`, merged
 * in turn when that subschema is compiled. Conflicts nothing can satisfy are kept as they
 * are; the result then simply does not validate (best effort).
 */
import type { JsonSchema, JsonValue } from '../project/types.ts';
import { isObject, jsonEqual } from './json.ts';

const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties', 'minContains'];
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains'];
const SUBSCHEMA = ['items', 'additionalProperties', 'additionalItems', 'contains', 'propertyNames'];
const SCHEMA_MAPS = ['properties', 'patternProperties'];

function both(a: JsonValue, b: JsonValue): JsonValue {
  if (a === true) return b;
  if (b === true) return a;
  if (a === false || b === false) return false;
  if (jsonEqual(a, b)) return a;
  return { allOf: [a, b] };
}

function typeList(t: JsonValue | undefined): string[] | undefined {
  if (typeof t === 'string') return [t];
  if (Array.isArray(t) && t.every((x) => typeof x === 'string')) return t as string[];
  return undefined;
}

function intersectTypes(a: string[], b: string[]): string[] {
  const out: string[] = [];
  for (const t of a) {
    if (b.includes(t)) out.push(t);
    else if (t === 'integer' && b.includes('number')) out.push('integer');
    else if (t === 'number' && b.includes('integer')) out.push('integer');
  }
  return [...new Set(out)];
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

export function mergeSchemas(a: JsonSchema, b: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...a };
  for (const key of Object.keys(b)) {
    const bv = b[key];
    if (!(key in out)) {
      out[key] = bv;
      continue;
    }
    const av = out[key];
    if (key === 'type') {
      const ta = typeList(av);
      const tb = typeList(bv);
      if (ta && tb) {
        const types = intersectTypes(ta, tb);
        if (types.length > 0) out.type = types.length === 1 ? types[0] : types;
      }
    } else if (LOWER_BOUNDS.includes(key)) {
      if (typeof av === 'number' && typeof bv === 'number') out[key] = Math.max(av, bv);
    } else if (UPPER_BOUNDS.includes(key)) {
      if (typeof av === 'number' && typeof bv === 'number') out[key] = Math.min(av, bv);
    } else if (key === 'required') {
      if (Array.isArray(av) && Array.isArray(bv)) out.required = [...new Set([...av, ...bv])];
    } else if (key === 'enum') {
      if (Array.isArray(av) && Array.isArray(bv)) {
        const common = av.filter((x) => bv.some((y) => jsonEqual(x, y)));
        if (common.length > 0) out.enum = common;
      }
    } else if (key === 'multipleOf') {
      if (typeof av === 'number' && typeof bv === 'number' && av !== bv) {
        if (Number.isInteger(av) && Number.isInteger(bv)) out.multipleOf = (av / gcd(av, bv)) * bv;
        else if (Number.isInteger(bv / av)) out.multipleOf = bv;
      }
    } else if (key === 'uniqueItems') {
      out.uniqueItems = av === true || bv === true;
    } else if (SUBSCHEMA.includes(key)) {
      out[key] = both(av, bv);
    } else if (SCHEMA_MAPS.includes(key)) {
      if (isObject(av) && isObject(bv)) {
        const map: { [k: string]: JsonValue } = { ...av };
        for (const k of Object.keys(bv)) map[k] = k in map ? both(map[k], bv[k]) : bv[k];
        out[key] = map;
      }
    } else if (key === 'anyOf' || key === 'oneOf') {
      // Both sides branch: every pair of branches.
      if (Array.isArray(av) && Array.isArray(bv)) {
        const pairs: JsonValue[] = [];
        for (const x of av) for (const y of bv) pairs.push(both(x, y));
        out[key] = pairs;
      }
    } else if (key === 'allOf') {
      if (Array.isArray(av) && Array.isArray(bv)) out.allOf = [...av, ...bv];
    }
    // Anything else (format, pattern, const, annotations, x-fake, …): the first one wins.
  }
  return out;
}
