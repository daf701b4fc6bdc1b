import { describe, it, expect } from 'vitest';
import { loadExample } from '../testing/fixtures.ts';
import { validateProject } from '../compile/compileProject.ts';
import type { Project } from '../project/types.ts';
import { setCallRequests } from './calls.ts';
import { addOrder } from './connect.ts';
import { stepRequestCompletions, stepRequestCoverage } from './stepRequests.ts';
import { templateCompletions } from './referenceOptions.ts';
import { chainOf, deepFreeze, ok } from './testing.testutil.ts';

const CHAIN = 'book-and-invite';
const base = () => deepFreeze(loadExample('room-booking'));
const SLOTS = ['{date}', '{time}', '{team_name}'];
const roots = (tokens: string[]) => [...new Set(tokens.map((t) => /^\{([^.[}]+)/.exec(t)![1]))];

describe('stepRequestCompletions', () => {
  it('offers slots only to a call that waits for nothing', () => {
    expect(stepRequestCompletions(base(), CHAIN, 'rooms')).toEqual(SLOTS);
  });

  it('offers the results of the calls a call waits for, directly or through others, and no other call', () => {
    const invite = stepRequestCompletions(base(), CHAIN, 'invite');
    expect(roots(invite)).toEqual(['date', 'time', 'team_name', 'rooms', 'team', 'book']);
    expect(invite).toContain('{book.booking_id}');
    expect(invite).toContain('{rooms.rooms[0].room_id}');
    // book waits for rooms only: team runs beside it, so its result is not there yet
    // (the argument completions would offer it: team does not wait for book).
    expect(roots(stepRequestCompletions(base(), CHAIN, 'book'))).toEqual(['date', 'time', 'team_name', 'rooms']);
    expect(roots(templateCompletions(base(), CHAIN, 'book'))).toContain('team');
  });

  it('counts an order-only dependency as waiting', () => {
    const p = ok(addOrder(base(), CHAIN, 'team', 'book')).project;
    expect(roots(stepRequestCompletions(p, CHAIN, 'book'))).toEqual(['date', 'time', 'team_name', 'rooms', 'team']);
  });

  it('gives nothing for an unknown chain or call', () => {
    expect(stepRequestCompletions(base(), 'nope', 'book')).toEqual([]);
    expect(stepRequestCompletions(base(), CHAIN, 'nope')).toEqual([]);
  });

  it('offers exactly the call results that validation accepts in that call’s requests', () => {
    const p = base();
    const chain = chainOf(p, CHAIN);
    const callIndex = (id: string) => chain.calls.findIndex((c) => c.id === id);
    const requestErrors = (project: Project, callId: string) =>
      validateProject(project).filter((d) => d.severity === 'error' && d.path.startsWith(`$.chains[0].calls[${callIndex(callId)}].requests`));
    for (const call of chain.calls) {
      const offered = stepRequestCompletions(p, CHAIN, call.id);
      // Everything offered validates there.
      const withAll = ok(
        setCallRequests(
          p,
          CHAIN,
          call.id,
          offered.map((t) => `Go on with ${t}.`),
        ),
      ).project;
      expect(requestErrors(withAll, call.id), call.id).toEqual([]);
      // Every other call's result is refused there.
      for (const other of chain.calls) {
        if (roots(offered).includes(other.id)) continue;
        const withOther = ok(setCallRequests(p, CHAIN, call.id, [`Use {${other.id}}.`])).project;
        expect(requestErrors(withOther, call.id).length, `${call.id} reading ${other.id}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('stepRequestCoverage', () => {
  it('reads a chain without per-step requests as single-turn', () => {
    expect(stepRequestCoverage(chainOf(base(), CHAIN))).toEqual({ withRequests: 0, total: 4, multiTurn: false, missing: ['rooms', 'team', 'book', 'invite'] });
  });

  it('says which calls still lack requests when only some have them', () => {
    let p = ok(setCallRequests(base(), CHAIN, 'rooms', ['Find a room.'])).project;
    p = ok(setCallRequests(p, CHAIN, 'book', ['Book it.'])).project;
    expect(stepRequestCoverage(chainOf(p, CHAIN))).toEqual({ withRequests: 2, total: 4, multiTurn: false, missing: ['team', 'invite'] });
  });

  it('reads a chain whose calls all carry requests as multi-turn, as the plan does', () => {
    let p: Project = base();
    for (const id of ['rooms', 'team', 'book', 'invite']) p = ok(setCallRequests(p, CHAIN, id, [`Now ${id}.`])).project;
    expect(stepRequestCoverage(chainOf(p, CHAIN))).toEqual({ withRequests: 4, total: 4, multiTurn: true, missing: [] });
  });

  it('never calls an empty chain multi-turn', () => {
    expect(stepRequestCoverage({ id: 'empty', requests: ['Hi'], calls: [] }).multiTurn).toBe(false);
  });
});
