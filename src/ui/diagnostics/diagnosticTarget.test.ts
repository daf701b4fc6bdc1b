import { describe, expect, it } from 'vitest';
import { diagnosticTarget, jsonPathSegments } from './diagnosticTarget.ts';

describe('jsonPathSegments', () => {
  it('reads keys, indexes and quoted keys', () => {
    expect(jsonPathSegments('$.chains[0].calls[2].args["content-type"].x')).toEqual(['chains', 0, 'calls', 2, 'args', 'content-type', 'x']);
    expect(jsonPathSegments('$')).toEqual([]);
  });
  it('refuses what is not a JSON path', () => {
    expect(jsonPathSegments('chains[0]')).toBeNull();
    expect(jsonPathSegments('$.chains[x]')).toBeNull();
  });
});

describe('diagnosticTarget', () => {
  it('points at an argument, even deep inside it', () => {
    expect(diagnosticTarget('$.chains[0].calls[2].args.room_id')).toEqual({ kind: 'argument', chainIndex: 0, callIndex: 2, arg: 'room_id' });
    expect(diagnosticTarget('$.chains[1].calls[0].args.filters.owner')).toEqual({ kind: 'argument', chainIndex: 1, callIndex: 0, arg: 'filters' });
  });
  it('points at a call for its tool, its after list or the call itself', () => {
    expect(diagnosticTarget('$.chains[0].calls[3].tool')).toEqual({ kind: 'call', chainIndex: 0, callIndex: 3 });
    expect(diagnosticTarget('$.chains[0].calls[3]')).toEqual({ kind: 'call', chainIndex: 0, callIndex: 3 });
    expect(diagnosticTarget('$.chains[0].calls[3].args')).toEqual({ kind: 'call', chainIndex: 0, callIndex: 3 });
  });
  it('points at requests, slots, the reply and the chain', () => {
    expect(diagnosticTarget('$.chains[0].requests[1]')).toEqual({ kind: 'request', chainIndex: 0, index: 1 });
    expect(diagnosticTarget('$.chains[0].requests')).toEqual({ kind: 'request', chainIndex: 0, index: null });
    expect(diagnosticTarget('$.chains[0].slots.team_name')).toEqual({ kind: 'slot', chainIndex: 0, slot: 'team_name' });
    expect(diagnosticTarget('$.chains[0].reply')).toEqual({ kind: 'reply', chainIndex: 0 });
    expect(diagnosticTarget('$.chains[2]')).toEqual({ kind: 'chain', chainIndex: 2 });
  });
  it('says other for project-level paths', () => {
    expect(diagnosticTarget('$.tools[0].returns')).toEqual({ kind: 'other' });
    expect(diagnosticTarget('$')).toEqual({ kind: 'other' });
  });
});
