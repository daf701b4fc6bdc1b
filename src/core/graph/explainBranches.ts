import type { Call, Chain, Project } from '../project/types.ts';
import { DEFAULT_WHEN_RATE, DEFAULT_YES_RATE } from '../project/types.ts';
import type { CompiledChain } from '../compile/compileProject.ts';
import { describeCondition } from '../conditions/describe.ts';
import { recoverOf } from '../calls/failure.ts';
import { elementName } from '../calls/forEach.ts';
import { collectReferences, parseTemplate } from '../refs/parse.ts';
import { listInWords } from '../refs/listInWords.ts';
import type { Dependency } from './dependencies.ts';
import type { Plan } from './plan.ts';

/**
 * "Why this order" for the parts of a chain that read their results (design §3–§7): why a
 * fan-out's calls run together, what its filter removes, why a call that reads the whole
 * list waits for all of it, what happens when a condition does not hold, what a failure and
 * a refusal stop. The grading of practice exercises (core/practice) words its mistakes with
 * the same phrases (`dependencyReason`), so a learner reads what the panel says.
 */
export type BranchNoteKind = 'fanOut' | 'filter' | 'waitsForAll' | 'condition' | 'failure' | 'confirm';

export interface BranchNote {
  callId: string;
  kind: BranchNoteKind;
  text: string;
}

/** How a call is named in a sentence (the call id in the panel; the tool in practice). */
export type CallNamer = (callId: string) => string;

const percent = (share: number) => `${Math.round(share * 100)} %`;
const ms = (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`;

/** The path of a reference after its root, without the leading dot: `rooms[0].room_id`; empty for the whole result. */
function pathAfterRoot(ref: string, root: string): string {
  return ref.slice(root.length).replace(/^\./, '');
}

/**
 * What a call needs from another, in words: `booking_id from book_room`, `members[*].email
 * from get_team_members`, `task_id of every flag_task call`. `fanOut` says whether `from`
 * is a fan-out (its id stands for the list of its results).
 */
export function neededFrom(dep: Dependency, name: CallNamer, fanOut: (callId: string) => boolean): string {
  const from = name(dep.from);
  const parts: string[] = [];
  for (const f of dep.fields) {
    const path = pathAfterRoot(f.ref, dep.from);
    let words: string;
    if (fanOut(dep.from)) {
      if (path === '') words = `the results of every ${from} call`;
      else if (path === 'length') words = `how many ${from} calls were made`;
      else if (path === '[*]') words = `the results of every ${from} call`;
      else if (path.startsWith('[*]')) words = `${path.slice(3).replace(/^\./, '') || 'the result'} of every ${from} call`;
      else words = `${path} of the ${from} calls`;
    } else words = path === '' ? `the whole result of ${from}` : `${f.via === 'forEach' ? path.replace(/\[\*\]$/, '') : path} from ${from}`;
    if (f.via === 'forEach') words = `the list it goes through (${words})`;
    else if (f.via === 'where') words = `what its filter reads (${words})`;
    else if (f.via === 'when') words = `what its condition tests (${words})`;
    else if (f.via === 'confirm') words = `what its question names (${words})`;
    else if (f.via === 'failure') words = `what its retry uses (${words})`;
    else if (f.via === 'result') words = `what its result pins read (${words})`;
    if (!parts.includes(words)) parts.push(words);
  }
  return listInWords(parts);
}

/**
 * Why `dep.to` must come after `dep.from`, as the rest of a sentence that begins "it …":
 * `needs booking_id from book_room`, `is set to run after audit (no data flows)`,
 * `asks in its condition what happened to book`.
 */
export function dependencyReason(dep: Dependency, name: CallNamer, fanOut: (callId: string) => boolean): string {
  if (dep.status) return `asks in its condition what happened to ${name(dep.from)}`;
  if (dep.kind === 'order' || dep.fields.length === 0) return `is set to run after ${name(dep.from)} (no data flows)`;
  return `needs ${neededFrom(dep, name, fanOut)}`;
}

/** The waits of a chain as lists, both ways (`status` waits order calls but stop nothing). */
export interface ChainGraph {
  order: readonly string[];
  preds: ReadonlyMap<string, readonly string[]>;
  succs: ReadonlyMap<string, readonly string[]>;
  /** The same without `status` waits: what a call needs in order to run at all. */
  needs: ReadonlyMap<string, readonly string[]>;
  neededBy: ReadonlyMap<string, readonly string[]>;
}

export function chainGraph(chain: Chain, dependencies: readonly Dependency[]): ChainGraph {
  const order = chain.calls.map((c) => c.id);
  const preds = new Map<string, string[]>(order.map((id) => [id, []]));
  const succs = new Map<string, string[]>(order.map((id) => [id, []]));
  const needs = new Map<string, string[]>(order.map((id) => [id, []]));
  const neededBy = new Map<string, string[]>(order.map((id) => [id, []]));
  for (const d of dependencies) {
    preds.get(d.to)?.push(d.from);
    succs.get(d.from)?.push(d.to);
    if (d.status) continue;
    needs.get(d.to)?.push(d.from);
    neededBy.get(d.from)?.push(d.to);
  }
  return { order, preds, succs, needs, neededBy };
}

function reach(start: string, next: ReadonlyMap<string, readonly string[]>, order: readonly string[]): string[] {
  const seen = new Set<string>();
  const walk = (x: string) => {
    for (const s of next.get(x) ?? []) {
      if (seen.has(s)) continue;
      seen.add(s);
      walk(s);
    }
  };
  walk(start);
  return order.filter((x) => seen.has(x));
}

/** Every call that waits for `id`, directly or through others (in call order). */
export const dependentsOf = (g: ChainGraph, id: string): string[] => reach(id, g.succs, g.order);
/** Every call `id` waits for, directly or through others. */
export const ancestorsOf = (g: ChainGraph, id: string): string[] => reach(id, g.preds, g.order);
/** Every call that does not run when `id` gives no result (it needs it, directly or not). */
export const stoppedBy = (g: ChainGraph, id: string): string[] => reach(id, g.neededBy, g.order);

/** The calls that neither wait for `id` nor are waited for by it: they may run at the same time. */
export function independentOf(g: ChainGraph, id: string): string[] {
  const linked = new Set([...dependentsOf(g, id), ...ancestorsOf(g, id), id]);
  return g.order.filter((x) => !linked.has(x));
}

/**
 * How much later `id` could finish without making the chain slower: the critical path's
 * latency minus the longest path through `id` (0 on the critical path).
 */
export function slackOf(g: ChainGraph, plan: Plan, id: string): number {
  const by = plan.latency.byCall;
  const memoTo = new Map<string, number>();
  const memoFrom = new Map<string, number>();
  const to = (x: string): number => {
    let v = memoTo.get(x);
    if (v === undefined) {
      v = (by[x] ?? 0) + Math.max(0, ...(g.preds.get(x) ?? []).map(to));
      memoTo.set(x, v);
    }
    return v;
  };
  const from = (x: string): number => {
    let v = memoFrom.get(x);
    if (v === undefined) {
      v = (by[x] ?? 0) + Math.max(0, ...(g.succs.get(x) ?? []).map(from));
      memoFrom.set(x, v);
    }
    return v;
  };
  return Math.max(0, plan.latency.criticalPathMs - (to(id) + from(id) - (by[id] ?? 0)));
}

/** The element's fields a fan-out's own request reads (`task.task_id`, `task.title`). */
function elementReads(call: Call): string[] {
  const as = elementName(call);
  const out: string[] = [];
  for (const { ref } of collectReferences(call.args ?? {})) if (ref.root === as && !out.includes(ref.source)) out.push(ref.source);
  return out;
}

/** `tasks.tasks[*]` → `tasks.tasks`; the list a fan-out goes through, as written. */
export function forEachSource(call: Call): string {
  const whole = call.forEach !== undefined ? parseTemplate(call.forEach).whole : null;
  return whole ? whole.source.replace(/\[\*\]$/, '') : (call.forEach ?? '');
}

/** A condition on the element in words, the element's name left out: `task.priority = high` → `priority = high`. */
export function filterWords(call: Call): string {
  if (call.where === undefined) return '';
  const as = elementName(call);
  return describeCondition(call.where).replace(new RegExp(`(^|[^\\w.])${as.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.`, 'g'), '$1');
}

const effectWords = { destructive: 'nothing is deleted', write: 'nothing is changed', read: 'nothing is read' } as const;

/** The notes of one compiled chain (empty when it has no fan-out, condition, failure or confirmation, or a cycle). */
export function explainBranches(project: Project, compiled: CompiledChain, name: CallNamer = (id) => id): BranchNote[] {
  if (!compiled.planned.ok) return [];
  const plan = compiled.planned.plan;
  const chain = compiled.chain;
  const g = chainGraph(chain, compiled.dependencies);
  const byId = new Map(chain.calls.map((c) => [c.id, c]));
  const fanOut = (id: string) => byId.get(id)?.forEach !== undefined;
  const tools = new Map(project.tools.map((t) => [t.function.name, t]));
  const critical = new Set(plan.criticalPath);
  const turnOf = new Map<string, number>();
  plan.turns.forEach((t) => t.callIds.forEach((id) => turnOf.set(id, t.index)));
  const notes: BranchNote[] = [];
  const also = (ids: string[]) => ids.map(name);

  for (const id of plan.levels.flat()) {
    const call = byId.get(id);
    if (!call) continue;
    const me = name(id);
    const turn = turnOf.get(id) ?? 0;
    const alone = (plan.turns[turn]?.callIds.length ?? 0) === 1;

    if (call.forEach !== undefined) {
      const as = elementName(call);
      const source = forEachSource(call);
      const reads = elementReads(call);
      const v = compiled.variations.get(id);
      const span = v
        ? v.max === null
          ? `${v.min} or more calls`
          : v.min === v.max
            ? `${v.min} call${v.min === 1 ? '' : 's'}`
            : `${v.min} to ${v.max} calls`
        : 'one call per element';
      const others = (g.preds.get(id) ?? []).map(name);
      notes.push({
        callId: id,
        kind: 'fanOut',
        text:
          `${me} runs once for each ${as} in ${source} (${span}), and its calls run together in one turn: each needs only its own ${as}` +
          (reads.length ? ` (${listInWords(reads)})` : '') +
          `, not another ${me} call's result` +
          (others.length ? `; what it reads of ${listInWords(others)} is there before the turn starts.` : '.'),
      });
      const empty = alone ? ` and turn ${turn + 1} is left out (the later turns move up)` : '';
      notes.push({
        callId: id,
        kind: 'filter',
        text:
          call.where !== undefined
            ? `The filter (where ${describeCondition(call.where)}) removes every ${as} for which it does not hold: those get no ${me} call. When no ${as} passes, ${me} makes no call${empty}.`
            : `There is no filter: every ${as} in ${source} gets a call. When the list is empty, ${me} makes no call${empty}.`,
      });
    }

    // A call that reads a fan-out's list waits for all of its calls.
    for (const d of compiled.dependencies) {
      if (d.to !== id || d.status || !fanOut(d.from) || d.fields.length === 0) continue;
      const from = name(d.from);
      // What the condition reads of the list is said with the condition.
      const read = d.fields.filter((f) => f.via !== 'when');
      const counted = read.length < d.fields.length;
      const zero = call.when === undefined ? ` When ${from} makes no call, the list is empty and ${me} still runs with it.` : '';
      notes.push({
        callId: id,
        kind: 'waitsForAll',
        text: `${me} waits for every ${from} call: it needs the list of their results (${neededFrom({ ...d, fields: read.length ? read : d.fields }, name, fanOut)})${counted && read.length ? `, and its condition counts them` : ''}, so it cannot start before the last of them is done.${zero}`,
      });
    }

    if (call.when !== undefined) {
      const stops = stoppedBy(g, id);
      const rate = call.whenRate ?? DEFAULT_WHEN_RATE;
      const vanish = alone ? `; turn ${turn + 1} is then left out and the later turns move up` : '';
      notes.push({
        callId: id,
        kind: 'condition',
        text:
          `${me} runs only when ${describeCondition(call.when)} (steered to hold in about ${percent(rate)} of the examples). ` +
          `When it does not hold, ${me} is not called${stops.length ? `, nor ${listInWords(also(stops))}, which need${stops.length === 1 ? 's' : ''} its result` : ''}${vanish}.`,
      });
    }

    if (call.failure) {
      const recover = recoverOf(call);
      const stops = stoppedBy(g, id);
      const still = independentOf(g, id);
      const latency = plan.latency.byCall[id] ?? 0;
      const slack = slackOf(g, plan, id);
      let then: string;
      let cost: string;
      if (recover === 'report') {
        then = `it is not retried: ${stops.length ? `${listInWords(also(stops))} ${stops.length === 1 ? 'does' : 'do'} not run, since ${stops.length === 1 ? 'it needs' : 'they need'} its result` : 'no other call needs its result'}${still.length ? `; ${listInWords(also(still))} still run${still.length === 1 ? 's' : ''}` : ''}, and the reply says what failed`;
        cost = critical.has(id)
          ? `${me} is on the critical path, so a failure stops the longest line of calls${stops.length ? ` at ${me}` : ''}.`
          : `${me} is not on the critical path (slack ${ms(slack)}), so a failure stops only what needs it.`;
      } else {
        const retryWith = recover === 'retryWith' ? Object.entries((call.failure.recover as { retryWith: Record<string, unknown> }).retryWith) : [];
        const values = retryWith.map(([k, v]) => `${k} = ${typeof v === 'string' ? v.replace(/^\{(.*)\}$/, '$1') : JSON.stringify(v)}`);
        then = `it is made again in the next turn${values.length ? ` with ${listInWords(values)}` : ' with the same arguments'}${stops.length ? `, and ${listInWords(also(stops))} wait${stops.length === 1 ? 's' : ''} for the retry` : ''}`;
        cost = critical.has(id)
          ? `${me} is on the critical path, so the retry adds its ${ms(latency)} to the whole chain.`
          : latency <= slack
            ? `${me} is not on the critical path: the retry's ${ms(latency)} fit in its slack of ${ms(slack)}, so the chain need not take longer.`
            : `${me} is not on the critical path, but the retry's ${ms(latency)} exceed its slack of ${ms(slack)} by ${ms(latency - slack)}.`;
      }
      notes.push({ callId: id, kind: 'failure', text: `If ${me} fails (in about ${percent(call.failure.rate)} of the examples), ${then}. ${cost}` });
    }

    if (call.confirm) {
      const stops = stoppedBy(g, id);
      const effect = tools.get(call.tool)?.effect ?? 'read';
      const yes = call.confirm.yesRate ?? DEFAULT_YES_RATE;
      notes.push({
        callId: id,
        kind: 'confirm',
        text:
          `Before ${me}, the assistant asks the user${call.forEach !== undefined ? ' once for the whole group' : ''}. ` +
          `If the user says no (in about ${percent(1 - yes)} of the examples), ${me} is not called${stops.length ? `, nor ${listInWords(also(stops))}` : ''}: ${effectWords[effect]}, and the reply says so.`,
      });
    }
  }
  return notes;
}
