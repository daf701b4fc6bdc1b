import { describe, expect, it } from 'vitest';
import { listInWords } from './listInWords.ts';

describe('listInWords', () => {
  it('writes no, one, two and more items', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['Ada'])).toBe('Ada');
    expect(listInWords(['Ada', 'Bo'])).toBe('Ada and Bo');
    expect(listInWords(['Ada', 'Bo', 'Cy'])).toBe('Ada, Bo and Cy');
    expect(listInWords(['a', 'b', 'c', 'd'])).toBe('a, b, c and d');
  });
  it('writes numbers as JSON writes them', () => {
    expect(listInWords([3])).toBe('3');
    expect(listInWords([1, 2.5, -4])).toBe('1, 2.5 and -4');
  });
  it('keeps the items as they are (no quoting, empty strings stay empty)', () => {
    expect(listInWords(['x, y', 'z'])).toBe('x, y and z');
    expect(listInWords(['', 'b'])).toBe(' and b');
  });
});
