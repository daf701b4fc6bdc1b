import { describe, it, expect } from 'vitest';
import { loadExample } from '../testing/fixtures.ts';
import { addChain, deleteChain, renameChain, setReply, setRequests } from './chains.ts';
import { chainOf, deepFreeze, ok } from './testing.testutil.ts';

const base = () => deepFreeze(loadExample('room-booking'));

describe('chains', () => {
  it('adds chains with unique ids', () => {
    const one = ok(addChain(base()));
    expect(one.chainId).toBe('chain');
    const two = ok(addChain(one.project, { name: 'Second' }));
    expect(two.chainId).toBe('chain_2');
    expect(chainOf(two.project, 'chain_2')).toMatchObject({ name: 'Second', calls: [] });
    expect(addChain(two.project, { id: 'chain' }).ok).toBe(false);
    expect(addChain(two.project, { id: 'bad id' }).ok).toBe(false);
  });

  it('renames id and name', () => {
    const r = ok(renameChain(base(), 'book-and-invite', { id: 'booking', name: '' }));
    expect(r.chainId).toBe('booking');
    expect(chainOf(r.project, 'booking').name).toBeUndefined();
    expect(renameChain(base(), 'book-and-invite', { id: '-x' }).ok).toBe(false);
  });

  it('deletes, sets requests and reply', () => {
    expect(ok(deleteChain(base(), 'book-and-invite')).project.chains.length).toBe(base().chains.length - 1);
    const r = ok(setRequests(base(), 'book-and-invite', ['Hi']));
    expect(chainOf(r.project, 'book-and-invite').requests).toEqual(['Hi']);
    expect(chainOf(ok(setReply(r.project, 'book-and-invite', undefined)).project, 'book-and-invite').reply).toBeUndefined();
  });
});
