import { describe, expect, it } from 'vitest';
import { createSeededFaker } from './faker.ts';
import { callFaker, formatDate, resolveFakerMethod } from './fakerPath.ts';

const { faker, reseed } = createSeededFaker(1);

describe('resolveFakerMethod', () => {
  it('resolves module.method to a callable', () => {
    const fn = resolveFakerMethod(faker, 'person.fullName');
    expect(typeof fn).toBe('function');
    expect(typeof fn!()).toBe('string');
    expect(resolveFakerMethod(faker, 'location.street')).toBeTypeOf('function');
  });

  it('refuses prototype tricks, non-functions and unknown paths', () => {
    for (const path of [
      '__proto__',
      '__proto__.constructor',
      'person.__proto__',
      'person.constructor',
      'constructor.constructor',
      'person.toString',
      'person.hasOwnProperty',
      'toString',
      'person.prototype',
      'prototype.x',
      'person',
      'person.fullName.call',
      'person.nope',
      'nope.fullName',
      'fakerCore.randomizer',
      'person.faker',
      'definitions.person',
      '',
      '.',
      'person.',
    ]) {
      expect(resolveFakerMethod(faker, path), path).toBeUndefined();
    }
  });
});

describe('callFaker', () => {
  it('calls with arguments and is seeded', () => {
    reseed(4);
    const a = callFaker(faker, 'number.int', [{ min: 3, max: 5 }]);
    expect([3, 4, 5]).toContain(a);
    reseed(4);
    expect(callFaker(faker, 'number.int', [{ min: 3, max: 5 }])).toBe(a);
  });

  it('converts Dates and other values to JSON', () => {
    expect(callFaker(faker, 'date.soon')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(typeof callFaker(faker, 'datatype.boolean')).toBe('boolean');
    const words = callFaker(faker, 'helpers.arrayElements', [['a', 'b', 'c'], 2]);
    expect(Array.isArray(words) && words.length === 2).toBe(true);
  });

  it('throws only for unknown paths; bad arguments fall back to a call without them', () => {
    expect(() => callFaker(faker, 'person.nope')).toThrow(/person\.nope/);
    expect(() => callFaker(faker, '__proto__.toString')).toThrow();
    expect(typeof callFaker(faker, 'date.past', [{ years: -3 }])).toBe('string');
  });
});

describe('formatDate', () => {
  it('formats dates and datetimes in UTC', () => {
    const d = new Date('2026-01-05T23:30:15.123Z');
    expect(formatDate(d, 'date')).toBe('2026-01-05');
    expect(formatDate(d, 'datetime')).toBe('2026-01-05T23:30:15Z');
    expect(formatDate('2026-02-01T00:00:00Z', 'date')).toBe('2026-02-01');
    expect(formatDate(0, 'datetime')).toBe('1970-01-01T00:00:00Z');
    expect(formatDate('not a date', 'date')).toBe('not a date');
  });
});
