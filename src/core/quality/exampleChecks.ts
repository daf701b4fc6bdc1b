/**
 * Checks of one generated example, as a fine-tuner would read it: do the results agree with
 * each other and with the request, and does the reply tell the truth about them? Each check
 * is a `QualityCheck`; `QUALITY_CHECKS` holds the built-in ones, and others (grounding:
 * arguments the model could not know) join with `registerQualityCheck`.
 */
import { groundingIssues } from '../formats/grounding.ts';
import { transcriptOf } from '../formats/transcript.ts';
import type { Example, ToolResultMessage } from '../generate/types.ts';
import type { Chain, JsonSchema, JsonValue, Project, ToolDef } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import { schemaAtPath } from '../refs/schemaPath.ts';
import type { PathSegment } from '../refs/types.ts';
import { snakeName } from '../simulate/ids.ts';
import { numberBoundsFor, requestFacts, timeBoundsFor } from '../simulate/request.ts';
import {
  comparable,
  isActionTool,
  isEventTime,
  isHappenedTimestamp,
  isSuccessFlag,
  orderedPairs,
  outOfOrder,
  sortContract,
  sortViolation,
} from '../simulate/semantics.ts';

export type QualityCategory = 'coherence' | 'contradiction' | 'grounding';

export interface QualityFinding {
  category: QualityCategory;
  /** `order-pair`, `timestamp-order`, `sort-contract`, `request-day`, `request-bound`, `request-place`, `reply-contradicts-result`, … */
  code: string;
  chainId: string;
  index: number;
  callId?: string;
  tool?: string;
  /** Where in the call's result (`flights[2].arrives_at`), when it is about a result. */
  path?: string;
  message: string;
}

export interface QualityCheckContext {
  project: Project;
  chain: Chain;
  tool(name: string): ToolDef | undefined;
  /** The calls a call waits for, directly or through others. */
  dependsOn(callId: string): ReadonlySet<string>;
}

export type CheckOutput = Omit<QualityFinding, 'chainId' | 'index' | 'category' | 'code'> & { code?: string };

export interface QualityCheck {
  code: string;
  category: QualityCategory;
  /** Findings about one example (the caller fills in the chain, the index, the category, and the rule unless a finding names its own). */
  check(example: Example, ctx: QualityCheckContext): CheckOutput[];
}

// ---------------------------------------------------------------------------------------------
// Walking results

interface Leaf {
  /** `flights[2].price` */
  path: string;
  segments: (string | number)[];
  /** The name of the nearest field (`price`; for an item of a list of strings, the list's). */
  field: string;
  value: JsonValue;
  /** Inside an item of a list. */
  inArray: boolean;
}

/** Every value in a result, objects and lists included, depth first. */
export function walk(value: JsonValue, visit: (leaf: Leaf) => void, segments: (string | number)[] = [], field = '', inArray = false): void {
  visit({ path: pathText(segments), segments, field, value, inArray });
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, visit, [...segments, i], field, true));
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) walk(value[key], visit, [...segments, key], key, inArray);
  }
}

export function pathText(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out === '' ? s : `.${s}`;
  return out;
}

/** `flights[2].price` → `flights[].price`: the field whatever the item. */
export function pathPattern(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? '[]' : out === '' ? s : `.${s}`;
  return out || '(result)';
}

/** The declared schema at a path of a result (any item standing for all), or undefined. */
export function schemaAt(returns: JsonSchema | undefined, segments: readonly (string | number)[]): JsonSchema | undefined {
  if (!returns) return undefined;
  const path: PathSegment[] = segments.map((s) => (typeof s === 'number' ? { kind: 'index', index: 0 } : { kind: 'key', key: s }));
  const found = schemaAtPath(returns, path);
  return found.ok ? found.schema : undefined;
}

function toolMessages(example: Example): ToolResultMessage[] {
  return example.messages.filter((m): m is ToolResultMessage => m.role === 'tool');
}

function argsOf(example: Example, id: string): { [name: string]: JsonValue } {
  for (const m of example.messages) if (m.role === 'assistant' && 'calls' in m) for (const c of m.calls) if (c.id === id) return c.args;
  return {};
}

function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Coherence

const orderPairs: QualityCheck = {
  code: 'order-pair',
  category: 'coherence',
  check(example) {
    const out: CheckOutput[] = [];
    for (const m of toolMessages(example)) {
      if (m.error) continue;
      walk(m.result, ({ value, segments }) => {
        if (!isPlainObject(value)) return;
        for (const [lo, hi] of orderedPairs(Object.keys(value))) {
          if (!outOfOrder(value[lo], value[hi])) continue;
          const at = pathText(segments);
          out.push({
            callId: m.callId,
            tool: m.tool,
            path: at ? `${at}.${lo}` : lo,
            message: `${lo} (${JSON.stringify(value[lo])}) is after ${hi} (${JSON.stringify(value[hi])})`,
          });
        }
      });
    }
    return out;
  },
};

/** The happened timestamps in a value (all depths, or only outside lists). */
function happenedTimes(value: JsonValue, topOnly: boolean): { path: string; at: number }[] {
  const out: { path: string; at: number }[] = [];
  walk(value, ({ field, value: v, path, inArray }) => {
    if (typeof v !== 'string' || (topOnly && inArray) || !isHappenedTimestamp(field)) return;
    const c = comparable(v);
    if (c && c.kind === 'datetime') out.push({ path, at: c.at });
  });
  return out;
}

const timestampOrder: QualityCheck = {
  code: 'timestamp-order',
  category: 'coherence',
  check(example, ctx) {
    const out: CheckOutput[] = [];
    const results = new Map<string, JsonValue[]>();
    for (const m of toolMessages(example)) {
      if (!m.error) {
        const tool = ctx.tool(m.tool);
        if (isActionTool(m.tool, tool?.effect)) {
          let latest: { at: number; callId: string; path: string } | undefined;
          for (const dep of ctx.dependsOn(m.callId)) {
            for (const r of results.get(dep) ?? [])
              for (const t of happenedTimes(r, false)) if (!latest || t.at > latest.at) latest = { at: t.at, callId: dep, path: t.path };
          }
          if (latest) {
            for (const t of happenedTimes(m.result, true)) {
              if (t.at < latest.at) {
                out.push({
                  callId: m.callId,
                  tool: m.tool,
                  path: t.path,
                  message: `${t.path} (${new Date(t.at).toISOString()}) is earlier than ${latest.path} of ${latest.callId} (${new Date(latest.at).toISOString()}), which it depends on`,
                });
              }
            }
          }
        }
      }
      results.set(m.callId, [...(results.get(m.callId) ?? []), m.result]);
    }
    return out;
  },
};

const sortContracts: QualityCheck = {
  code: 'sort-contract',
  category: 'coherence',
  check(example, ctx) {
    const out: CheckOutput[] = [];
    for (const m of toolMessages(example)) {
      if (m.error) continue;
      const tool = ctx.tool(m.tool);
      const returns = tool?.returns;
      if (!returns) continue;
      walk(m.result, ({ value, segments }) => {
        if (!Array.isArray(value) || value.length < 2) return;
        const schema = schemaAt(returns, segments);
        if (!schema) return;
        const items = schemaAt(returns, [...segments, 0]);
        const keys = items && isPlainObject(items.properties) ? Object.keys(items.properties) : [];
        const rootChild = segments.length === 1 || segments.length === 0;
        const contract = sortContract(schema, keys, rootChild ? tool?.function.description : undefined);
        if (!contract) return;
        const i = sortViolation(value, contract);
        if (i < 0) return;
        const at = pathText(segments) || '(result)';
        out.push({
          callId: m.callId,
          tool: m.tool,
          path: `${at}[${i}]`,
          message: `${at} is not sorted by ${contract.desc ? '-' : ''}${contract.key} (${contract.source === 'x-sort' ? 'x-sort' : 'as its description says'}): item ${i} breaks the order`,
        });
      });
    }
    return out;
  },
};

const PLACE_FIELDS = new Set(['city', 'town', 'city_name']);

const requestAgreement: QualityCheck = {
  code: 'request',
  category: 'coherence',
  check(example, ctx) {
    const out: CheckOutput[] = [];
    for (const m of toolMessages(example)) {
      if (m.error) continue;
      const args = argsOf(example, m.id);
      const facts = requestFacts(args);
      if (facts.day === undefined && facts.times.length === 0 && facts.numbers.length === 0 && facts.place === undefined) continue;
      const returns = ctx.tool(m.tool)?.returns;
      walk(m.result, ({ field, value, path, segments }) => {
        // A field that repeats an argument agrees with the request whatever its name says.
        if (!field || (typeof value !== 'string' && typeof value !== 'number') || (Object.prototype.hasOwnProperty.call(args, field) && args[field] === value))
          return;
        // A value the design fixes (`const`, `enum`) is what the design says.
        const declared = schemaAt(returns, segments);
        if (declared && ('const' in declared || Array.isArray(declared.enum))) return;
        const snake = snakeName(field);
        if (typeof value === 'string') {
          const c = comparable(value);
          if (c && (c.kind === 'date' || c.kind === 'datetime')) {
            const event = isEventTime(field);
            if (event && facts.day !== undefined && dayOf(c.at) !== facts.day) {
              out.push({ callId: m.callId, tool: m.tool, path, code: 'request-day', message: `${path} is ${value}, not on the requested day ${facts.day}` });
            }
            const b = timeBoundsFor(facts, snake, event || isHappenedTimestamp(field));
            if (b && ((b.lo !== undefined && c.at < b.lo - (c.kind === 'date' ? 86_399_000 : 0)) || (b.hi !== undefined && c.at > b.hi))) {
              out.push({ callId: m.callId, tool: m.tool, path, code: 'request-bound', message: `${path} is ${value}, outside what the request asked for` });
            }
          } else if (PLACE_FIELDS.has(snake) && facts.place !== undefined && value !== facts.place) {
            out.push({
              callId: m.callId,
              tool: m.tool,
              path,
              code: 'request-place',
              message: `${path} is ${JSON.stringify(value)}, but the call asked about ${JSON.stringify(facts.place)}`,
            });
          }
        } else if (typeof value === 'number') {
          const b = numberBoundsFor(facts, snake);
          if (b && ((b.lo !== undefined && value < b.lo) || (b.hi !== undefined && value > b.hi))) {
            out.push({
              callId: m.callId,
              tool: m.tool,
              path,
              code: 'request-bound',
              message: `${path} is ${value}, outside what the request asked for (${b.lo ?? '…'}–${b.hi ?? '…'})`,
            });
          }
        }
      });
    }
    return out;
  },
};

// ---------------------------------------------------------------------------------------------
// Replies

const CLAIMS_SUCCESS =
  /\b(done|all set|successfully|sent|booked|created|scheduled|confirmed|deleted|removed|added|saved|updated|moved|reserved|emailed|invited|notified|paged|acknowledged|deployed|published|posted|i('ve| have)\b|it'?s (done|sent|booked))\b/i;
const ADMITS_FAILURE =
  /\b(couldn'?t|could not|can'?t|cannot|failed|fail(ure)?|unable|wasn'?t|was not|weren'?t|didn'?t|did not|not (been )?(sent|booked|created|saved|confirmed|deleted|done)|error|problem|sorry|unfortunately|no luck)\b/i;

/** Success flags that say a call did not do what it was asked (`sent: false`), outside lists. */
export function failedFlags(result: JsonValue): string[] {
  const out: string[] = [];
  walk(result, ({ field, value, path, inArray }) => {
    if (value === false && !inArray && isSuccessFlag(field)) out.push(path);
  });
  return out;
}

const replyContradicts: QualityCheck = {
  code: 'reply-contradicts-result',
  category: 'contradiction',
  check(example) {
    const reply = [...example.messages].reverse().find((m) => m.role === 'assistant' && 'text' in m);
    if (!reply || !('text' in reply)) return [];
    const text = reply.text;
    if (!CLAIMS_SUCCESS.test(text) || ADMITS_FAILURE.test(text)) return [];
    const out: CheckOutput[] = [];
    for (const m of toolMessages(example)) {
      if (m.error) continue;
      for (const path of failedFlags(m.result)) {
        out.push({
          callId: m.callId,
          tool: m.tool,
          path,
          message: `the reply claims success ("${text.length > 80 ? `${text.slice(0, 77)}…` : text}") but ${m.tool} returned ${path}: false`,
        });
      }
    }
    return out;
  },
};

// ---------------------------------------------------------------------------------------------
// Grounding: the checks the line checker runs on files made elsewhere (formats/grounding.ts),
// on the generated example

const inventedIds: QualityCheck = {
  code: 'invented-id',
  category: 'grounding',
  check(example, ctx) {
    const toolText = JSON.stringify(ctx.project.tools.map((t) => t.function));
    return groundingIssues(transcriptOf(example), toolText)
      .filter((issue) => issue.code === 'invented-id')
      .map((issue) => {
        const m = example.messages[issue.turn];
        const call = m && 'calls' in m ? m.calls[issue.call ?? 0] : undefined;
        return { callId: call?.callId, tool: issue.tool, path: pathText(issue.at ?? []), message: issue.message };
      });
  },
};

/** The checks every quality measure runs. */
export const QUALITY_CHECKS: QualityCheck[] = [orderPairs, timestampOrder, sortContracts, requestAgreement, replyContradicts];

/**
 * Adds a check to every later measure (grounding checks: `slot-not-in-request`,
 * `invented-id`, … go in with `category: 'grounding'`). A check with the rule of one already
 * there replaces it.
 */
export function registerQualityCheck(check: QualityCheck): void {
  const i = QUALITY_CHECKS.findIndex((c) => c.code === check.code);
  if (i >= 0) QUALITY_CHECKS[i] = check;
  else QUALITY_CHECKS.push(check);
}

registerQualityCheck(inventedIds);
