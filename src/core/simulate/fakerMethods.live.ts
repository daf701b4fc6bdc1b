import type { Faker } from '@faker-js/faker';

/** Names never resolved as a module or a method (see fakerPath.ts). */
export const FORBIDDEN_FAKER_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype', 'fakerCore', 'faker']);

/**
 * The method paths a Faker instance resolves ("module.method", sorted): an own object property
 * of the instance and an own function property of that module, as `resolveFakerMethod` accepts.
 */
export function liveFakerMethods(faker: Faker): string[] {
  const out: string[] = [];
  const modules = faker as unknown as Record<string, unknown>;
  for (const name of Object.keys(modules).sort()) {
    const mod = modules[name];
    if (FORBIDDEN_FAKER_NAMES.has(name) || typeof mod !== 'object' || mod === null) continue;
    for (const method of Object.keys(mod).sort()) {
      if (!FORBIDDEN_FAKER_NAMES.has(method) && typeof (mod as Record<string, unknown>)[method] === 'function') out.push(`${name}.${method}`);
    }
  }
  return out;
}
