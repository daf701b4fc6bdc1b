/**
 * Faker method paths (`"person.fullName"`) as used by `x-fake` and `{ "fake": ... }` slots.
 */
import type { Faker } from '@faker-js/faker';
import type { JsonValue } from '../project/types.ts';
import { setKey } from './json.ts';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype', 'fakerCore', 'faker']);

type FakerMethod = (...args: unknown[]) => unknown;

/**
 * `"module.method"` → the bound method, or undefined. Only an own module property of the
 * Faker instance and an own function property of that module are accepted (Faker binds its
 * methods onto each module instance), so nothing is ever looked up on a prototype chain
 * (`toString`, `constructor`, `__proto__`, … all resolve to undefined).
 */
export function resolveFakerMethod(faker: Faker, path: string): FakerMethod | undefined {
  let perFaker = resolved.get(faker);
  if (!perFaker) {
    perFaker = new Map();
    resolved.set(faker, perFaker);
  }
  let method = perFaker.get(path);
  if (method === undefined) {
    method = lookup(faker, path) ?? null;
    perFaker.set(path, method);
  }
  return method ?? undefined;
}

const resolved = new WeakMap<Faker, Map<string, FakerMethod | null>>();

function lookup(faker: Faker, path: string): FakerMethod | undefined {
  if (typeof path !== 'string') return undefined;
  const parts = path.split('.');
  if (parts.length !== 2) return undefined;
  const [moduleName, methodName] = parts;
  if (!moduleName || !methodName || FORBIDDEN.has(moduleName) || FORBIDDEN.has(methodName)) return undefined;
  if (!Object.prototype.hasOwnProperty.call(faker, moduleName)) return undefined;
  const mod = (faker as unknown as Record<string, unknown>)[moduleName];
  if (typeof mod !== 'object' || mod === null) return undefined;
  if (!Object.prototype.hasOwnProperty.call(mod, methodName)) return undefined;
  const method = (mod as Record<string, unknown>)[methodName];
  if (typeof method !== 'function') return undefined;
  return (method as FakerMethod).bind(mod);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * A Date (or a date string / epoch number) as `YYYY-MM-DD` or ISO 8601 (`2026-01-05T09:30:00Z`,
 * whole seconds, UTC). Values that are not a valid date are returned as `String(value)`.
 */
export function formatDate(value: unknown, as: 'date' | 'datetime'): string {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : undefined;
  // Years 0000–9999 from the epoch value directly (no Date object, no string slicing); others below.
  if (ms !== undefined && isWholeEpoch(ms)) return formatEpoch(ms, as);
  const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) return String(value);
  if (as === 'date') {
    return `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
  }
  return `${date.toISOString().slice(0, 19)}Z`;
}

const DAY_MS = 86_400_000;
/** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in ms. */
const MIN_MS = -62_167_219_200_000;
const MAX_MS = 253_402_300_800_000;

/** `YYYY-MM-DD` / `YYYY-MM-DDTHH:MM:SSZ` of an epoch value in years 0–9999 (days → civil date, H. Hinnant's algorithm). */
function formatEpoch(ms: number, as: 'date' | 'datetime'): string {
  const days = Math.floor(ms / DAY_MS);
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const date = `${y < 1000 ? String(y).padStart(4, '0') : y}-${pad2(m)}-${pad2(d)}`;
  if (as === 'date') return date;
  const secs = Math.floor((ms - days * DAY_MS) / 1000);
  return `${date}T${pad2(Math.floor(secs / 3600))}:${pad2(Math.floor(secs / 60) % 60)}:${pad2(secs % 60)}Z`;
}

/** Converts any value Faker returns to JSON: a Date → ISO string, other non-JSON values → strings. */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value instanceof Date) return formatDate(value, 'datetime');
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) setKey(out, key, toJsonValue(v));
    }
    return out;
  }
  if (value === undefined) return null;
  return String(value);
}

/** Days `date.soon` / `date.recent` span when a design gives no `days` (Faker's own default, 1, gives one or two dates). */
export const DEFAULT_SOON_DAYS = 30;

/**
 * Arguments for a Faker method that spread its values: `date.soon` and `date.recent` without
 * `days` get `DEFAULT_SOON_DAYS` (dates over weeks, not one day); other paths keep theirs.
 */
export function withDefaultFakerArgs(path: string, args: JsonValue[] | undefined): JsonValue[] | undefined {
  if (path !== 'date.soon' && path !== 'date.recent') return args;
  if (!args || args.length === 0) return [{ days: DEFAULT_SOON_DAYS }];
  const first = args[0];
  if (typeof first === 'object' && first !== null && !Array.isArray(first) && !('days' in first))
    return [{ ...first, days: DEFAULT_SOON_DAYS }, ...args.slice(1)];
  return args;
}

/**
 * Calls the Faker method at `path` with `args` and returns its result as JSON; with `as`, a
 * date result (a Date, a date string or an epoch number) as `formatDate(value, as)` gives it.
 * Throws only when the path does not resolve (validate paths up front with resolveFakerMethod).
 * If Faker rejects the arguments, the method is called again without them; if that fails
 * too, the result is null.
 */
export function callFaker(faker: Faker, path: string, args?: JsonValue[], as?: 'date' | 'datetime'): JsonValue {
  const method = resolveFakerMethod(faker, path);
  if (!method) throw new Error(`Unknown Faker method "${path}"`);
  args = withDefaultFakerArgs(path, args);
  if (args && args.length > 0) {
    try {
      return fakerResult(method(...args), as);
    } catch {
      // Bad arguments: fall through to a call without them.
    }
  }
  try {
    return fakerResult(method(), as);
  } catch {
    return null;
  }
}

/** A Faker method's value as JSON, and with `as`, as `formatDate(value, as)` gives it. */
function fakerResult(raw: unknown, as: 'date' | 'datetime' | undefined): JsonValue {
  // A Date in years 0–9999 straight to `as`: the same text as through its ISO string, unparsed.
  if (as && raw instanceof Date && isWholeEpoch(raw.getTime())) return formatDate(raw, as);
  const value = toJsonValue(raw);
  return as ? formatDate(value, as) : value;
}

/** An epoch value `formatDate` writes without a Date object (whole ms, years 0000–9999). */
function isWholeEpoch(ms: number): boolean {
  return ms >= MIN_MS && ms < MAX_MS && Number.isInteger(ms);
}
