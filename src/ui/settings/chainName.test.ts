import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ID_PATTERN } from '../../core/edit/types.ts';
import { emptyProject } from '../../core/edit/newProject.ts';
import { chainIdFromName, suggestChainName } from './chainName.ts';

describe('chain names', () => {
  it('suggests a name no chain has', () => {
    const p = emptyProject();
    expect(suggestChainName(p)).toBe('Chain 2');
    const two = { ...p, chains: [...p.chains, { id: 'x', name: 'Chain 2', calls: [] }] };
    expect(suggestChainName(two)).toBe('Chain 3');
  });

  it('makes a valid, unused id from any name', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const p = emptyProject();
        const id = chainIdFromName(p, name);
        expect(id).toMatch(ID_PATTERN);
        expect(p.chains.some((c) => c.id === id)).toBe(false);
      }),
    );
    expect(chainIdFromName(emptyProject(), 'Book a room')).toBe('book-a-room');
    expect(chainIdFromName(emptyProject(), 'Main')).toBe('main-2');
  });
});
