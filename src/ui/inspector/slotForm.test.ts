import { describe, expect, it } from 'vitest';
import { emptyForm, formToSlot, slotFormFromText, slotToForm } from './slotForm.ts';
import type { SlotSpec } from '../../core/index.ts';

describe('slot forms', () => {
  const roundTrips: SlotSpec[] = [
    { fake: 'date.soon', args: [{ days: 14 }], as: 'date' },
    { fake: 'person.fullName' },
    { oneOf: ['09:00', '10:30', '14:00'] },
    { oneOf: ['marketing', 3, true, null, { city: 'Paris' }, '42'] },
    { int: [1, 9] },
    'a constant',
    { city: 'Lyon' },
  ];
  for (const spec of roundTrips) {
    it(`reads and writes back ${JSON.stringify(spec)}`, () => {
      expect(formToSlot(slotToForm(spec))).toEqual({ ok: true, spec });
    });
  }

  it('refuses a faker method that is not module.method', () => {
    expect(formToSlot({ kind: 'fake', method: 'fullName', args: '', as: '' }).ok).toBe(false);
  });

  it('refuses a faker method the installed Faker does not have, naming it', () => {
    expect(formToSlot({ kind: 'fake', method: 'person.fullname', args: '', as: '' })).toEqual({
      ok: false,
      message: expect.stringContaining('"person.fullname" is not a method of the installed Faker'),
    });
  });

  it('starts a faker slot with the method its name suggests', () => {
    expect(emptyForm('fake', 'date')).toEqual({ kind: 'fake', method: 'date.soon', args: '', as: 'date' });
    expect(emptyForm('fake', 'city')).toEqual({ kind: 'fake', method: 'location.city', args: '', as: '' });
    expect(emptyForm('fake', 'email')).toEqual({ kind: 'fake', method: 'internet.email', args: '', as: '' });
    for (const name of ['date', 'city', 'email', 'whatever']) expect(formToSlot(emptyForm('fake', name)).ok).toBe(true);
  });

  it('refuses faker arguments that are not a JSON list', () => {
    expect(formToSlot({ kind: 'fake', method: 'date.soon', args: '{"days":1}', as: '' }).ok).toBe(false);
  });

  it('refuses an empty one-of list and an integer range in the wrong order', () => {
    expect(formToSlot({ kind: 'oneOf', values: '\n  \n' }).ok).toBe(false);
    const r = formToSlot({ kind: 'int', min: '9', max: '1' });
    expect(r).toEqual({ ok: false, message: 'the lowest (9) is above the highest (1)' });
  });

  it('reads one-of lines as plain text unless they are JSON', () => {
    expect(formToSlot({ kind: 'oneOf', values: 'design\n 7 \nsales team' })).toEqual({ ok: true, spec: { oneOf: ['design', 7, 'sales team'] } });
  });

  it('reads back a held form as it was typed, half-finished or not, and nothing from text of another shape', () => {
    const typed = [
      { kind: 'int', min: '9', max: '' },
      { kind: 'oneOf', values: 'a\n' },
      { kind: 'fake', method: 'date.so', args: '[{', as: 'date' },
      { kind: 'constant', json: '"Par' },
    ] as const;
    for (const form of typed) expect(slotFormFromText(JSON.stringify(form))).toEqual(form);
    for (const text of [undefined, 'not json', '{"kind":"int","min":9,"max":"1"}', '{"kind":"list"}', '"int"'])
      expect(slotFormFromText(text), String(text)).toBeNull();
  });
});
