import type { FakeSlot, IntSlot, OneOfSlot, SlotSpec } from './format.ts';

/**
 * The project file, version 2: the one shape the canvas, the command line, the
 * examples and the tests read and write. Its structure is defined once, in format.ts,
 * and its types are read off that definition (re-exported here). Normative text:
 * docs/project-format.md.
 */
export type {
  Call,
  Chain,
  ConfirmSpec,
  FailureSpec,
  FakeSlot,
  IntSlot,
  OneOfSlot,
  Position,
  Project,
  Recover,
  Reply,
  ReplyVariant,
  ResultPins,
  SlotSpec,
  ToolDef,
  ToolFunction,
} from './format.ts';

export type JsonPrimitive = null | boolean | number | string;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A JSON Schema (draft 2020-12 subset as used by OpenAI tool definitions). Kept loose on purpose. */
export type JsonSchema = { [key: string]: JsonValue };

export const PROJECT_FORMAT = 'chainwright-project';
export const PROJECT_VERSION = 2;

export type Effect = 'read' | 'write' | 'destructive';
export const EFFECTS: readonly Effect[] = ['read', 'write', 'destructive'];

/** The default share of examples in which the user says yes to a confirmation. */
export const DEFAULT_YES_RATE = 0.5;

/** The default element name of a fan-out call. */
export const DEFAULT_FOR_EACH_AS = 'item';

/** The default share of examples in which a `when` holds. */
export const DEFAULT_WHEN_RATE = 0.5;

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
