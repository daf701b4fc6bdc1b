import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyProject } from './newProject.ts';
import { referenceDateProblem, setProjectSettings } from './projectSettings.ts';

describe('setProjectSettings', () => {
  it('renames, sets and removes the system prompt and the reference date', () => {
    const p = emptyProject();
    const r = setProjectSettings(p, { name: 'Room booking', systemPrompt: 'You book rooms.', referenceDate: '2026-03-02' });
    expect(r.ok && r.project).toMatchObject({ name: 'Room booking', systemPrompt: 'You book rooms.', referenceDate: '2026-03-02' });
    const cleared = r.ok ? setProjectSettings(r.project, { systemPrompt: '  ', referenceDate: '' }) : r;
    expect(cleared.ok && 'systemPrompt' in cleared.project).toBe(false);
    expect(cleared.ok && 'referenceDate' in cleared.project).toBe(false);
    expect(p.name).toBe('Untitled project');
  });

  it('refuses a blank name and a date that is not on the calendar, saying why', () => {
    expect(setProjectSettings(emptyProject(), { name: ' ' })).toEqual({ ok: false, reason: 'the project needs a name: files are named from it' });
    expect(setProjectSettings(emptyProject(), { referenceDate: '2026-02-30' })).toEqual({
      ok: false,
      reason: 'the reference date "2026-02-30" is not a calendar date',
    });
    expect(setProjectSettings(emptyProject(), { referenceDate: '5 Jan' })).toMatchObject({ ok: false, reason: expect.stringContaining('YYYY-MM-DD') });
  });

  it('gives the same project back when nothing changes (no undo step)', () => {
    const p = emptyProject({ name: 'Same' });
    const r = setProjectSettings(p, { name: 'Same', systemPrompt: '' });
    expect(r.ok && r.project).toBe(p);
  });

  it('accepts exactly the dates that round-trip through the calendar', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }), (d) => {
        expect(referenceDateProblem(d.toISOString().slice(0, 10))).toBeNull();
      }),
    );
  });
});
