import type { Call, Chain, JsonSchema, JsonValue } from '../project/types.ts';
import { DEFAULT_WHEN_RATE } from '../project/types.ts';
import { compileCondition, testHolds, type CompiledCondition, type RunStatus } from '../conditions/evaluate.ts';
import { conditionReferences } from '../conditions/references.ts';
import { isTestCondition, testOperators, type Condition, type Operator } from '../conditions/types.ts';
import { elementName } from '../calls/forEach.ts';
import { callReads } from '../graph/dependencies.ts';
import { collectReferences, parseTemplate } from '../refs/parse.ts';
import { schemaAtPath } from '../refs/schemaPath.ts';
import type { PathSegment } from '../refs/types.ts';
import { compileCheck } from '../simulate/conforms.ts';
import type { SeededFaker } from '../simulate/faker.ts';
import { itemWithNewName, simulateValue } from '../simulate/fromSchema.ts';
import type { Rng } from '../simulate/rng.ts';
import { compileValue, UNRESOLVED, type Scope } from './compiled.ts';
import { FAN_OUT_MAX, fanOutLengths, listBounds as bounds } from '../calls/fanOutLengths.ts';

/**
 * Steering (docs/steering.md): the simulator shapes results so that the data shows the
 * decisions a design makes. A result is steered right after it is simulated, before any
 * call reads it, and only within the tool's declared `returns` schema:
 *
 * - a `when` holds in about `whenRate` of the examples: each example draws whether it should,
 *   and the result the condition reads is changed until it does (an empty calendar, a
 *   priority of "high", a total above the threshold), when the condition can be made so;
 * - a fan-out's list gets a length drawn over its schema's range (zero included where the
 *   schema allows), and with a `where`, a share of matching elements drawn per example, so
 *   counts vary, zero matches happen and matching and other elements stand side by side;
 * - a `when` on a fan-out's count (`{remind.length} gt 0`) chooses how many elements match.
 *
 * Steering draws from the example's own random stream, so an example is still a pure
 * function of (project, chain, seed, index). A chain with nothing to steer draws nothing.
 */
export interface ChainSteering {
  /** Draws the example's targets; call once per attempt before the first call. */
  begin(rng: Rng): void;
  /** Shapes a freshly simulated result of `callId` (made once, not a fan-out); `scope` holds the results so far. */
  afterResult(callId: string, result: JsonValue, scope: Scope, sf: SeededFaker, status: RunStatus): void;
  /** Whether `callId`'s result is steered (so that a generator calls afterResult only where needed). */
  steers(callId: string): boolean;
}

/** Candidate values tried per test before steering gives up on it. */
const SIMULATED_CANDIDATES = 8;

interface CountTarget {
  whenCall: string;
  op: Operator;
  operand: number;
}

interface FanOutSteer {
  fanOut: Call;
  as: string;
  arrayPath: PathSegment[];
  key: string;
  lo: number;
  hi: number;
  /** Schema of new elements (tightened, so later reads resolve). */
  newItem: JsonSchema;
  /** Declared schema of one element (what steering must stay inside). */
  element: JsonSchema;
  where: Condition | undefined;
  counts: CountTarget[];
}

interface WhenSteer {
  call: Call;
  when: Condition;
  schema: JsonSchema;
  tight: JsonSchema;
}

/** Schema lookups of the value being steered: declared (the limits) and tightened (new array items). */
interface SteerEnv {
  scope: Scope;
  root: string;
  declared: JsonSchema;
  tight: JsonSchema;
  sf: SeededFaker;
  status: RunStatus;
  /** Replaces the root's whole value (an element inside its list). */
  replaceRoot(value: JsonValue): void;
}

const compiledConditions = new WeakMap<object, CompiledCondition>();
function evaluate(cond: Condition, scope: Scope, status: RunStatus): boolean {
  let c = compiledConditions.get(cond);
  if (!c) {
    c = compileCondition(cond);
    compiledConditions.set(cond, c);
  }
  return c(scope, status);
}

const ITEM: PathSegment = { kind: 'index', index: 0 };

function lookup(schema: JsonSchema, path: readonly PathSegment[]): JsonSchema | undefined {
  const r = schemaAtPath(schema, path);
  return r.ok ? r.schema : undefined;
}

/** A path of keys and non-negative indices only (a place steering can write to). */
/**
 * How many elements of the list at `root.arrayPath` the calls' arguments and behaviours read
 * by position (`[0]` needs 1, `[2]` 3, `[-1]`, `[min:…]` and `[max:…]` 1): a fan-out over the
 * list must not empty it then.
 */
function elementsRead(chain: Chain, root: string, arrayPath: readonly PathSegment[]): number {
  let need = 0;
  for (const call of chain.calls) {
    for (const read of callReads(call)) {
      for (const { ref } of collectReferences(read.value)) {
        if (ref.root !== root || ref.path.length <= arrayPath.length) continue;
        if (!arrayPath.every((s, i) => JSON.stringify(s) === JSON.stringify(ref.path[i]))) continue;
        const step = ref.path[arrayPath.length];
        if (step.kind === 'index') need = Math.max(need, step.index < 0 ? -step.index : step.index + 1);
        else if (step.kind === 'pick') need = Math.max(need, 1);
      }
    }
  }
  return need;
}

function isPlainPath(path: readonly PathSegment[]): boolean {
  return path.every((s) => s.kind === 'key' || (s.kind === 'index' && s.index >= 0));
}

function valueAt(value: JsonValue, path: readonly PathSegment[]): JsonValue | undefined {
  let current: JsonValue | undefined = value;
  for (const s of path) {
    if (current === null || typeof current !== 'object' || current === undefined) return undefined;
    if (s.kind === 'key') {
      if (Array.isArray(current) || !Object.prototype.hasOwnProperty.call(current, s.key)) return undefined;
      current = (current as { [k: string]: JsonValue })[s.key];
    } else if (s.kind === 'index') {
      if (!Array.isArray(current) || s.index >= current.length) return undefined;
      current = current[s.index];
    } else return undefined;
  }
  return current;
}

/** Writes `next` at a non-empty plain path inside `value` (the parent must exist). */
function setAt(value: JsonValue, path: readonly PathSegment[], next: JsonValue): boolean {
  const parent = valueAt(value, path.slice(0, -1));
  const last = path[path.length - 1];
  if (parent === undefined || parent === null || typeof parent !== 'object') return false;
  if (last.kind === 'key' && !Array.isArray(parent)) (parent as { [k: string]: JsonValue })[last.key] = next;
  else if (last.kind === 'index' && Array.isArray(parent) && last.index < parent.length) parent[last.index] = next;
  else return false;
  return true;
}

function lastKey(path: readonly PathSegment[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const s = path[i];
    if (s.kind === 'key') return s.key;
  }
  return undefined;
}

function resize(list: JsonValue[], length: number, item: JsonSchema, sf: SeededFaker, name: string | undefined): void {
  if (list.length > length) list.length = length;
  while (list.length < length) list.push(itemWithNewName(list, () => simulateValue(item, sf, name)));
}

function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function range(lo: number, hi: number): number[] {
  return Array.from({ length: Math.max(0, hi - lo + 1) }, (_, i) => lo + i);
}

/** Numbers on the side of `operand` the test needs, inside the field's bounds, rounded as the field wants. */
function numberCandidates(op: Operator, operand: number, want: boolean, schema: JsonSchema | undefined, rng: Rng): number[] {
  const above = ((op === 'gt' || op === 'gte') && want) || ((op === 'lt' || op === 'lte') && !want);
  const integer = schema?.type === 'integer';
  const step = typeof schema?.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : integer ? 1 : 0.01;
  const min = typeof schema?.minimum === 'number' ? schema.minimum : typeof schema?.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + step : undefined;
  const max = typeof schema?.maximum === 'number' ? schema.maximum : typeof schema?.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - step : undefined;
  const spread = Math.max(10 * step, Math.abs(operand));
  const lo = above ? operand : (min ?? operand - spread);
  const hi = above ? (max ?? operand + spread) : operand;
  const out: number[] = [];
  for (let k = 0; k < 4; k += 1) {
    const raw = lo + rng.next() * (hi - lo);
    const n = Math.round(raw / step) * step;
    out.push(Number(n.toFixed(10)));
  }
  out.push(above ? operand + step : operand - step, operand);
  return out.map((n) => Number(n.toFixed(10)));
}

function operandCandidates(op: Operator, operand: JsonValue | typeof UNRESOLVED, want: boolean, schema: JsonSchema | undefined, rng: Rng): JsonValue[] {
  if (operand === UNRESOLVED) return [];
  switch (op) {
    case 'eq':
      return want ? [operand] : [];
    case 'ne':
      return want ? [] : [operand];
    case 'in':
      return want && Array.isArray(operand) ? shuffled(operand, rng) : [];
    case 'notIn':
      return !want && Array.isArray(operand) ? shuffled(operand, rng) : [];
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return typeof operand === 'number' ? numberCandidates(op, operand, want, schema, rng) : [];
    case 'empty':
      return (operand === true) === want ? [[], '', null, {}] : [];
    case 'exists':
      return (operand === true) !== want ? [null] : [];
    default:
      return [];
  }
}

/** A test, read once: its operator, the reference it reads and its compiled operand. */
interface ParsedTest {
  op: Operator;
  root: string;
  path: readonly PathSegment[];
  operand: (scope: Scope) => JsonValue | typeof UNRESOLVED;
  /** For a `.length` test on a plain path: the list's path and its items' path. */
  listPath?: readonly PathSegment[];
  itemPath?: readonly PathSegment[];
  /** The path can be written to (keys and non-negative indices). */
  plain: boolean;
  /** `JSON.stringify` of the paths, the keys of the schema lookups. */
  keys: { path: string; list: string; item: string };
}
const parsedTests = new WeakMap<object, ParsedTest | null>();
function parseTest(cond: Condition): ParsedTest | null {
  let parsed = parsedTests.get(cond);
  if (parsed !== undefined) return parsed;
  parsed = null;
  const op = testOperators(cond)[0];
  const test = cond as { value: JsonValue } & { [k: string]: JsonValue };
  const whole = op !== undefined && typeof test.value === 'string' ? parseTemplate(test.value).whole : null;
  if (op !== undefined && whole) {
    const literal = test[op];
    const render = op === 'empty' || op === 'exists' ? () => literal : compileValue(literal).render;
    const path = whole.path;
    const isLength = path.length > 0 && path[path.length - 1].kind === 'length' && isPlainPath(path.slice(0, -1));
    const listPath = isLength ? path.slice(0, -1) : undefined;
    const itemPath = listPath ? [...listPath, ITEM] : undefined;
    parsed = {
      op,
      root: whole.root,
      path,
      operand: render,
      ...(listPath ? { listPath, itemPath } : {}),
      plain: isPlainPath(path),
      keys: { path: JSON.stringify(path), list: JSON.stringify(listPath ?? []), item: JSON.stringify(itemPath ?? []) },
    };
  }
  parsedTests.set(cond, parsed);
  return parsed;
}

/** Schema lookups by path, kept per schema (steering asks the same few paths for every example). */
const lookups = new WeakMap<JsonSchema, Map<string, JsonSchema | undefined>>();
function cachedLookup(schema: JsonSchema, path: readonly PathSegment[], key: string): JsonSchema | undefined {
  let byPath = lookups.get(schema);
  if (!byPath) {
    byPath = new Map();
    lookups.set(schema, byPath);
  }
  if (!byPath.has(key)) byPath.set(key, lookup(schema, path));
  return byPath.get(key);
}

/** Makes one test hold (or not) by changing the value it reads, when that value is the steered root's. */
function steerTest(cond: Condition, want: boolean, env: SteerEnv): boolean {
  const test = parseTest(cond);
  if (!test || test.root !== env.root) return false;
  const { op, path, listPath, itemPath, keys } = test;
  const operand = test.operand(env.scope);
  const rootValue = env.scope[env.root];
  const rng = env.sf.rng;

  if (listPath && itemPath) {
    const list = valueAt(rootValue, listPath);
    if (!Array.isArray(list)) return false;
    const { lo, hi } = bounds(cachedLookup(env.declared, listPath, keys.list));
    const top = hi ?? Math.max(lo, list.length, FAN_OUT_MAX, typeof operand === 'number' ? Math.ceil(operand) + 2 : 0);
    const item = cachedLookup(env.tight, itemPath, keys.item) ?? cachedLookup(env.declared, itemPath, keys.item) ?? {};
    for (const length of shuffled(range(lo, Math.min(top, lo + 50)), rng)) {
      if (testHolds(op, length, operand) !== want) continue;
      resize(list, length, item, env.sf, lastKey(listPath));
      return true;
    }
    return false;
  }
  if (!test.plain) return false;
  const schema = path.length ? cachedLookup(env.declared, path, keys.path) : env.declared;
  const check = schema ? compileCheck(schema) : null;
  const fits = (candidate: JsonValue) => (!check || check(candidate)) && testHolds(op, candidate, operand) === want;
  let chosen: JsonValue | undefined;
  for (const candidate of operandCandidates(op, operand, want, schema, rng)) {
    if (fits(candidate)) {
      chosen = candidate;
      break;
    }
  }
  // Values of the field's own kind, drawn until one fits (only when the operand gave none).
  for (let k = 0; chosen === undefined && schema && k < SIMULATED_CANDIDATES; k += 1) {
    const candidate = simulateValue(schema, env.sf, lastKey(path));
    if (fits(candidate)) chosen = candidate;
  }
  if (chosen === undefined) return false;
  if (path.length === 0) env.replaceRoot(chosen);
  else if (!setAt(rootValue, path, chosen)) return false;
  return true;
}

/** Changes the steered root's value until `cond` evaluates to `want`, as far as it can; says whether it does. */
export function steerCondition(cond: Condition, want: boolean, env: SteerEnv): boolean {
  const holds = () => evaluate(cond, env.scope, env.status) === want;
  if (holds()) return true;
  const c = cond as { [k: string]: unknown };
  const rng = env.sf.rng;
  if (isTestCondition(cond)) return steerTest(cond, want, env) && holds();
  if (Array.isArray(c.all)) {
    const parts = c.all as Condition[];
    if (want) for (const part of parts) steerCondition(part, true, env);
    else for (const part of shuffled(parts, rng)) if (steerCondition(part, false, env)) break;
    return holds();
  }
  if (Array.isArray(c.any)) {
    const parts = c.any as Condition[];
    if (want) {
      for (const part of shuffled(parts, rng)) if (steerCondition(part, true, env)) break;
    } else for (const part of parts) steerCondition(part, false, env);
    return holds();
  }
  if (c.not !== undefined) return steerCondition(c.not as Condition, !want, env) && holds();
  return false;
}

/** The call ids a condition reads by reference. */
function conditionRoots(cond: Condition): string[] {
  return [...new Set(conditionReferences(cond).map((r) => r.ref.root))];
}

/**
 * What a chain steers, worked out once per generator. `declared(callId)` is the tool's
 * `returns` schema (the limits), `tight(callId)` the schema the generator simulates from.
 * Undefined when the chain has nothing to steer.
 */
export function compileSteering(
  chain: Chain,
  order: readonly string[],
  declared: (callId: string) => JsonSchema | undefined,
  tight: (callId: string) => JsonSchema | undefined,
): ChainSteering | undefined {
  const byId = new Map(chain.calls.map((c) => [c.id, c]));
  const position = new Map(order.map((id, i) => [id, i]));
  const isFanOut = (id: string) => byId.get(id)?.forEach !== undefined;
  const whenCalls = chain.calls.filter((c) => c.when !== undefined);
  if (whenCalls.length === 0 && !chain.calls.some((c) => c.forEach !== undefined)) return undefined;

  // Counts: a `when` that is one comparison of a fan-out's `.length` with a number.
  const countOf = new Map<string, CountTarget[]>();
  const counted = new Set<string>();
  for (const w of whenCalls) {
    const cond = w.when!;
    if (!isTestCondition(cond) || typeof cond.value !== 'string') continue;
    const op = testOperators(cond)[0];
    const operand = (cond as { [k: string]: JsonValue })[op];
    const whole = parseTemplate(cond.value).whole;
    if (!whole || !isFanOut(whole.root) || whole.path.length !== 1 || whole.path[0].kind !== 'length') continue;
    if (!['eq', 'ne', 'gt', 'gte', 'lt', 'lte'].includes(op) || typeof operand !== 'number') continue;
    countOf.set(whole.root, [...(countOf.get(whole.root) ?? []), { whenCall: w.id, op, operand }]);
    counted.add(w.id);
  }

  const fanOuts = new Map<string, FanOutSteer[]>();
  for (const call of chain.calls) {
    if (call.forEach === undefined) continue;
    const whole = parseTemplate(call.forEach).whole;
    if (!whole || !byId.has(whole.root) || isFanOut(whole.root)) continue;
    const endsWithAll = whole.path.length > 0 && whole.path[whole.path.length - 1].kind === 'all';
    const arrayPath = endsWithAll ? whole.path.slice(0, -1) : whole.path;
    if (!isPlainPath(arrayPath)) continue;
    const schema = declared(whole.root);
    const tightSchema = tight(whole.root) ?? schema;
    if (!schema || !tightSchema) continue;
    const list = lookup(schema, arrayPath);
    const element = lookup(schema, [...arrayPath, ITEM]);
    if (!list || !element) continue;
    const drawn = fanOutLengths(list);
    // A call that reads `[n]` (or `[min:…]`) of the list outside the fan-out needs that element.
    const lo = Math.max(drawn.lo, Math.min(elementsRead(chain, whole.root, arrayPath), drawn.hi));
    const hi = Math.max(drawn.hi, lo);
    fanOuts.set(whole.root, [
      ...(fanOuts.get(whole.root) ?? []),
      {
        fanOut: call,
        as: elementName(call),
        arrayPath,
        key: JSON.stringify(arrayPath),
        lo,
        hi,
        newItem: lookup(tightSchema, [...arrayPath, ITEM]) ?? element,
        element,
        where: call.where,
        counts: countOf.get(call.id) ?? [],
      },
    ]);
  }

  // Other `when`s: steered where the last call they read is simulated.
  const whens = new Map<string, WhenSteer[]>();
  for (const w of whenCalls) {
    if (counted.has(w.id)) continue;
    const roots = conditionRoots(w.when!).filter((r) => byId.has(r));
    if (roots.length === 0 || roots.some(isFanOut)) continue;
    const point = roots.reduce((a, b) => ((position.get(a) ?? -1) >= (position.get(b) ?? -1) ? a : b));
    const schema = declared(point);
    if (!schema) continue;
    whens.set(point, [...(whens.get(point) ?? []), { call: w, when: w.when!, schema, tight: tight(point) ?? schema }]);
  }

  const targets = new Map<string, boolean>();
  return {
    steers: (callId) => fanOuts.has(callId) || whens.has(callId),
    begin(rng) {
      targets.clear();
      for (const w of whenCalls) targets.set(w.id, rng.next() < (w.whenRate ?? DEFAULT_WHEN_RATE));
    },
    afterResult(callId, result, scope, sf, status) {
      const rng = sf.rng;
      const resized = new Set<string>();
      for (const f of fanOuts.get(callId) ?? []) {
        const list = valueAt(result, f.arrayPath);
        if (!Array.isArray(list)) continue;
        const counts = f.counts.map((c) => ({ ...c, want: targets.get(c.whenCall) ?? true }));
        const countOk = (k: number) => counts.every((c) => testHolds(c.op, k, c.operand) === c.want);
        if (!resized.has(f.key)) {
          resized.add(f.key);
          let lengths = range(f.lo, f.hi);
          if (counts.length) {
            // The count a later `when` wants must be possible: without a filter the length is the count; with one, up to it.
            const fitting = lengths.filter((length) => (f.where ? range(0, length).some(countOk) : countOk(length)));
            if (fitting.length) lengths = fitting;
          }
          resize(list, lengths[rng.int(0, lengths.length - 1)], f.newItem, sf, lastKey(f.arrayPath));
        }
        if (!f.where) continue;
        let wants: boolean[];
        const ks = range(0, list.length).filter(countOk);
        if (counts.length && ks.length) {
          const k = ks[rng.int(0, ks.length - 1)];
          const chosen = new Set(shuffled(range(0, list.length - 1), rng).slice(0, k));
          wants = list.map((_, i) => chosen.has(i));
        } else {
          const share = rng.next();
          wants = list.map(() => rng.next() < share);
        }
        const base: Scope = { ...scope, [callId]: result };
        list.forEach((item, i) => {
          const element: Scope = { ...base, [f.as]: item };
          steerCondition(f.where!, wants[i], {
            scope: element,
            root: f.as,
            declared: f.element,
            tight: f.newItem,
            sf,
            status,
            replaceRoot: (value) => {
              list[i] = value;
              element[f.as] = value;
            },
          });
        });
      }
      for (const w of whens.get(callId) ?? []) {
        const env: Scope = { ...scope, [callId]: result };
        steerCondition(w.when, targets.get(w.call.id) ?? true, {
          scope: env,
          root: callId,
          declared: w.schema,
          tight: w.tight,
          sf,
          status,
          replaceRoot: () => undefined,
        });
      }
    },
  };
}
