import type { Call, JsonObject, JsonValue, Project } from '../project/types.ts';
import { DEFAULT_LATENCY_MS } from '../project/types.ts';
import { compileProject } from '../compile/compileProject.ts';
import { describeCondition } from '../conditions/describe.ts';
import { conditionReferences } from '../conditions/references.ts';
import { createGenerator } from '../generate/example.ts';
import { isCallsMessage, type Example } from '../generate/types.ts';
import type { Dependency } from '../graph/dependencies.ts';
import { chainGraph, dependencyReason, independentOf, neededFrom } from '../graph/explainBranches.ts';
import { elementName } from '../calls/forEach.ts';
import { parseTemplate } from '../refs/parse.ts';
import { listInWords } from '../refs/listInWords.ts';
import { findExample } from './branches.ts';
import { exampleFacts, variationMarks } from './facts.ts';

/**
 * A practice exercise made from one chain of a design (the seed lesson's dependency
 * analysis): the turns are hidden; the learner places each call in a turn, marks which calls
 * may run in parallel, and for a loop or a condition says how many calls a shown result
 * leads to. `gradeAnswer` (grade.ts) checks an answer against the key kept here.
 */
export interface ExerciseCall {
  callId: string;
  tool: string;
  /** How the exercise names the call: its tool, or `tool (id)` when the chain calls the tool more than once. */
  label: string;
  description: string;
  /** The arguments as the design writes them (references in braces). */
  args: JsonObject;
  /** A fan-out: "for each task in tasks.tasks where task.priority = high". */
  forEach?: string;
  /** A condition: "only if cal.events.length > 0". */
  when?: string;
  /** Order-only waits, by label. */
  after?: string[];
  fanOut: boolean;
  latencyMs: number;
}

/** A result shown to the learner: a call's result in one example, or a value of the request (a slot). */
export interface ShownValue {
  /** A call id, or a slot name. */
  name: string;
  /** "find_available_rooms returned", "the request's departments". */
  caption: string;
  value: JsonValue;
}

export interface CountQuestion {
  /** The call asked about. */
  callId: string;
  label: string;
  kind: 'loop' | 'condition';
  /** "How many create_reminder calls does this lead to?" */
  prompt: string;
  shown: ShownValue[];
  answer: number;
  /** Why, in the preview's words: "4 of 7 tasks had priority = high, so 4 create_reminder calls." */
  explanation: string;
}

export interface AnswerKey {
  /** The earliest turn of each call, from 1 (the dependency levels). */
  turnOf: Record<string, number>;
  /** Whether the call may run in parallel: with another call that neither needs it nor is needed by it, or with its own copies (a fan-out). */
  parallel: Record<string, boolean>;
  counts: Record<string, number>;
}

export interface Exercise {
  projectName: string;
  chainId: string;
  title: string;
  /** The user's request, as one example words it. */
  request: string;
  calls: ExerciseCall[];
  /** How many turn columns to offer (never fewer than the best order needs, nor a hint of how many it needs). */
  columns: number;
  /**
   * Every call has its own user request, so the data makes one call per turn; the exercise
   * still asks for the earliest turn each call could run in (its dependency level).
   */
  multiTurn: boolean;
  questions: CountQuestion[];
  key: AnswerKey;
  dependencies: Dependency[];
  /** For each call, the calls it may run at the same time as. */
  parallelWith: Record<string, string[]>;
  /** For each call, why it belongs in its turn, in words ("turn 3: it needs booking_id from book_room (turn 2)"). */
  reasons: Record<string, string>;
  bestMs: number;
  bestTurns: number;
  /** The example the questions show (-1: none). */
  exampleIndex: number;
  seed: number;
}

export type ExerciseResult = { ok: true; exercise: Exercise } | { ok: false; reason: string };

export interface ExerciseOptions {
  /** The seed of the example the questions show (default 1). */
  seed?: number;
  /** How many example indices to look through for one that makes good questions (default 60). */
  search?: number;
  /** A title (default: the chain's name). */
  title?: string;
}

/** The most turn columns offered. */
export const MAX_COLUMNS = 8;

/** Labels: the tool, unless the chain calls it more than once (then `tool (id)`). */
export function callLabels(calls: readonly Call[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const c of calls) count.set(c.tool, (count.get(c.tool) ?? 0) + 1);
  return new Map(calls.map((c) => [c.id, (count.get(c.tool) ?? 0) > 1 ? `${c.tool} (${c.id})` : c.tool]));
}

/** Latency of turns: the sum over turns of the slowest call in each (empty turns take no time). */
export function turnsLatency(turns: readonly (readonly string[])[], latency: Readonly<Record<string, number>>): number {
  return turns.reduce((sum, t) => sum + (t.length ? Math.max(...t.map((id) => latency[id] ?? DEFAULT_LATENCY_MS)) : 0), 0);
}

export function makeExercise(project: Project, chainId: string, options: ExerciseOptions = {}): ExerciseResult {
  const compiled = compileProject(project).chain(chainId);
  if (!compiled) return { ok: false, reason: `there is no chain "${chainId}"` };
  if (!compiled.planned.ok)
    return { ok: false, reason: `its calls wait for each other in a cycle (${compiled.planned.cycle.join(' → ')}), so there is no order to find` };
  const chain = compiled.chain;
  if (chain.calls.length < 2) return { ok: false, reason: 'it has fewer than two calls, so there is no order to find' };
  if (chain.calls.length > MAX_COLUMNS * 2) return { ok: false, reason: `it has ${chain.calls.length} calls; practice takes at most ${MAX_COLUMNS * 2}` };
  const plan = compiled.planned.plan;
  const labels = callLabels(chain.calls);
  const label = (id: string) => labels.get(id) ?? id;
  const byId = new Map(chain.calls.map((c) => [c.id, c]));
  const fanOut = (id: string) => byId.get(id)?.forEach !== undefined;
  const tools = new Map(project.tools.map((t) => [t.function.name, t]));
  const g = chainGraph(chain, compiled.dependencies);

  const calls: ExerciseCall[] = chain.calls.map((c) => {
    const out: ExerciseCall = {
      callId: c.id,
      tool: c.tool,
      label: label(c.id),
      description: tools.get(c.tool)?.function.description ?? '',
      args: c.args ?? {},
      fanOut: c.forEach !== undefined,
      latencyMs: plan.latency.byCall[c.id] ?? DEFAULT_LATENCY_MS,
    };
    if (c.forEach !== undefined) {
      const whole = parseTemplate(c.forEach).whole;
      out.forEach = `for each ${elementName(c)} in ${whole ? whole.source.replace(/\[\*\]$/, '') : c.forEach}${c.where !== undefined ? ` where ${describeCondition(c.where)}` : ''}`;
    }
    if (c.when !== undefined) out.when = `only if ${describeCondition(c.when)}`;
    if (c.after?.length) out.after = c.after.map(label);
    return out;
  });

  const turnOf: Record<string, number> = {};
  for (const id of chain.calls.map((c) => c.id)) turnOf[id] = plan.levelOf[id] + 1;
  const parallelWith: Record<string, string[]> = {};
  const parallel: Record<string, boolean> = {};
  for (const c of chain.calls) {
    parallelWith[c.id] = independentOf(g, c.id);
    parallel[c.id] = parallelWith[c.id].length > 0 || c.forEach !== undefined;
  }
  const reasons: Record<string, string> = {};
  for (const c of chain.calls) {
    const deps = compiled.dependencies.filter((d) => d.to === c.id);
    const data = deps.filter((d) => !d.status && d.kind === 'data' && d.fields.length);
    const other = deps.filter((d) => !data.includes(d));
    const parts: string[] = [];
    if (data.length) parts.push(`needs ${data.map((d) => `${neededFrom(d, label, fanOut)}, ready after turn ${turnOf[d.from]}`).join(', and ')}`);
    for (const d of other) parts.push(`${dependencyReason(d, label, fanOut)}, done in turn ${turnOf[d.from]}`);
    reasons[c.id] = parts.length ? `turn ${turnOf[c.id]}: it ${listInWords(parts)}` : `turn 1: it needs no other call's result, so it starts at once`;
  }
  const bestTurns = plan.levels.length;
  const bestMs = turnsLatency(plan.levels, plan.latency.byCall);

  // The questions: one example, chosen so that loops make several calls and filters remove something.
  const seed = options.seed ?? 1;
  const questions: CountQuestion[] = [];
  let exampleIndex = -1;
  let request = chain.requests?.[0] ?? chain.calls[0].requests?.[0] ?? '';
  const asked = plan.levels.flat().filter((id) => byId.get(id)!.forEach !== undefined || byId.get(id)!.when !== undefined);
  const made = createGenerator(project, chainId);
  if (made.ok) {
    const generator = made.generator;
    /** Loops that go through a list of two or more, of which a filter keeps some (`several`: at least two) but not all. */
    const good =
      (several: boolean) =>
      (ex: Example): boolean => {
        const facts = exampleFacts(project, ex);
        return asked.every((id) => {
          const f = facts.find((x) => x.callId === id);
          if (!f || f.missing.length) return false;
          if (!f.fanOut) return true;
          const length = f.fanOut.listLength ?? 0;
          if (length < 2) return false;
          const least = several ? 2 : 1;
          return byId.get(id)!.where !== undefined ? f.made >= least && f.made < length : f.made >= 2;
        });
      };
    const limit = options.search ?? 60;
    let found = findExample(generator, good(true), { seed, from: 0, limit });
    if (!found.found) found = findExample(generator, good(false), { seed, from: 0, limit });
    let example: Example | undefined;
    if (found.found) {
      example = found.example;
      exampleIndex = found.index;
    } else {
      try {
        example = generator.example(seed, 0);
        exampleIndex = 0;
      } catch {
        example = undefined;
      }
    }
    if (example) {
      const first = example.messages.find((m) => m.role === 'user');
      if (first && first.role === 'user') request = first.text;
      const marks = variationMarks(project, example);
      for (const id of asked) {
        const call = byId.get(id)!;
        const count = example.messages
          .filter(isCallsMessage)
          .flatMap((m) => m.calls)
          .filter((c) => c.callId === id);
        const answer = call.forEach !== undefined ? new Set(count.map((c) => c.element)).size : Math.min(count.length, 1);
        const tool = call.tool;
        const explanation =
          marks
            .filter((m) => m.callId === id)
            .map((m) => m.text)
            .join(' ') || `${answer} ${tool} call${answer === 1 ? '' : 's'}.`;
        questions.push({
          callId: id,
          label: label(id),
          kind: call.forEach !== undefined ? 'loop' : 'condition',
          prompt: call.forEach !== undefined ? `How many ${label(id)} calls does this lead to?` : `How many ${label(id)} calls does this lead to (0 or 1)?`,
          shown: shownFor(id, example, compiled.dependencies, byId, label, chain.slots ?? {}),
          answer,
          explanation,
        });
      }
    }
  }

  return {
    ok: true,
    exercise: {
      projectName: project.name,
      chainId,
      title: options.title ?? chain.name ?? chain.id,
      request,
      calls,
      columns: Math.max(bestTurns, Math.min(MAX_COLUMNS, Math.max(3, chain.calls.length))),
      multiTurn: plan.multiTurn,
      questions,
      key: { turnOf, parallel, counts: Object.fromEntries(questions.map((q) => [q.callId, q.answer])) },
      dependencies: compiled.dependencies,
      parallelWith,
      reasons,
      bestMs,
      bestTurns,
      exampleIndex,
      seed,
    },
  };
}

/**
 * What the learner is shown for a question on `id`: the results (or request values) that
 * decide how many calls it makes, followed up through the calls that vary themselves.
 */
function shownFor(
  id: string,
  example: Example,
  deps: readonly Dependency[],
  byId: Map<string, Call>,
  label: (id: string) => string,
  slots: Record<string, unknown>,
): ShownValue[] {
  const out: ShownValue[] = [];
  const seen = new Set<string>();
  const varies = (c: Call) => c.forEach !== undefined || c.when !== undefined;
  const visit = (x: string) => {
    const call = byId.get(x);
    if (!call) return;
    // Slots the loop or the condition reads.
    const reads: string[] = [];
    if (call.forEach !== undefined) {
      const whole = parseTemplate(call.forEach).whole;
      if (whole) reads.push(whole.root);
    }
    for (const cond of [call.when, call.where]) if (cond !== undefined) for (const { ref } of conditionReferences(cond)) reads.push(ref.root);
    for (const root of reads) {
      if (seen.has(root) || byId.has(root) || !(root in slots) || !(root in example.slots)) continue;
      seen.add(root);
      out.push({ name: root, caption: `the request's ${root}`, value: example.slots[root] });
    }
    for (const d of deps) {
      // Only what decides the count: the list, the filter, the condition.
      if (d.to !== x || d.status || seen.has(d.from) || !d.fields.some((f) => f.via === 'forEach' || f.via === 'where' || f.via === 'when')) continue;
      seen.add(d.from);
      const from = byId.get(d.from)!;
      if (varies(from)) visit(d.from);
      else {
        const result =
          example.messages.find((m) => m.role === 'tool' && m.callId === d.from && !m.error) ??
          example.messages.find((m) => m.role === 'tool' && m.callId === d.from);
        if (result && result.role === 'tool') out.push({ name: d.from, caption: `${label(d.from)} returned`, value: result.result });
      }
    }
  };
  visit(id);
  return out;
}
