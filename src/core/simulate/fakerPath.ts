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
  const date =
    value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) return String(value);
  if (as === 'date') {
    return `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
  }
  return `${date.toISOString().slice(0, 19)}Z`;
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

/**
 * Calls the Faker method at `path` with `args` and returns its result as JSON.
 * Throws only when the path does not resolve (validate paths up front with resolveFakerMethod).
 * If Faker rejects the arguments, the method is called again without them; if that fails
 * too, the result is null.
 */
export function callFaker(faker: Faker, path: string, args?: JsonValue[]): JsonValue {
  const method = resolveFakerMethod(faker, path);
  if (!method) throw new Error(`Unknown Faker method "${path}"`);
  if (args && args.length > 0) {
    try {
      return toJsonValue(method(...args));
    } catch {
      // Bad arguments: fall through to a call without them.
    }
  }
  try {
    return toJsonValue(method());
  } catch {
    return null;
  }
}
