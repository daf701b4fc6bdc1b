/**
 * Faster `internet.username` and `internet.email` for our own Faker instance: the same draws in
 * the same order and the same text. Faker's `username` transliterates its result character by
 * character (NFKD, a map of non-Latin letters, code points); for a name of plain ASCII letters,
 * digits and `._' -` that is the identity, so only the `'` and space removal is left. `email`
 * then strips characters and dots with four regular expressions, none of which changes a local
 * part that is already clean. Anything else goes to Faker's own code (for `username`, after
 * rewinding the stream to where the call began), so results are identical.
 */
import type { Faker } from '@faker-js/faker';
import type { Rng } from '../rng.ts';

interface Internet {
  username: (options?: { firstName?: string; lastName?: string }) => string;
  email: (options?: { firstName?: string; lastName?: string; provider?: string; allowSpecialCharacters?: boolean }) => string;
}

/** Characters that Faker's transliteration leaves as they are (ASCII, not in its map). */
const PLAIN = /^[A-Za-z0-9._' -]*$/;
/** A local part none of `email`'s clean-ups changes: allowed characters, no `..`, no dot first or last, at most 50. */
const CLEAN_LOCAL = /^(?!\.)(?!.*\.\.)(?!.*\.$)[A-Za-z0-9._+-]{0,50}$/;
const SEPARATORS = ['.', '_'];

export function installFastInternet(faker: Faker, rng: Rng): void {
  const internet = faker.internet as unknown as Internet;
  const usernameOriginal = internet.username;
  const emailOriginal = internet.email;

  // Faker: first/last name (drawn when not given), a separator, a number, then one of three
  // (two when a last name is given) patterns — every draw made before the pattern is known.
  const username: Internet['username'] = (options = {}) => {
    const start = rng.save();
    const first = options.firstName === undefined ? faker.person.firstName() : options.firstName;
    const last = options.lastName === undefined ? faker.person.lastName() : options.lastName;
    const separator = faker.helpers.arrayElement(SEPARATORS);
    const number = faker.number.int(99);
    const pattern = faker.helpers.arrayElement(options.lastName ? [0, 1] : [0, 1, 2]);
    const raw = pattern === 0 ? `${first}${separator}${last}${number}` : pattern === 1 ? `${first}${separator}${last}` : `${first}${number}`;
    if (!PLAIN.test(raw)) {
      // Faker's transliteration table is not exported: go back and let Faker draw and map it.
      rng.restore(start);
      return usernameOriginal(options);
    }
    return raw.replaceAll("'", '').replaceAll(' ', '');
  };

  const email: Internet['email'] = (options = {}) => {
    if (options.allowSpecialCharacters) return emailOriginal(options);
    const provider = options.provider === undefined ? faker.helpers.arrayElement(faker.definitions.internet.free_email) : options.provider;
    const local = username({ firstName: options.firstName, lastName: options.lastName });
    if (CLEAN_LOCAL.test(local)) return `${local}@${provider}`;
    // Faker's clean-ups, on the username already drawn.
    let a = local.replaceAll(/[^A-Za-z0-9._+-]+/g, '').substring(0, 50);
    a = a
      .replaceAll(/\.{2,}/g, '.')
      .replace(/^\./, '')
      .replace(/\.$/, '');
    return `${a}@${provider}`;
  };

  internet.username = username;
  internet.email = email;
}
