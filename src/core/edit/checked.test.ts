import { describe, expect, it } from 'vitest';
import type { SlotSpec } from '../project/types.ts';
import { loadExample } from '../testing/fixtures.ts';
import { copyCalls, pasteCalls } from './clipboard.ts';
import { setSlot } from './slots.ts';

/** Edits that add a fragment check the fragment alone, and refuse it naming the place in the file. */
describe('fragments an edit adds', () => {
  const project = loadExample('room-booking');
  const chain = project.chains[0];

  it('a malformed slot is refused with its path; the project is unchanged; a good one is added', () => {
    const bad = setSlot(project, chain.id, 'when', { fake: 5 } as unknown as SlotSpec);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason).toMatch(/^the slot "when" is not valid: \$\.chains\[0\]\.slots\.when\.fake: /);
    const good = setSlot(project, chain.id, 'when', { fake: 'date.soon', as: 'date' });
    expect(good.ok && good.project.chains[0].slots?.when).toEqual({ fake: 'date.soon', as: 'date' });
  });

  it('a pasted call that would not read back is refused with the path it would have; a good paste lands', () => {
    const clipboard = JSON.parse(copyCalls(chain, [chain.calls[0].id]));
    const good = pasteCalls(project, chain.id, JSON.stringify(clipboard));
    expect(good.ok && good.project.chains[0].calls).toHaveLength(chain.calls.length + 1);
    clipboard.calls[0].failure = { rate: 2, recover: 'report' };
    const bad = pasteCalls(project, chain.id, JSON.stringify(clipboard));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason).toMatch(new RegExp(`^the copied calls are not valid here: \\$\\.chains\\[0\\]\\.calls\\[${chain.calls.length}\\]\\.failure`));
  });
});
