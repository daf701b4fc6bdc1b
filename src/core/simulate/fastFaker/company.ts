/**
 * A faster `company.name` for our own Faker instance: the same draws and the same text.
 * Faker's `name()` is `helpers.fake(definitions.company.name_pattern)`: `arrayElement` of the
 * patterns, then each `{{…}}` expression left to right — in `en`, `person.lastName` (a call of
 * the person module's `lastName`) and `company.legal_entity_type` (one pick). Reading the list
 * through Faker's locale proxies and expanding it through `fake` cost more than the draws; here
 * the list is read once from the raw definitions (the same array the proxies hand out) and
 * compiled once (`compilePatterns`, which makes `fake`'s draws in `fake`'s order). A missing or
 * odd pattern list keeps Faker's own method, which throws as it always did.
 */
import type { Faker, Randomizer } from '@faker-js/faker';
import { compilePatterns, isPatterns } from './localePatterns.ts';

export function installFastCompany(faker: Faker, randomizer: Randomizer): void {
  const raw = (faker.rawDefinitions as Record<string, unknown>).company as Record<string, unknown> | undefined;
  const patterns = raw?.name_pattern;
  if (!isPatterns(patterns)) return;
  (faker.company as unknown as { name: () => string }).name = compilePatterns(faker, patterns, randomizer);
}
