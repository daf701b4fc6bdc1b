import { describe, expect, it } from 'vitest';
import { formToSlot, slotToForm } from './slotForm.ts';
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
});
