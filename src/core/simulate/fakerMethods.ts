import { FAKER_METHOD_LIST } from './fakerMethods.list.ts';

/**
 * Every Faker method path a slot's `fake` or a schema's `x-fake` may name ("person.fullName"),
 * without loading Faker: the list is generated from the pinned @faker-js/faker by
 * scripts/faker-methods.ts, and fakerMethods.test.ts holds it against the installed Faker.
 * Checking a design (on every edit in the page) therefore needs no Faker; generating does.
 */
export const FAKER_METHODS: ReadonlySet<string> = new Set(FAKER_METHOD_LIST);

/** Whether `path` names a Faker method (exactly what `resolveFakerMethod` resolves). */
export function isFakerMethod(path: unknown): boolean {
  return typeof path === 'string' && FAKER_METHODS.has(path);
}
