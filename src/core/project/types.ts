import type { Condition } from '../conditions/types.ts';

/**
 * The project file, version 2: the one shape the canvas, the command line, the
 * examples and the tests read and write. Normative text: docs/project-format.md.
 */

export type JsonPrimitive = null | boolean | number | string;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A JSON Schema (draft 2020-12 subset as used by OpenAI tool definitions). Kept loose on purpose. */
export type JsonSchema = { [key: string]: JsonValue };

export const PROJECT_FORMAT = 'chainwright-project';
export const PROJECT_VERSION = 2;

export type Effect = 'read' | 'write' | 'destructive';
export const EFFECTS: readonly Effect[] = ['read', 'write', 'destructive'];

export interface ToolFunction {
  name: string;
  description?: string;
  parameters: JsonSchema;
  [extra: string]: unknown;
}

/** An OpenAI tool definition (exported unchanged) plus Chainwright's own keys. */
export interface ToolDef {
  type: 'function';
  function: ToolFunction;
  /** JSON Schema of the result: drives the simulated results. */
  returns?: JsonSchema;
  /** JSON Schema of the tool's error results, used for a failing call that gives no `error` of its own. */
  errors?: JsonSchema;
  /** read | write | destructive; read when absent. */
  effect?: Effect;
  /** Typical latency; teaches sum-vs-max latency. */
  latencyMs?: number;
  [extra: string]: unknown;
}

/** `{ "fake": "person.fullName", "args": [...], "as": "date" }` */
export interface FakeSlot {
  fake: string;
  args?: JsonValue[];
  as?: 'date' | 'datetime';
}
/** `{ "oneOf": [...] }` */
export interface OneOfSlot {
  oneOf: JsonValue[];
}
/** `{ "int": [min, max] }`, both ends included. */
export interface IntSlot {
  int: [number, number];
}
/** Any other JSON value is a constant slot. */
export type SlotSpec = FakeSlot | OneOfSlot | IntSlot | JsonValue;

export interface Position {
  x: number;
  y: number;
}

export interface Call {
  id: string;
  tool: string;
  /** Literal values, `{slot}` and `{callId.path}` references, nested freely. */
  args: { [name: string]: JsonValue };
  /** Order-only dependencies: ids of calls that must finish first. */
  after?: string[];
  /** Per-step user requests (multi-turn conversations). */
  requests?: string[];
  /** Fan-out: one call per element of this array (a whole reference: a result path, a slot, or a fan-out call's `[*]`). */
  forEach?: string;
  /** The element's name inside the call (default `item`). */
  as?: string;
  /** Fan-out filter: only elements for which it holds get a call. */
  where?: Condition;
  /** The call runs only in examples where this holds (and every call it depends on ran). */
  when?: Condition;
  /** The share of examples the simulator steers `when` to hold in (default 0.5). */
  whenRate?: number;
  /** The call fails in a share of the examples, and what the assistant does then. */
  failure?: FailureSpec;
  /** The assistant asks the user before it makes the call. */
  confirm?: ConfirmSpec;
  /**
   * Pins parts of the call's simulated result (design §8): result path (`total`,
   * `booking.status`) → a literal, a template (a whole reference keeps its type) or
   * `{ "calc": "{a.price} * {nights}" }`.
   */
  result?: ResultPins;
  position?: Position;
  [extra: string]: unknown;
}

/** A call's result pins: result path → literal, template, or `{ "calc": "…" }` (+ - * /, parentheses, numbers, references). */
export type ResultPins = { [path: string]: JsonValue | { calc: string } };

/** How a call recovers from a failure: the same call again, again with other arguments, or not at all. */
export type Recover = 'retry' | 'report' | { retryWith: { [name: string]: JsonValue } };

/** `failure: { rate, error, recover }` (design §6). */
export interface FailureSpec {
  /** The share of examples in which the call's result is an error (0–1). */
  rate: number;
  /** The error result (references filled in; `{thisCall.arg}` reads the call's own arguments). Absent: drawn from the tool's `errors` schema. */
  error?: JsonValue;
  /** Default "report". */
  recover?: Recover;
  [extra: string]: unknown;
}

/** `confirm: { ask, yes, no, yesRate }` (design §7). */
export interface ConfirmSpec {
  /** What the assistant asks (one phrasing is drawn). */
  ask: string[];
  /** What the user answers to say yes / no. */
  yes: string[];
  no: string[];
  /** The share of examples in which the user says yes (default 0.5). */
  yesRate?: number;
  [extra: string]: unknown;
}

/** The default share of examples in which the user says yes to a confirmation. */
export const DEFAULT_YES_RATE = 0.5;

/** One reply of a list of variants: the first whose `when` holds is used. */
export interface ReplyVariant {
  when?: Condition;
  /** The reply text (a template). */
  text?: string;
  /** Several phrasings: one is drawn per example. */
  texts?: string[];
  [extra: string]: unknown;
}

/** The final reply: one template (version 1) or variants chosen by what happened. */
export type Reply = string | ReplyVariant[];

/** The default element name of a fan-out call. */
export const DEFAULT_FOR_EACH_AS = 'item';
/** The default share of examples in which a `when` holds. */
export const DEFAULT_WHEN_RATE = 0.5;

export interface Chain {
  id: string;
  name?: string;
  requests?: string[];
  slots?: { [name: string]: SlotSpec };
  calls: Call[];
  reply?: Reply;
  [extra: string]: unknown;
}

export interface Project {
  format: typeof PROJECT_FORMAT;
  version: typeof PROJECT_VERSION;
  name: string;
  systemPrompt?: string;
  /** "Today" of the simulated world, `YYYY-MM-DD`; fixed so that output is reproducible. */
  referenceDate?: string;
  tools: ToolDef[];
  chains: Chain[];
  [extra: string]: unknown;
}

export function isFakeSlot(spec: SlotSpec): spec is FakeSlot {
  return isPlainObject(spec) && typeof (spec as { fake?: unknown }).fake === 'string';
}
export function isOneOfSlot(spec: SlotSpec): spec is OneOfSlot {
  return isPlainObject(spec) && Array.isArray((spec as { oneOf?: unknown }).oneOf);
}
export function isIntSlot(spec: SlotSpec): spec is IntSlot {
  const int = isPlainObject(spec) ? (spec as { int?: unknown }).int : undefined;
  return Array.isArray(int) && int.length === 2 && int.every((n) => Number.isInteger(n));
}

export function isPlainObject(value: unknown): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const DEFAULT_REFERENCE_DATE = '2026-01-05';
export const DEFAULT_LATENCY_MS = 300;
