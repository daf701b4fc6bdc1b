import type { Call, JsonValue } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import { compileExpansion, type CompiledExpansion } from '../calls/expand.ts';
import { elementName } from '../calls/forEach.ts';
import { compileCondition, type CompiledCondition, type RunStatus } from '../conditions/evaluate.ts';
import { compileTemplate, compileValue, type Compiled, type Rendered, type Scope } from '../generate/compiled.ts';
import type { DesignCall, GoldDesign } from './types.ts';

/**
 * The design of a chain, walked turn by turn over a given set of results: which calls it
 * asks for (none when a `when` fails, a call it waits for did not run, or the user declined
 * it; one per passing element for a fan-out), with which arguments. The gold test case is made
 * by walking it over the generated example's own results; scoring walks it over the results
 * the model received, so a transcript with other results is judged by what the design asks
 * *for those results*. It follows the generator (generate/example.ts) step for step: same
 * expansion (calls/expand.ts), same scope (slots, results by call id, a fan-out's results as a
 * list), same run status (ran, failed, declined).
 */

export type Recover = 'retry' | 'report' | 'retryWith';

/** How a design call recovers from a failure ("report" when it says nothing). */
export function recoverOfDesign(call: DesignCall): Recover {
  const r = call.failure?.recover;
  if (r === undefined || r === 'report') return 'report';
  if (r === 'retry') return 'retry';
  return 'retryWith';
}

export interface CompiledDesign {
  design: GoldDesign;
  byId: ReadonlyMap<string, DesignCall>;
  fanOuts: ReadonlySet<string>;
  /** Call id → the ids it waits for. */
  waitsFor: ReadonlyMap<string, readonly string[]>;
  /** Calls that may be skipped: with a `when` or a confirmation, or waiting for such a call or for one that may fail without a retry. */
  conditional: ReadonlySet<string>;
  /** Runs one replay (see `replay`). */
  replay(slots: { [name: string]: JsonValue }, hooks: ReplayHooks): Replay;
}

/** One call the design asks for, on the results so far. */
export interface ExpectedCall {
  callId: string;
  tool: string;
  /** Index of the design's turn. */
  turn: number;
  /** A fan-out call: the element's index in the list. */
  element?: number;
  /** The scope its arguments are filled from (the element bound for a fan-out). */
  scope: Scope;
  /** The arguments, or UNRESOLVED when a reference does not resolve on these results. */
  args: Rendered;
}

/** What a design call did in one replay. */
export interface CallOutcome {
  callId: string;
  /** `skipped`: it waits for a call that did not run; `condition`: its `when` failed; `declined`: the user said no. */
  expanded: 'run' | 'skipped' | 'condition' | 'declined';
  /** The value of its `when`, when it was evaluated. */
  held?: boolean;
  /** A fan-out: the list's length, and the indices of the elements that passed the filter. */
  listLength?: number;
  passed?: number[];
  /** A fan-out whose list could not be read. */
  problem?: string;
  /** Its result was an error (design §6). */
  failed?: boolean;
}

/** What became of one expected call: its result (undefined: none), whether it was really made, and a failure with its retry. */
export interface Provided {
  result: JsonValue | undefined;
  made: boolean;
  /** The result is the call's error. */
  failed?: boolean;
  /** The retry of a failed call (recover `retry` / `retryWith`). */
  retry?: { result: JsonValue | undefined; made: boolean };
}

export interface ReplayHooks {
  /** The results of the expected calls of a turn. */
  provide(calls: readonly ExpectedCall[], turn: number): Provided[];
  /** Of the calls of a turn that must be confirmed first, those the user declined. */
  declined?(callIds: readonly string[], turn: number): ReadonlySet<string>;
}

export interface Replay {
  /** Expected calls per design turn (empty turns included; declined calls left out). */
  turns: ExpectedCall[][];
  outcomes: Map<string, CallOutcome>;
  /** The scope at the end: slots and every result. */
  scope: Scope;
  status: RunStatus;
}

const NONE: ReadonlySet<string> = new Set();

export function compileDesign(design: GoldDesign): CompiledDesign {
  const byId = new Map(design.calls.map((c) => [c.id, c]));
  const fanOuts = new Set(design.calls.filter((c) => c.forEach !== undefined).map((c) => c.id));
  const waitsFor = new Map<string, string[]>();
  for (const e of design.edges) if (byId.has(e.from) && byId.has(e.to)) waitsFor.set(e.to, [...(waitsFor.get(e.to) ?? []), e.from]);
  const conditional = new Set<string>();
  for (const ids of design.turns) {
    for (const id of ids) {
      const call = byId.get(id);
      if (!call) continue;
      const waits = waitsFor.get(id) ?? [];
      const failsWithoutRetry = (w: string) => byId.get(w)?.failure !== undefined && recoverOfDesign(byId.get(w)!) === 'report';
      if (call.when !== undefined || call.confirm === true || waits.some((w) => conditional.has(w) || failsWithoutRetry(w))) conditional.add(id);
    }
  }
  let skippedNow = new Set<string>();
  const expansions = new Map<string, CompiledExpansion>();
  const lists = new Map<string, Compiled>();
  const whens = new Map<string, CompiledCondition>();
  const args = new Map<string, Compiled>();
  for (const call of design.calls) {
    expansions.set(
      call.id,
      compileExpansion(
        { id: call.id, tool: call.tool, args: call.args, forEach: call.forEach, as: call.as, where: call.where, when: call.when } as Call,
        waitsFor.get(call.id) ?? [],
        (id) => skippedNow.has(id),
      ),
    );
    if (call.forEach !== undefined) lists.set(call.id, compileTemplate(call.forEach));
    if (call.when !== undefined) whens.set(call.id, compileCondition(call.when));
    args.set(call.id, compileValue(call.args));
  }

  const replay = (slots: { [name: string]: JsonValue }, hooks: ReplayHooks): Replay => {
    const scope: Scope = Object.create(null) as Scope;
    for (const name of Object.keys(slots)) scope[name] = slots[name];
    const ranCount = new Map<string, number>();
    const failed = new Set<string>();
    const declined = new Set<string>();
    const status: RunStatus = { ran: (id) => (ranCount.get(id) ?? 0) > 0, failed: (id) => failed.has(id), declined: (id) => declined.has(id) };
    skippedNow = new Set<string>();
    const outcomes = new Map<string, CallOutcome>();
    const turns: ExpectedCall[][] = [];
    design.turns.forEach((ids, t) => {
      let expected: ExpectedCall[] = [];
      for (const id of ids) {
        const call = byId.get(id);
        if (!call) continue;
        const outcome: CallOutcome = { callId: id, expanded: 'run' };
        outcomes.set(id, outcome);
        const when = whens.get(id);
        const expansion = expansions.get(id)!(scope, status);
        if (when && !(expansion.run === false && expansion.why === 'skipped')) outcome.held = when(scope, status);
        if (!expansion.run) {
          outcome.expanded = expansion.why;
          skippedNow.add(id);
          continue;
        }
        if (fanOuts.has(id)) {
          const list = lists.get(id)!.render(scope);
          outcome.listLength = Array.isArray(list) ? list.length : 0;
          outcome.passed = 'elements' in expansion && expansion.elements ? [...expansion.elements] : [];
          if (!(id in scope)) scope[id] = [];
        }
        if ('problem' in expansion) {
          outcome.problem = expansion.problem;
          continue;
        }
        const render = args.get(id)!;
        expansion.scopes.forEach((s, k) => {
          const e: ExpectedCall = { callId: id, tool: call.tool, turn: t, scope: s, args: render.render(s) };
          if (expansion.elements) e.element = expansion.elements[k];
          expected.push(e);
        });
      }
      // Confirmations: asked before the turn (once for a fan-out's group); a "no" drops the call.
      const asked = [...new Set(expected.map((e) => e.callId))].filter((id) => byId.get(id)!.confirm === true);
      const no = asked.length && hooks.declined ? hooks.declined(asked, t) : NONE;
      if (no.size) {
        for (const id of no) {
          declined.add(id);
          skippedNow.add(id);
          outcomes.get(id)!.expanded = 'declined';
        }
        expected = expected.filter((e) => !no.has(e.callId));
      }
      const results = expected.length ? hooks.provide(expected, t) : [];
      expected.forEach((e, k) => {
        const r = results[k] ?? { result: undefined, made: false };
        const fan = fanOuts.has(e.callId);
        if (r.made) ranCount.set(e.callId, (ranCount.get(e.callId) ?? 0) + 1);
        let at = -1;
        if (r.result !== undefined) {
          if (fan) at = (scope[e.callId] as JsonValue[]).push(r.result) - 1;
          else scope[e.callId] = r.result;
        }
        if (!r.failed) return;
        outcomes.get(e.callId)!.failed = true;
        if (recoverOfDesign(byId.get(e.callId)!) === 'report') {
          failed.add(e.callId);
          skippedNow.add(e.callId);
          return;
        }
        if (!r.retry) return;
        if (r.retry.made) ranCount.set(e.callId, (ranCount.get(e.callId) ?? 0) + 1);
        if (r.retry.result === undefined) return;
        if (fan) {
          if (at >= 0) (scope[e.callId] as JsonValue[])[at] = r.retry.result;
          else (scope[e.callId] as JsonValue[]).push(r.retry.result);
        } else scope[e.callId] = r.retry.result;
      });
      turns.push(expected);
    });
    return { turns, outcomes, scope, status };
  };

  return { design, byId, fanOuts, waitsFor, conditional, replay };
}

/** The arguments of a failed call's retry: the same (`retry`) or with `retryWith` over them. */
export function retryArgs(call: DesignCall, e: ExpectedCall): Rendered {
  const r = call.failure?.recover;
  if (!isPlainObject(r) || !isPlainObject(r.retryWith)) return e.args;
  return compileValue({ ...call.args, ...r.retryWith }).render(e.scope);
}

/** The element name of a design call (for fan-outs). */
export function designElementName(call: DesignCall): string {
  return elementName(call as unknown as Call);
}
