import { checkConditionShape } from '../conditions/shape.ts';
import type { Condition } from '../conditions/types.ts';
import type { Infer } from './formatKit.ts';
import { closedObject, custom, filled, json, list, number, object, opt, record, req, text, tuple, typed, values, variants } from './formatKit.ts';
import type { JsonSchema, JsonValue } from './types.ts';
import { EFFECTS, PROJECT_FORMAT, PROJECT_VERSION } from './types.ts';
import { DEFAULT_LATENCY_MS, DEFAULT_WHEN_RATE, DEFAULT_YES_RATE } from './types.ts';

/**
 * The project file, version 2: its structure, defined once. From these nodes come the
 * TypeScript types (below, re-exported by types.ts), the reader's structural check (shape.ts:
 * a whole file, one call, one slot) and the published JSON Schema
 * public/schema/project-2.schema.json (written by `npm run schema` from formatSchema.ts, with
 * the descriptions of formatDescriptions.ts; a test fails when the committed file differs).
 * Migrations from older versions are beside it (migrate.ts). Normative text:
 * docs/project-format.md. Semantic rules (unknown tools, references, cycles) are
 * validate/project.ts's.
 *
 * A new key: add it to its record here, describe it in formatDescriptions.ts, run
 * `npm run schema`, and document it in docs/project-format.md.
 */

export const CALL_ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;
export const TOOL_NAME = /^[A-Za-z0-9_-]{1,64}$/;
export const SLOT_NAME = /^[A-Za-z0-9_$-]+$/;

/** Text with references: `{slot}`, `{callId.path}`. */
export const template = text();
/** User request templates; one is drawn per example. */
export const requests = list(template, { expected: 'a list of texts' });
/** Phrasings: one is drawn per example. */
const phrasings = /* @__NO_SIDE_EFFECTS__ */ (item = template) => list(item, { expected: 'a list of texts', minItems: 1, tooShort: 'at least one phrasing' });
const share = /* @__NO_SIDE_EFFECTS__ */ (what: string) => number({ expected: `${what}: a share between 0 and 1, e.g. 0.2`, min: 0, max: 1 });
/** An id of a call or a chain: the same rule for both (references name them alike). */
const id = /* @__NO_SIDE_EFFECTS__ */ (kind: 'call' | 'chain') =>
  text({ pattern: CALL_ID, says: `a ${kind} id starts with a letter or "_" and holds letters, digits, "_" or "-"` });
export const callId = id('call');
export const chainId = id('chain');
export const schemaObject = typed<JsonSchema>(record(json(), { expected: 'a JSON Schema object' }));
const condition = custom<Condition>('condition', checkConditionShape);

export const position = object(
  { x: req(number({ expected: 'a number (canvas units)' })), y: req(number({ expected: 'a number (canvas units)' })) },
  { expected: 'a position {"x": number, "y": number}' },
);

export const toolFunction = object(
  {
    name: req(text({ pattern: TOOL_NAME, says: 'a tool name is 1 to 64 letters, digits, "_" or "-"' })),
    description: opt(text()),
    parameters: req(
      typed<JsonSchema>(
        object(
          {
            type: opt(values(['object'], { says: 'parameters must be an object schema ("type": "object")' })),
            properties: opt(record(json(), { expected: 'an object of parameter schemas' })),
            required: opt(list(text(), { expected: 'a list of texts' })),
          },
          { expected: 'an object JSON Schema' },
        ),
      ),
    ),
  },
  { expected: 'an object with name, description and parameters' },
);

export const tool = object(
  {
    type: req(values(['function'], { says: `a tool's "type" must be "function"` })),
    function: req(toolFunction),
    returns: opt(schemaObject),
    errors: opt(schemaObject),
    effect: opt(values(EFFECTS, { says: `effect is one of ${/* @__PURE__ */ EFFECTS.map((x) => `"${x}"`).join(', ')}` }), { default: 'read' }),
    latencyMs: opt(number({ expected: 'a latency in milliseconds (a number ≥ 0)', min: 0 }), { default: DEFAULT_LATENCY_MS }),
  },
  { expected: 'a tool definition object' },
);

const fakeSlot = object(
  {
    fake: req(text({ expected: 'a faker method path like "person.fullName"' })),
    args: opt(list(json(), { expected: 'a list of arguments' })),
    as: opt(values(['date', 'datetime'], { expected: '"date" or "datetime"' })),
  },
  {},
);
const oneOfSlot = object({ oneOf: req(list(json(), { expected: 'a non-empty list of values', minItems: 1 })) }, {});
const intSlot = object(
  {
    int: req(tuple([number({ integer: true }), number({ integer: true })], { expected: 'a range [min, max] of two integers with min ≤ max', ordered: true })),
  },
  {},
);
/** A slot: `{fake}`, `{oneOf}`, `{int}`, or any other JSON value as a constant. */
export const slot = variants(
  [
    { is: { type: 'object', has: 'fake' }, node: fakeSlot },
    { is: { type: 'object', has: 'oneOf' }, node: oneOfSlot },
    { is: { type: 'object', has: 'int' }, node: intSlot },
  ],
  { otherwise: json<JsonValue>() },
);

const calcWords = { expected: 'a calc {"calc": "…"} with one text of + - * /, parentheses, numbers and references' };
const calc = closedObject({ calc: req(text(calcWords)) }, calcWords);
/** A call's result pins: result path → literal, template, or `{ "calc": "…" }` (calls/result.ts checks the meaning). */
const resultPins = record(variants([{ is: { type: 'object', has: 'calc' }, node: calc }], { otherwise: json<JsonValue>() }), {
  expected: 'an object of result pins, e.g. {"total": {"calc": "{hotel.nightly_rate} * {nights}"}}',
  key: { minLength: 1, message: () => 'a result pin needs a result path as its key, e.g. "total" or "booking.status"' },
});

const arguments_ = /* @__NO_SIDE_EFFECTS__ */ (expected: string) => record(json<JsonValue>(), { expected });
const recoverWords = { expected: '"retry", "report" or {"retryWith": {…arguments}}' };
const recover = variants(
  [
    { is: { type: 'string' }, node: values(['retry', 'report'], recoverWords) },
    { is: { type: 'object' }, node: closedObject({ retryWith: req(arguments_('an object of argument values')) }, recoverWords) },
  ],
  recoverWords,
);

export const failure = object(
  {
    rate: req(share('the failure rate')),
    error: opt(json<JsonValue>()),
    recover: opt(recover, { default: 'report' }),
  },
  { expected: 'a failure {"rate", "error", "recover"}' },
);

export const confirm = object(
  {
    ask: req(phrasings()),
    yes: req(phrasings(text())),
    no: req(phrasings(text())),
    yesRate: opt(share('yesRate'), { default: DEFAULT_YES_RATE }),
  },
  { expected: 'a confirmation {"ask", "yes", "no", "yesRate"}' },
);

export const call = object(
  {
    id: req(callId),
    tool: req(text()),
    /** Literal values, `{slot}` and `{callId.path}` references, nested freely (`{}` when absent). */
    args: filled(arguments_('an object of argument values')),
    after: opt(list(text(), { expected: 'a list of texts' })),
    requests: opt(requests),
    forEach: opt(text({ pattern: /^\{[^{}]+\}$/, expected: 'one whole reference to a list, e.g. "{tasks.tasks[*]}"' })),
    as: opt(text({ pattern: SLOT_NAME, expected: 'an element name of letters, digits, "_", "$" or "-"' })),
    where: opt(condition),
    when: opt(condition),
    whenRate: opt(number({ expected: 'a share between 0 and 1, e.g. 0.5', min: 0, max: 1 }), { default: DEFAULT_WHEN_RATE }),
    failure: opt(failure),
    confirm: opt(confirm),
    result: opt(resultPins),
    position: opt(position),
  },
  { expected: 'a call object {"id", "tool", "args"}' },
);

export const replyVariant = object(
  { when: opt(condition), text: opt(template), texts: opt(phrasings()) },
  {
    expected: 'a reply variant {"when", "text"} or {"when", "texts"}',
    oneKeyOf: {
      keys: ['text', 'texts'],
      neither: 'a reply variant needs "text" (or "texts", several phrasings)',
      both: 'a reply variant has "text" or "texts", not both',
    },
  },
);

const replyWords = { expected: 'a reply template, or a non-empty list of reply variants' };
/** The final reply: one template, or variants of which the first whose `when` holds is used. */
const reply = variants(
  [
    { is: { type: 'string' }, node: template },
    { is: { type: 'array' }, node: list(replyVariant, { ...replyWords, minItems: 1 }) },
  ],
  replyWords,
);

export const slots = record(slot, {
  expected: 'an object of slots',
  key: { pattern: SLOT_NAME, message: (name) => `a slot name holds letters, digits, "_", "$" or "-" (so that {${name}} can refer to it), found "${name}"` },
});

export const chain = object(
  {
    id: req(chainId),
    name: opt(text()),
    requests: opt(requests),
    slots: opt(slots),
    calls: req(list(call, { expected: 'a list of calls' })),
    reply: opt(reply),
  },
  { expected: 'a chain object {"id", "requests", "calls"}' },
);

export const project = object(
  {
    format: req(values([PROJECT_FORMAT]), { readFirst: true }),
    version: req(values([PROJECT_VERSION]), { readFirst: true }),
    name: req(text()),
    systemPrompt: opt(text()),
    referenceDate: opt(text({ pattern: /^\d{4}-\d{2}-\d{2}$/, format: 'date', expected: 'a date "YYYY-MM-DD"' })),
    tools: req(list(tool, { expected: 'a list of tool definitions' })),
    chains: req(list(chain, { expected: 'a list of chains' })),
  },
  {},
);

// ---- the types, read off the definition (types.ts re-exports them) ----

export type Position = Infer<typeof position>;
export type ToolFunction = Infer<typeof toolFunction>;
export type ToolDef = Infer<typeof tool>;
export type FakeSlot = Infer<typeof fakeSlot>;
export type OneOfSlot = Infer<typeof oneOfSlot>;
export type IntSlot = Infer<typeof intSlot>;
/** Any other JSON value is a constant slot. */
export type SlotSpec = Infer<typeof slot>;
export type ResultPins = Infer<typeof resultPins>;
export type Recover = Infer<typeof recover>;
export type FailureSpec = Infer<typeof failure>;
export type ConfirmSpec = Infer<typeof confirm>;
export type Call = Infer<typeof call>;
export type ReplyVariant = Infer<typeof replyVariant>;
export type Reply = Infer<typeof reply>;
export type Chain = Infer<typeof chain>;
export type Project = Infer<typeof project>;
