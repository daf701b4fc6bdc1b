import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonSyntaxPlace, syntaxMessage } from './jsonSyntaxPlace.ts';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('jsonSyntaxPlace', () => {
  it('names the line and column of a missing value, and what was expected', () => {
    const text = '{\n  "a": 1,\n  "b": }';
    const place = jsonSyntaxPlace(text);
    expect(place).toMatchObject({ line: 3, column: 8 });
    expect(syntaxMessage(text, place!)).toBe(
      'not valid JSON: expected a value (an object, a list, a string in double quotes, a number, true, false or null), found "}"',
    );
  });

  it('finds the usual mistakes of a hand-edited result', () => {
    expect(jsonSyntaxPlace('{"a": 1,}')).toMatchObject({ line: 1, column: 9, expected: 'a property name in double quotes' });
    expect(jsonSyntaxPlace("{'a': 1}")).toMatchObject({ column: 2, expected: 'a property name in double quotes, or "}"' });
    expect(jsonSyntaxPlace('{"a": 1 "b": 2}')).toMatchObject({ column: 9, expected: '"," or "}"' });
    expect(jsonSyntaxPlace('[1, 2')).toMatchObject({ column: 6, expected: '"," or "]"' });
    expect(jsonSyntaxPlace('{"a" 1}')).toMatchObject({ column: 6, expected: '":" after the property name' });
    expect(jsonSyntaxPlace('{"a": "x\ny"}')).toMatchObject({ line: 1, column: 9 });
    expect(jsonSyntaxPlace('{"a": tru}')).toMatchObject({ column: 7 });
    expect(jsonSyntaxPlace('{} {}')).toMatchObject({ column: 4, expected: 'the end of the text (one JSON value only)' });
    expect(syntaxMessage('{"a": ', jsonSyntaxPlace('{"a": ')!)).toMatch(/found the end of the text$/);
  });

  it('survives any nesting depth', () => {
    expect(jsonSyntaxPlace('['.repeat(200_000))).toMatchObject({ column: 200_001 });
    expect(jsonSyntaxPlace(`${'['.repeat(50_000)}${']'.repeat(50_000)}`)).toBeNull();
  });

  it('agrees with JSON.parse: null exactly for the texts it reads', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 2 }), (value, indent) => {
        expect(jsonSyntaxPlace(JSON.stringify(value, null, indent))).toBeNull();
      }),
    );
    const pieces = fc.constantFrom('{', '}', '[', ']', ',', ':', '"a"', '"\\u12"', '"\\q"', '1', '-', '0.5e', 'true', 'nul', ' ', '\n');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(jsonSyntaxPlace(text) === null).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });
});
