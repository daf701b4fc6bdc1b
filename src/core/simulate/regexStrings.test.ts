import { describe, expect, it } from 'vitest';
import { compilePattern } from './regexStrings.ts';
import { createRng } from './rng.ts';

describe('compilePattern', () => {
  const supported = [
    '^[A-Z]{3}-\\d{4}$',
    '^(foo|bar|baz)_[0-9]{1,3}$',
    '^#?([a-f0-9]{6}|[a-f0-9]{3})$',
    '^[^aeiou\\s]{4}$',
    '^\\w+@example\\.com$',
    '^(?:ab)+c?d*$',
    '^.{2,5}$',
    '^[a-z][a-z0-9-]{2,}$',
    '^(?<year>\\d{4})-(0[1-9]|1[0-2])$',
    '^\\u00e9t\\x65$',
    'abc',
    '[-a-c]x',
    '^a|b$',
  ];
  for (const pattern of supported) {
    it(`generates matches for ${pattern}`, () => {
      const gen = compilePattern(pattern)!;
      expect(gen).not.toBeNull();
      const re = new RegExp(pattern, 'u');
      const rng = createRng(1);
      const seen = new Set<string>();
      for (let i = 0; i < 300; i++) {
        const s = gen(rng);
        expect(re.test(s), s).toBe(true);
        seen.add(s);
      }
      if (/[[.*+?{|]/.test(pattern)) expect(seen.size).toBeGreaterThan(1);
    });
  }

  it('returns null outside the supported subset', () => {
    for (const pattern of ['^(?=.*\\d).+$', '(a)\\1', '\\bword\\b', '^(?!x)', '[[:alpha:]]', 'a{2,1}', '(', '\\p{L}+', 'a^b', '[]']) {
      expect(compilePattern(pattern), pattern).toBeNull();
    }
  });
});
