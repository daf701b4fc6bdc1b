import { describe, expect, it } from 'vitest';
import { createSeededFaker } from './faker.ts';
import { numberHintFor, singularName, stringHintFor } from './fieldHints.ts';

describe('field hints', () => {
  const sf = createSeededFaker(2);

  it('suggests realistic strings by name', () => {
    expect(stringHintFor('room_id')!(sf)).toMatch(/^room_[A-Za-z0-9]{8}$/);
    expect(stringHintFor('customerEmail')!(sf)).toMatch(/^\S+@example\.(com|org|net)$/);
    expect(stringHintFor('check_in_date')!(sf)).toMatch(/^2025-12-2\d|^2026-0[12]-\d\d$/);
    expect(stringHintFor('created_at')!(sf)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(stringHintFor('website')!(sf)).toMatch(/^https:\/\//);
    expect(stringHintFor('start_time')!(sf)).toMatch(/^\d\d:\d\d$/);
    expect(stringHintFor('frobnicator')).toBeUndefined();
    expect(stringHintFor(undefined)).toBeUndefined();
  });

  it('suggests numeric ranges by name', () => {
    expect(numberHintFor('age')).toMatchObject({ min: 18, max: 85 });
    expect(numberHintFor('total_price')).toMatchObject({ decimals: 2 });
    expect(numberHintFor('user_id')).toMatchObject({ min: 1000 });
    expect(numberHintFor('flux')).toBeUndefined();
  });

  it('names the items of plural fields', () => {
    expect(singularName('room_ids')).toBe('room_id');
    expect(singularName('ids')).toBe('id');
    expect(singularName('emails')).toBe('email');
    expect(singularName('categories')).toBe('category');
    expect(singularName('status')).toBeUndefined();
    expect(singularName('address')).toBeUndefined();
  });
});
