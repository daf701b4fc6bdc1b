import type { Call, JsonValue, Project } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import { compileProject, type CompiledChain } from '../compile/compileProject.ts';
import { compileCondition, type RunStatus } from '../conditions/evaluate.ts';
import { describeCondition } from '../conditions/describe.ts';
import { isTestCondition } from '../conditions/types.ts';
import { compileTemplate, UNRESOLVED, type Scope } from '../generate/compiled.ts';
import { elementName } from '../calls/forEach.ts';
import { recoverOf } from '../calls/failure.ts';
import { isCallsMessage, type Example } from '../generate/types.ts';
import { chainGraph, filterWords, forEachSource, stoppedBy } from '../graph/explainBranches.ts';
import { listInWords } from '../refs/listInWords.ts';

/**
 * What happened to each call that varies in one generated example (a fan-out's count, a
 * condition, a failure, a refusal, a call left out because one it needs gave no result),
 * rebuilt from the transcript alone, and the same in words for the preview:
 * "4 of 7 tasks had priority = high, so 4 create_reminder calls".
 */
export interface CallFacts {
  callId: string;
  tool: string;
  /** Concrete calls made, retries not counted (a fan-out: one per element that got a call). */
  made: number;
  /** A fan-out: how long its list was, and how many elements passed its filter. */
  fanOut?: { listLength: number | null; passed: number | null };
  /** `when`: whether it held (null: not decided, since a call it needs gave no result). */
  condition?: boolean | null;
  /** The design lets it fail: whether it did, its error code, whether it was made again. */
  failure?: { failed: boolean; code?: string; retried: boolean };
  /** The design asks first: the user's answer (null: never asked, the call was not reached). */
  confirm?: 'yes' | 'no' | null;
  /** The calls it needs that gave no result in this example (so it was not called). */
  missing: string[];
}

/** A part of the example that varies, in words, for the preview. */
export interface VariationMark {
  callId: string;
  kind: 'fanOut' | 'condition' | 'failure' | 'confirm' | 'skipped';
  text: string;
}

/** The scope of one example rebuilt from its messages: slots, results, a fan-out's list of results (retries replace the failed one). */
export function exampleScope(example: Example, fanOuts: ReadonlySet<string>): Scope {
  const scope: Scope = Object.create(null) as Scope;
  for (const [name, value] of Object.entries(example.slots)) scope[name] = value;
  const elementOf = new Map<string, number>();
  const lists = new Map<string, Map<number, JsonValue>>();
  for (const m of example.messages) {
    if (isCallsMessage(m)) {
      for (const c of m.calls) if (c.element !== undefined) elementOf.set(c.id, c.element);
      continue;
    }
    if (m.role !== 'tool') continue;
    if (fanOuts.has(m.callId)) {
      const list = lists.get(m.callId) ?? new Map<number, JsonValue>();
      lists.set(m.callId, list);
      list.set(elementOf.get(m.id) ?? list.size, m.result);
    } else scope[m.callId] = m.result;
  }
  for (const [id, list] of lists) scope[id] = [...list.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  return scope;
}

/** The code of an error result: `error.code`, `code`, or the first short string in it. */
function errorCode(result: JsonValue): string | undefined {
  const pick = (v: JsonValue): string | undefined => {
    if (!isPlainObject(v)) return undefined;
    for (const key of ['code', 'error_code', 'type']) if (typeof v[key] === 'string') return v[key] as string;
    return undefined;
  };
  if (isPlainObject(result)) return pick(result.error ?? null) ?? pick(result);
  return undefined;
}

/** The facts of every call of the chain that varies (or waits for one that does), in plan order. */
export function exampleFacts(project: Project, example: Example): CallFacts[] {
  const compiled = compileProject(project).chain(example.chainId);
  if (!compiled || !compiled.planned.ok) return [];
  return factsOf(compiled, example).facts;
}

function factsOf(compiled: CompiledChain, example: Example): { facts: CallFacts[]; scope: Scope } {
  const chain = compiled.chain;
  const byId = new Map(chain.calls.map((c) => [c.id, c]));
  const fanOuts = new Set(chain.calls.filter((c) => c.forEach !== undefined).map((c) => c.id));
  const scope = exampleScope(example, fanOuts);
  const g = chainGraph(chain, compiled.dependencies);
  const elements = new Map<string, Set<number>>();
  const madeCount = new Map<string, number>();
  const firstIds = new Set<string>();
  for (const m of example.messages) {
    if (!isCallsMessage(m)) continue;
    for (const c of m.calls) {
      if (c.element !== undefined) {
        const set = elements.get(c.callId) ?? new Set<number>();
        elements.set(c.callId, set);
        if (set.has(c.element)) continue; // a retry
        set.add(c.element);
        madeCount.set(c.callId, (madeCount.get(c.callId) ?? 0) + 1);
      } else if (!firstIds.has(c.callId)) {
        firstIds.add(c.callId);
        madeCount.set(c.callId, 1);
      }
    }
  }
  const outcome = example.outcome ?? { failed: [], retried: [], confirmed: [], declined: [] };
  const failedNow = new Set(outcome.failed.filter((id) => !outcome.retried.includes(id)));
  const declined = new Set(outcome.declined);
  const status: RunStatus = { ran: (id) => (madeCount.get(id) ?? 0) > 0, failed: (id) => failedNow.has(id), declined: (id) => declined.has(id) };
  const errorOf = (id: string): string | undefined => {
    for (const m of example.messages) if (m.role === 'tool' && m.callId === id && m.error) return errorCode(m.result);
    return undefined;
  };

  // In plan order, as the generator went: a call gives a result when it was reached and made,
  // and neither failed for good nor was refused; a fan-out reached with no element gives [].
  const gave = new Set<string>();
  const out: CallFacts[] = [];
  for (const id of compiled.planned.ok ? compiled.planned.plan.levels.flat() : []) {
    const call = byId.get(id)!;
    const made = madeCount.get(id) ?? 0;
    const missing = (g.needs.get(id) ?? []).filter((p) => !gave.has(p));
    const condition = call.when === undefined ? undefined : missing.length ? null : compileCondition(call.when)(scope, status);
    const reached = missing.length === 0 && condition !== false;
    if (call.forEach !== undefined) {
      if (reached && !declined.has(id)) {
        if (!(id in scope)) scope[id] = [];
        if (!failedNow.has(id)) gave.add(id);
      }
    } else if (made > 0 && !failedNow.has(id) && !declined.has(id)) gave.add(id);

    const varies = call.forEach !== undefined || call.when !== undefined || call.failure !== undefined || call.confirm !== undefined || missing.length > 0;
    if (!varies) continue;
    const facts: CallFacts = { callId: id, tool: call.tool, made, missing };
    if (condition !== undefined) facts.condition = condition;
    if (call.forEach !== undefined) {
      const items = reached ? compileTemplate(call.forEach).render(scope) : UNRESOLVED;
      if (Array.isArray(items)) {
        const where = call.where !== undefined ? compileCondition(call.where) : undefined;
        const as = elementName(call);
        const passed = where ? items.filter((item) => where({ ...scope, [as]: item }, status)).length : items.length;
        facts.fanOut = { listLength: items.length, passed };
      } else facts.fanOut = { listLength: null, passed: null };
    }
    if (call.failure) {
      const failed = outcome.failed.includes(id);
      facts.failure = { failed, retried: outcome.retried.includes(id) };
      const code = failed ? errorOf(id) : undefined;
      if (code !== undefined) facts.failure.code = code;
    }
    if (call.confirm) facts.confirm = declined.has(id) ? 'no' : outcome.confirmed.includes(id) ? 'yes' : null;
    out.push(facts);
  }
  return { facts: out, scope };
}

/** `tasks.tasks` → "tasks"; one of them: "task". */
function nouns(call: Call): { one: string; many: string } {
  const source = forEachSource(call);
  const last = (
    source
      .split(/[.[\]]/)
      .filter(Boolean)
      .pop() ?? 'element'
  ).replace(/^\*$/, 'element');
  if (last.endsWith('ies')) return { one: `${last.slice(0, -3)}y`, many: last };
  if (last.endsWith('s') && !last.endsWith('ss')) return { one: last.slice(0, -1), many: last };
  return { one: last, many: `${last} elements` };
}

const calls = (n: number, tool: string) => (n === 0 ? `no ${tool} call` : n === 1 ? `1 ${tool} call` : `${n} ${tool} calls`);

/** The value a simple test reads, in this example, for "… did not hold (cal.events.length = 0)". */
function testedValue(call: Call, scope: Scope): string {
  const when = call.when;
  if (when === undefined || !isTestCondition(when) || typeof when.value !== 'string') return '';
  const parsed = compileTemplate(when.value).render(scope);
  if (parsed === UNRESOLVED) return '';
  const text = JSON.stringify(parsed);
  if (text === undefined || text.length > 40) return '';
  return ` (${describeCondition({ value: when.value, exists: true }).replace(/ exists$/, '')} is ${text})`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `room_id` → "another room_id"; several: "other values for a and b". */
export function otherValues(keys: readonly string[]): string {
  return keys.length === 1 ? `another ${keys[0]}` : `other values for ${listInWords([...keys])}`;
}

/** What varies in this example, in words, one mark per call that varies (plan order). */
export function variationMarks(project: Project, example: Example): VariationMark[] {
  const compiled = compileProject(project).chain(example.chainId);
  if (!compiled || !compiled.planned.ok) return [];
  const chain = compiled.chain;
  const byId = new Map(chain.calls.map((c) => [c.id, c]));
  const tools = new Map(project.tools.map((t) => [t.function.name, t]));
  const { facts, scope } = factsOf(compiled, example);
  const g = chainGraph(chain, compiled.dependencies);
  const marks: VariationMark[] = [];
  for (const f of facts) {
    const call = byId.get(f.callId)!;
    const tool = call.tool;
    if (f.missing.length) {
      // A failure reported or a refusal already names what it stopped.
      const said = (id: string) => facts.some((o) => o.callId === id && ((o.failure?.failed && !o.failure.retried) || o.confirm === 'no'));
      if (f.missing.every(said)) continue;
      marks.push({
        callId: f.callId,
        kind: 'skipped',
        text: `${tool} (${f.callId}) was not called: it needs the result of ${listInWords(f.missing)}, which gave none in this example.`,
      });
      continue;
    }
    if (f.condition === false) {
      marks.push({
        callId: f.callId,
        kind: 'condition',
        text: `${describeCondition(call.when!)} did not hold${testedValue(call, scope)}, so ${tool} (${f.callId}) was not called.`,
      });
    } else if (f.condition === true && call.forEach === undefined) {
      marks.push({
        callId: f.callId,
        kind: 'condition',
        text: `${describeCondition(call.when!)} held${testedValue(call, scope)}, so ${tool} (${f.callId}) was called.`,
      });
    }
    const effect = tools.get(tool)?.effect ?? 'read';
    const nothing = effect === 'destructive' ? 'nothing was deleted' : effect === 'write' ? 'nothing was changed' : 'nothing was looked up';
    const stops = stoppedBy(g, f.callId);
    const refused = `the user said no, so ${nothing}: ${calls(0, tool)}${stops.length ? `, nor ${listInWords(stops)}` : ''}.`;
    const asked = call.confirm && (f.confirm === 'yes' || f.confirm === 'no');
    // A fan-out asked about says the list and the answer in one mark.
    if (asked && call.forEach === undefined) {
      marks.push({
        callId: f.callId,
        kind: 'confirm',
        text: f.confirm === 'no' ? capital(refused) : `The user said yes, so ${tool} (${f.callId}) went ahead.`,
      });
    }
    if (call.forEach !== undefined && f.fanOut && f.condition !== false) {
      const { one, many } = nouns(call);
      const { listLength, passed } = f.fanOut;
      const declined = f.confirm === 'no';
      const yes = f.confirm === 'yes' ? 'the user said yes, so ' : '';
      let text: string;
      if (listLength === null) text = `${forEachSource(call)} could not be read, so ${calls(f.made, tool)}.`;
      else if (listLength === 0) text = `The list ${forEachSource(call)} was empty, so ${calls(0, tool)}.`;
      else {
        const rule = filterWords(call);
        const had =
          call.where === undefined
            ? `${listLength} ${listLength === 1 ? one : many}`
            : passed === 0
              ? listLength === 1
                ? `The only ${one} did not have ${rule}`
                : `None of the ${listLength} ${many} had ${rule}`
              : `${passed} of ${listLength} ${listLength === 1 ? one : many} had ${rule}`;
        text =
          declined && passed !== 0 ? `${had}; ${refused}` : `${had}${yes ? '; ' : ', so '}${yes}${calls(f.made, tool)}${f.made > 1 ? ' in parallel' : ''}.`;
      }
      marks.push({ callId: f.callId, kind: asked ? 'confirm' : 'fanOut', text });
    }
    if (f.failure?.failed) {
      const code = f.failure.code ? ` (${f.failure.code})` : '';
      const recover = recoverOf(call);
      const stops = stoppedBy(g, f.callId);
      const text = f.failure.retried
        ? `${tool} (${f.callId}) failed${code} and was retried in the next turn${recover === 'retryWith' ? ` with ${otherValues(Object.keys((call.failure!.recover as { retryWith: object }).retryWith))}` : ''}.`
        : `${tool} (${f.callId}) failed${code} and was not retried${stops.length ? `, so ${listInWords(stops)} ${stops.length === 1 ? 'was' : 'were'} not called` : ''}.`;
      marks.push({ callId: f.callId, kind: 'failure', text });
    } else if (f.failure && f.made > 0) {
      marks.push({
        callId: f.callId,
        kind: 'failure',
        text: `${tool} (${f.callId}) succeeded the first time (it fails in about ${Math.round(call.failure!.rate * 100)} % of the examples).`,
      });
    }
  }
  return marks;
}
