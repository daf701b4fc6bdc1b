import { describe, expect, it } from 'vitest';
import { createSeededFaker } from './faker.ts';
import { numberHintFor, singularName, stringGenFor, stringHintFor } from './fieldHints.ts';
import * as V from './vocab.ts';

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

  it('reads a name with what its object is about and the domain', () => {
    const make = (name: string, subject?: string, domain?: V.Domain) => stringGenFor({ name, subject, domain })!(sf);
    expect(V.ROOM_TYPES).toContain(make('name', 'room', 'lodging'));
    expect(make('name', 'room', 'office')).toSatisfy((v: string) => V.MEETING_ROOMS.includes(v) || /^Room \d\.\d\d$/.test(v));
    expect(make('name', 'hotel_room', 'travel')).toSatisfy((v: string) => V.ROOM_TYPES.includes(v));
    expect(make('type', 'entry', 'files')).toMatch(/^(file|directory)$/);
    expect(V.DOMAIN_FALLBACK.tasks).toContain(make('type', 'entry', 'tasks'));
    expect(V.GENERAL_SENTENCES).toContain(make('message', 'entry', 'general'));
    expect(V.GENERAL_SENTENCES).not.toContain(make('message', 'entry', 'devops'));
    expect(make('invoice_number')).toMatch(/^INV-202[56]-\d{5}$/);
    expect(make('order_number')).toMatch(/^ORD-202[56]-\d{5}$/);
    expect(make('api_key')).toMatch(/^key_/);
    expect(make('access_token')).toMatch(/^tok_/);
    expect(V.CURRENCIES).toContain(make('currency_code'));
    expect(make('to', undefined, 'messaging')).toMatch(/@example\./);
    expect(make('to', undefined, 'travel')).not.toMatch(/@/);
    // A word that is also an Object.prototype key is no table's word.
    expect(stringGenFor({ name: 'constructor' })).toBeUndefined();
    // The status of a "constructor" or "toString" thing is one of its domain's statuses (it was undefined).
    for (const subject of ['constructor', 'toString', 'valueOf']) expect(typeof make('status', subject, 'tasks'), subject).toBe('string');
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
