import type { Call, JsonSchema, JsonValue, SlotSpec, ToolDef } from '../project/types.ts';
import type { Reference } from '../refs/types.ts';
import type { Diagnostic } from '../validate/diagnostics.ts';

/**
 * A call behaviour: one thing a call may do besides being made once with its arguments
 * (`when`, `forEach`; later `failure`, `confirm`). Everything a behaviour means lives in its
 * own module behind this seam: what it reads (dependencies and the canvas), what it binds,
 * how it is checked, and how it reads in the plan. How it expands per example is the
 * generator's `expand` step, which asks each behaviour in turn (see generate/expand.ts).
 */
export interface CallBehaviour {
  /** The call's key that turns the behaviour on, e.g. `when`. */
  readonly key: string;
  /** Whether the call uses it. */
  applies(call: Call): boolean;
  /**
   * The values of the call that hold references read before the call runs, with the JSON path
   * under the call (`["when", "value"]`). References to a name the call binds (`as`) are not
   * dependencies; `dependencies.ts` leaves them out.
   */
  reads(call: Call): { value: JsonValue; at: (string | number)[] }[];
  /** Names bound inside the call (the fan-out's element name). */
  binds(call: Call): string[];
  /** Findings about the behaviour's keys on one call. */
  validate(call: Call, ctx: BehaviourCheckContext): Diagnostic[];
}

/** What validation knows while checking one call's behaviours. */
export interface BehaviourCheckContext {
  chainId: string;
  /** JSON path of the call, e.g. `$.chains[0].calls[2]`. */
  callPath: string;
  slotNames: ReadonlySet<string>;
  /** A slot's definition (`{ "int": [2, 7] }`, `{ "oneOf": […] }`, a fake or a constant), when the chain has it. */
  slotSpec?(name: string): SlotSpec | undefined;
  callIds: ReadonlySet<string>;
  /**
   * Checks a reference at `at` (roots, fields; reports unknown ones) and gives the schema it
   * reaches, when known. `bound` are names the call binds (the element), with their schemas.
   */
  checkReference(ref: Reference, at: string, bound?: ReadonlyMap<string, JsonSchema | undefined>): JsonSchema | undefined;
  /** The schema of one element of the list a `forEach` reference gives, when known. */
  elementSchema(forEach: string, at: string): JsonSchema | undefined;
  /** Whether a call is a fan-out (its id stands for the list of its results). */
  isFanOut(callId: string): boolean;
  /** The call's tool, when it is defined. */
  tool: ToolDef | undefined;
  /** Whether the chain's reply has a variant whose condition names this status of the call (`failed`, `declined`). */
  replyNames(status: 'failed' | 'declined', callId: string): boolean;
  /** Checks a template written in a call's behaviour (a confirmation's question, an error message). */
  checkTemplate(template: string, at: string, bound?: ReadonlyMap<string, JsonSchema | undefined>): void;
}
