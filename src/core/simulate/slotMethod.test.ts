import { describe, it, expect } from 'vitest';
import { FAKER_METHODS } from './fakerMethods.ts';
import { searchFakerMethods, slotMethodFor, SLOT_FAKER_METHODS } from './slotMethod.ts';
import { fakerSample } from './fakerSample.ts';

describe('slotMethodFor', () => {
  it('picks a method by the slot’s name', () => {
    expect(slotMethodFor('date')).toEqual({ method: 'date.soon', as: 'date' });
    expect(slotMethodFor('due_date')).toEqual({ method: 'date.soon', as: 'date' });
    expect(slotMethodFor('meetingDate')).toEqual({ method: 'date.soon', as: 'date' });
    expect(slotMethodFor('city')).toEqual({ method: 'location.city' });
    expect(slotMethodFor('home_city')).toEqual({ method: 'location.city' });
    expect(slotMethodFor('email')).toEqual({ method: 'internet.email' });
    expect(slotMethodFor('first_name')).toEqual({ method: 'person.firstName' });
    expect(slotMethodFor('jobTitle')).toEqual({ method: 'person.jobTitle' });
    expect(slotMethodFor('zipCode')).toEqual({ method: 'location.zipCode' });
    expect(slotMethodFor('attendee')).toEqual({ method: 'person.fullName' });
  });

  it('gives a neutral noun for a name that says nothing', () => {
    expect(slotMethodFor('xyzzy')).toEqual({ method: 'word.noun' });
    expect(slotMethodFor('')).toEqual({ method: 'word.noun' });
  });

  it('names only methods that exist, for every name it knows', () => {
    const names = [
      'date',
      'day',
      'deadline',
      'birthday',
      'at',
      'timestamp',
      'weekday',
      'month',
      'timezone',
      'city',
      'country',
      'address',
      'street',
      'zip',
      'state',
      'language',
      'email',
      'url',
      'domain',
      'username',
      'password',
      'ip',
      'phone',
      'name',
      'surname',
      'job',
      'company',
      'department',
      'product',
      'price',
      'amount',
      'currency',
      'iban',
      'color',
      'uuid',
      'id',
      'airport',
      'airline',
      'flight',
      'seat',
      'genre',
      'song',
      'animal',
      'pet',
      'vehicle',
      'topic',
      'first_name',
      'last_name',
      'postal_code',
      'country_code',
      'time_zone',
      'start_time',
      'time',
    ];
    for (const n of names) expect(FAKER_METHODS.has(slotMethodFor(n).method), n).toBe(true);
  });
});

describe('searchFakerMethods', () => {
  it('finds by the whole path, the method’s name, or words in any order', () => {
    expect(searchFakerMethods('location.city')[0]).toBe('location.city');
    expect(searchFakerMethods('city')).toContain('location.city');
    expect(searchFakerMethods('fullname')[0]).toBe('person.fullName');
    expect(searchFakerMethods('soon date')).toEqual(['date.soon']);
    expect(searchFakerMethods('no such thing')).toEqual([]);
  });

  it('lists every method for an empty query, up to a limit', () => {
    expect(searchFakerMethods('')).toEqual(SLOT_FAKER_METHODS);
    expect(searchFakerMethods('', 5)).toHaveLength(5);
  });
});

describe('fakerSample', () => {
  it('gives a value of the method, written as asked', () => {
    const city = fakerSample('location.city');
    expect(city.ok && typeof city.value === 'string' && city.value.length > 0).toBe(true);
    const date = fakerSample('date.soon', undefined, 'date', 1, '2026-01-05');
    expect(date).toEqual({ ok: true, value: expect.stringMatching(/^2026-(01|02)-\d\d$/) });
  });

  it('is the same for the same seed', () => {
    expect(fakerSample('person.fullName', undefined, undefined, 7)).toEqual(fakerSample('person.fullName', undefined, undefined, 7));
  });

  it('says when a method does not exist', () => {
    expect(fakerSample('person.fullname')).toEqual({ ok: false, message: '"person.fullname" is not a Faker method' });
    expect(fakerSample('constructor.name')).toEqual({ ok: false, message: expect.stringMatching(/not a Faker method/) });
  });
});
