import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lineSplitter } from './lineSplitter.ts';

function splitAll(pieces: string[]): string[] {
  const s = lineSplitter();
  return [...pieces.flatMap((p) => s.push(p)), ...s.finish()];
}

describe('lineSplitter', () => {
  it('keeps a line cut across pieces whole, and drops \\r of CRLF', () => {
    expect(splitAll(['{"a":', '1}\r\n{"b"', ':2}\n', '{"c":3}'])).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
    expect(splitAll(['x\n', ''])).toEqual(['x']);
    expect(splitAll(['\n\n'])).toEqual(['', '']);
  });

  it('gives the same lines however the text is cut (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'é', '\n', '{', '"', ' ') }), { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        const expected = text.split('\n');
        if (expected[expected.length - 1] === '') expected.pop();
        expect(splitAll(pieces)).toEqual(expected);
      }),
    );
  });
});
