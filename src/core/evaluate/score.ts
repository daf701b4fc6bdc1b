import type { JsonSchema, JsonValue } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import { describeCondition } from '../conditions/describe.ts';
import type { Condition } from '../conditions/types.ts';
import { compileValue, UNRESOLVED, type Rendered } from '../generate/compiled.ts';
import { collectReferences, parseTemplate } from '../refs/parse.ts';
import { toText } from '../refs/resolve.ts';
import { checkAgainstSchema } from '../validate/schemaValidator.ts';
import { replyMentions } from './gold.ts';
import { compileDesign, designElementName, recoverOfDesign, retryArgs, type CompiledDesign, type ExpectedCall, type Provided } from './replay.ts';
import { isErrorResult, readTranscript, type ModelCall, type ModelTranscript } from './transcript.ts';
import type { CaseCounts, CaseProblem, CaseScore, GoldCase, Metrics, Prediction } from './types.ts';

/**
 * Scores one transcript against its gold test case (docs/evaluation.md, "Metrics"). The
 * design is walked over the results the model actually received (replay.ts): the calls it
 * asks for, their arguments, the fan-out counts and conditions are those of *these* results,
 * so a live run whose tools returned other values is judged fairly. Where the model did not
 * make a call, the gold result stands in, so that what comes after can still be judged.
 */

export function emptyCounts(): CaseCounts {
  return {
    expectedCalls: 0,
    matchedCalls: 0,
    extraCalls: 0,
    completed: 0,
    edges: 0,
    edgesCorrect: 0,
    pairs: 0,
    pairsTogether: 0,
    pairsSplit: 0,
    dependentPairs: 0,
    violations: 0,
    goldNodes: 0,
    predNodes: 0,
    nodeHits: 0,
    goldLinks: 0,
    predLinks: 0,
    linkHits: 0,
    callMatches: 0,
    mentions: 0,
    mentioned: 0,
    fanOuts: 0,
    fanOutsRight: 0,
    conditions: 0,
    conditionsRight: 0,
  };
}

const share = (n: number, d: number): number | null => (d > 0 ? n / d : null);

function f1(hits: number, gold: number, pred: number): number | null {
  if (gold === 0 && pred === 0) return null;
  if (hits === 0) return 0;
  const p = hits / pred;
  const r = hits / gold;
  return (2 * p * r) / (p + r);
}

/** The metrics of summed counts (`examples` cases). */
export function metricsOf(c: CaseCounts, examples: number): Metrics {
  return {
    chain_completion: share(c.completed, examples),
    dependency_accuracy: share(c.edgesCorrect, c.edges),
    parallel_recognition: share(c.pairsTogether, c.pairs),
    over_serialization: share(c.pairsSplit, c.pairs),
    dependency_violations: share(c.violations, c.dependentPairs),
    node_f1: f1(c.nodeHits, c.goldNodes, c.predNodes),
    edge_f1: f1(c.linkHits, c.goldLinks, c.predLinks),
    call_match: share(c.callMatches, c.expectedCalls),
    synthesis: share(c.mentioned, c.mentions),
    loops: share(c.fanOutsRight, c.fanOuts),
    conditions: share(c.conditionsRight, c.conditions),
  };
}

/** Deep equality of JSON values (object keys in any order). */
export function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as JsonValue[];
    return a.length === bb.length && a.every((x, i) => sameJson(x, bb[i]));
  }
  const ao = a as { [k: string]: JsonValue };
  const bo = b as { [k: string]: JsonValue };
  const keys = Object.keys(ao);
  return keys.length === Object.keys(bo).length && keys.every((k) => Object.prototype.hasOwnProperty.call(bo, k) && sameJson(ao[k], bo[k]));
}

function show(value: JsonValue | undefined): string {
  if (value === undefined) return '(nothing)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** What the design knows per call that scoring needs, made once per design. */
interface DesignInfo {
  cd: CompiledDesign;
  /** Per call, per top-level argument: the references to call results it holds (its data edges), with the calls they read. */
  argRefs: Map<string, Map<string, { source: string; root: string; elementWise: boolean; index?: number }[]>>;
  /** Per call, the design calls it must come after (every dependency). */
  needs: Map<string, string[]>;
  /** Tool parameter schemas. */
  params: Map<string, JsonSchema>;
}

const designs = new Map<string, DesignInfo>();

function designInfo(gc: GoldCase): DesignInfo {
  const key = JSON.stringify({ ...gc.design, slots: {} });
  const known = designs.get(key);
  if (known) return known;
  const cd = compileDesign({ ...gc.design, slots: {} });
  const argRefs = new Map<string, Map<string, { source: string; root: string; elementWise: boolean; index?: number }[]>>();
  for (const call of gc.design.calls) {
    const perArg = new Map<string, { source: string; root: string; elementWise: boolean; index?: number }[]>();
    const as = call.forEach !== undefined ? designElementName(call) : undefined;
    const forEach = call.forEach !== undefined ? parseTemplate(call.forEach).whole : null;
    for (const name of Object.keys(call.args)) {
      const refs: { source: string; root: string; elementWise: boolean; index?: number }[] = [];
      for (const { ref } of collectReferences(call.args[name])) {
        if (as !== undefined && ref.root === as) {
          if (forEach && cd.byId.has(forEach.root)) refs.push({ source: ref.source, root: forEach.root, elementWise: true });
        } else if (cd.byId.has(ref.root)) {
          const first = ref.path[0];
          refs.push(
            first && first.kind === 'index'
              ? { source: ref.source, root: ref.root, elementWise: false, index: first.index }
              : { source: ref.source, root: ref.root, elementWise: false },
          );
        }
      }
      if (refs.length) perArg.set(name, refs);
    }
    argRefs.set(call.id, perArg);
  }
  const needs = new Map<string, string[]>();
  for (const e of gc.design.edges) needs.set(e.to, [...(needs.get(e.to) ?? []), e.from]);
  const params = new Map(gc.tools.map((t) => [t.function.name, t.function.parameters]));
  const info: DesignInfo = { cd, argRefs, needs, params };
  if (designs.size > 200) designs.clear();
  designs.set(key, info);
  return info;
}

/** How well a model call's arguments agree with what is expected (to pick the best match). */
function agreement(expected: Rendered, args: JsonValue | undefined): number {
  if (!isPlainObject(expected) || !isPlainObject(args)) return 0;
  let score = 0;
  for (const [k, v] of Object.entries(expected)) {
    if (!(k in args)) continue;
    score += sameJson(v, args[k]) ? 2 : 0.25;
  }
  return score;
}

interface Slot {
  e: ExpectedCall;
  /** The expected call is a retry of a failed one. */
  retry: boolean;
  /** The arguments expected (a retry's may differ). */
  args: Rendered;
  model?: ModelCall;
}

/** Words of a number the reply may use instead of digits. */
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/(\d),(\d{3})/g, '$1$2')
    .replace(/\s+/g, ' ');
}

/** The values a mention asks for: a list's items one by one; only strings and numbers. */
function mentionValues(value: JsonValue): (string | number)[] {
  if (Array.isArray(value)) return value.flatMap((v) => mentionValues(v));
  if (typeof value === 'string') return value.trim() ? [value] : [];
  if (typeof value === 'number') return [value];
  return [];
}

function mentioned(reply: string, value: string | number): boolean {
  const text = normalize(reply);
  if (typeof value === 'number') {
    if (text.includes(String(value))) return true;
    return Number.isInteger(value) && value >= 0 && value < NUMBER_WORDS.length && new RegExp(`\\b${NUMBER_WORDS[value]}\\b`).test(text);
  }
  return text.includes(normalize(value.trim()));
}

/** String leaves of a value (for provenance: which earlier result a value came from). */
function stringLeaves(value: JsonValue | undefined, out: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    if (value.length >= 3) out.add(value);
  } else if (typeof value === 'number') {
    if (!Number.isInteger(value) || Math.abs(value) >= 100) out.add(String(value));
  } else if (Array.isArray(value)) value.forEach((v) => stringLeaves(v, out));
  else if (isPlainObject(value)) Object.values(value).forEach((v) => stringLeaves(v, out));
  return out;
}

/**
 * The links a transcript shows (TaskBench's predicted edges): call b reads call a when a value
 * of b's arguments appears in a's result — and not in a's own arguments (an echo), nor in the
 * prompt (the user said it).
 */
function predictedLinks(t: ModelTranscript, prompt: string): [ModelCall, ModelCall][] {
  const out: [ModelCall, ModelCall][] = [];
  const given = normalize(prompt);
  const fresh = t.calls.map((a) => {
    const own = stringLeaves(a.args ?? null);
    return [...stringLeaves(a.result)].filter((v) => !own.has(v) && !given.includes(normalize(v)));
  });
  for (const b of t.calls) {
    const values = [...stringLeaves(b.args ?? null)];
    if (!values.length) continue;
    for (const a of t.calls) {
      if (a.turn >= b.turn) continue;
      const from = fresh[a.index];
      if (from.some((r) => values.some((v) => v === r || (r.length >= 4 && v.includes(r))))) out.push([a, b]);
    }
  }
  return out;
}

function multisetHits(gold: string[], pred: string[]): number {
  const counts = new Map<string, number>();
  for (const g of gold) counts.set(g, (counts.get(g) ?? 0) + 1);
  let hits = 0;
  for (const p of pred) {
    const n = counts.get(p) ?? 0;
    if (n > 0) {
      hits += 1;
      counts.set(p, n - 1);
    }
  }
  return hits;
}

/** AST match (BFCL): every expected argument present with the same type and value, no other argument unless it is the schema's default. */
function astMatch(expected: Rendered, model: ModelCall, schema: JsonSchema | undefined): boolean {
  if (!isPlainObject(expected) || !model.args) return false;
  for (const [k, v] of Object.entries(expected)) if (!(k in model.args) || !sameJson(v, model.args[k])) return false;
  const properties = schema && isPlainObject(schema.properties) ? schema.properties : {};
  for (const [k, v] of Object.entries(model.args)) {
    if (k in expected) continue;
    const prop = properties[k];
    if (!isPlainObject(prop) || prop.default === undefined || !sameJson(prop.default, v)) return false;
  }
  return true;
}

function describeCall(s: Slot): string {
  return `${s.e.callId} (${s.e.tool}${s.e.element !== undefined ? `, element ${s.e.element}` : ''}${s.retry ? ', its retry' : ''})`;
}

export function scoreCase(gc: GoldCase, prediction: Prediction | undefined): CaseScore {
  const info = designInfo(gc);
  const { cd } = info;
  const t = readTranscript(prediction?.messages ?? []);
  const problems: CaseProblem[] = [];
  if (!prediction) problems.push({ kind: 'missing-prediction', message: 'no prediction for this test case' });
  else if (prediction.error) problems.push({ kind: 'run-error', message: `the run stopped: ${prediction.error}` });

  // The gold results, to stand in for calls the model did not make.
  const goldCalls = gc.gold.turns.flatMap((turn) => turn.calls);
  const goldResult = (e: ExpectedCall): JsonValue | undefined => {
    const same = goldCalls.filter((c) => c.id === e.callId && c.element === e.element && !c.error);
    return same.length ? same[same.length - 1].result : undefined;
  };
  const declinedIds = new Set(gc.gold.confirmations.filter((c) => !c.yes).map((c) => c.call));
  const unmatched = new Set(t.calls);
  const slots: Slot[] = [];
  const slotOf = new Map<ExpectedCall, Slot>();
  /** A failed call's retry: what later calls read. */
  const retryOf = new Map<Slot, Slot>();

  const replay = cd.replay(gc.design.slots, {
    declined: (ids) => new Set(ids.filter((id) => declinedIds.has(id))),
    provide: (expected) => {
      const mine: Slot[] = expected.map((e) => ({ e, retry: false, args: e.args }));
      // The best agreement first; ties go to the earlier call.
      const pairs: { s: Slot; m: ModelCall; score: number }[] = [];
      for (const s of mine) for (const m of unmatched) if (m.name === s.e.tool) pairs.push({ s, m, score: agreement(s.args, m.args) });
      pairs.sort((a, b) => b.score - a.score || a.m.index - b.m.index || mine.indexOf(a.s) - mine.indexOf(b.s));
      for (const { s, m } of pairs) {
        if (s.model || !unmatched.has(m)) continue;
        s.model = m;
        unmatched.delete(m);
      }
      return mine.map((s): Provided => {
        slots.push(s);
        slotOf.set(s.e, s);
        const m = s.model;
        if (!m) return { result: goldResult(s.e), made: false };
        const result = m.result ?? goldResult(s.e);
        const call = cd.byId.get(s.e.callId)!;
        if (!(call.failure !== undefined && isErrorResult(m.result))) return { result, made: true };
        if (recoverOfDesign(call) === 'report') return { result, made: true, failed: true };
        // Recover by retrying: the same call again, in a later turn.
        const again: Slot = { e: s.e, retry: true, args: retryArgs(call, s.e) };
        const later = [...unmatched]
          .filter((x) => x.name === s.e.tool && x.turn > m.turn)
          .sort((a, b) => agreement(again.args, b.args) - agreement(again.args, a.args) || a.index - b.index);
        if (later.length) {
          again.model = later[0];
          unmatched.delete(later[0]);
        }
        slots.push(again);
        retryOf.set(s, again);
        return {
          result,
          made: true,
          failed: true,
          retry: again.model ? { result: again.model.result ?? goldResult(s.e), made: true } : { result: goldResult(s.e), made: false },
        };
      });
    },
  });

  const c = emptyCounts();
  c.expectedCalls = slots.length;
  c.matchedCalls = slots.filter((s) => s.model).length;
  c.extraCalls = unmatched.size;

  // Valid arguments: JSON objects that satisfy the tool's parameters.
  let allValid = true;
  for (const s of slots) {
    if (!s.model) {
      problems.push({ kind: 'missing-call', message: `missing: ${describeCall(s)}${isPlainObject(s.args) ? ` with ${show(s.args)}` : ''}` });
      continue;
    }
    const m = s.model;
    const schema = info.params.get(m.name);
    const errors = m.args === undefined ? [{ path: '$', message: m.argsProblem ?? 'unreadable' }] : schema ? checkAgainstSchema(schema, m.args) : [];
    if (errors.length) {
      allValid = false;
      problems.push({ kind: 'invalid-arguments', message: `${m.name} in turn ${m.turn + 1}: ${errors.map((x) => `${x.path}: ${x.message}`).join('; ')}` });
    }
  }
  for (const m of unmatched) problems.push({ kind: 'extra-call', message: `extra call: ${m.name}(${show(m.args ?? null)}) in turn ${m.turn + 1}` });
  if (t.reply === undefined) problems.push({ kind: 'no-reply', message: 'no final reply' });
  if (prediction && c.matchedCalls === c.expectedCalls && allValid && t.reply !== undefined) c.completed = 1;

  // Data edges: each reference an argument holds, judged on the result the model received.
  for (const s of slots) {
    const design = cd.byId.get(s.e.callId)!;
    const perArg = info.argRefs.get(s.e.callId)!;
    const template = s.retry ? { ...design.args, ...retryTemplateArgs(design) } : design.args;
    for (const [name, refs] of perArg) {
      if (!(name in template)) continue;
      const expected = isPlainObject(s.args) && name in s.args ? s.args[name] : compileValue(template[name]).render(s.e.scope);
      if (expected === UNRESOLVED) continue;
      c.edges += refs.length;
      const got = s.model?.args?.[name];
      if (s.model && sameJson(expected as JsonValue, got)) c.edgesCorrect += refs.length;
      else if (s.model)
        problems.push({
          kind: 'wrong-reference',
          message: `${describeCall(s)}: ${name} is ${show(got)}; expected ${show(expected as JsonValue)} (${refs.map((r) => r.source).join(', ')} in the result it received)`,
        });
    }
  }

  // Same-turn pairs.
  for (const turn of replay.turns) {
    for (let i = 0; i < turn.length; i += 1) {
      for (let j = i + 1; j < turn.length; j += 1) {
        c.pairs += 1;
        const a = slotOf.get(turn[i])!.model;
        const b = slotOf.get(turn[j])!.model;
        if (!a || !b) continue;
        if (a.turn === b.turn) c.pairsTogether += 1;
        else {
          c.pairsSplit += 1;
          problems.push({
            kind: 'serialized',
            message: `${describeCall(slotOf.get(turn[i])!)} and ${describeCall(slotOf.get(turn[j])!)} could run together but were made in turns ${a.turn + 1} and ${b.turn + 1}`,
          });
        }
      }
    }
  }

  // Dependency violations: a call made before (or with) a call it needs, or without it.
  const slotsById = new Map<string, Slot[]>();
  for (const s of slots) if (!s.retry) slotsById.set(s.e.callId, [...(slotsById.get(s.e.callId) ?? []), s]);
  for (const s of slots) {
    if (!s.model || s.retry) continue;
    for (const need of info.needs.get(s.e.callId) ?? []) {
      for (const a of slotsById.get(need) ?? []) {
        c.dependentPairs += 1;
        if (a.model && a.model.turn < s.model.turn) continue;
        c.violations += 1;
        problems.push({
          kind: 'dependency-violation',
          message: `${describeCall(s)} was made in turn ${s.model.turn + 1}, ${a.model ? `not after ${describeCall(a)} (turn ${a.model.turn + 1})` : `without ${describeCall(a)}`}, whose result it needs`,
        });
      }
    }
  }

  // Nodes and links (TaskBench): tools made, and which call's result fed which call.
  c.goldNodes = slots.length;
  c.predNodes = t.calls.length;
  c.nodeHits = multisetHits(
    slots.map((s) => s.e.tool),
    t.calls.map((m) => m.name),
  );
  // A gold link counts where a transcript can show it: some value the argument takes is new in the
  // source's result (not its own argument echoed back, not something the user said).
  const prompt = gc.messages.map((m) => (typeof m.content === 'string' ? m.content : '')).join('\n') + '\n' + gc.followups.join('\n');
  const given = normalize(prompt);
  const goldLinks: string[] = [];
  for (const s of slots) {
    const sources = new Map<Slot, string[]>();
    for (const [name, refs] of info.argRefs.get(s.e.callId)!) {
      const value = isPlainObject(s.args) ? s.args[name] : undefined;
      for (const r of refs) {
        const list = slotsById.get(r.root) ?? [];
        let from: Slot[] = [];
        if (r.elementWise) {
          const fan = cd.fanOuts.has(r.root);
          if (fan && s.e.element !== undefined && list[s.e.element]) from = [list[s.e.element]];
          else if (!fan) from = list;
        } else if (r.index !== undefined) {
          const k = r.index < 0 ? list.length + r.index : r.index;
          if (list[k]) from = [list[k]];
        } else from = list;
        for (const first of from) {
          const a = retryOf.get(first) ?? first;
          sources.set(a, [...(sources.get(a) ?? []), ...stringLeaves(value)]);
        }
      }
    }
    for (const [a, values] of sources) {
      const own = stringLeaves(isPlainObject(a.args) ? a.args : null);
      const fresh = [...stringLeaves(a.model?.result ?? goldResult(a.e))].filter((v) => !own.has(v) && !given.includes(normalize(v)));
      if (fresh.some((r) => values.some((v) => v === r || (r.length >= 4 && v.includes(r))))) goldLinks.push(`${a.e.tool}>${s.e.tool}`);
    }
  }
  const predLinks = predictedLinks(t, prompt).map(([a, b]) => `${a.name}>${b.name}`);
  c.goldLinks = goldLinks.length;
  c.predLinks = predLinks.length;
  c.linkHits = multisetHits(goldLinks, predLinks);

  // Call match (BFCL AST).
  for (const s of slots) {
    if (!s.model) continue;
    if (astMatch(s.args, s.model, info.params.get(s.model.name))) c.callMatches += 1;
    else if (!problems.some((p) => p.kind === 'wrong-reference' && p.message.startsWith(describeCall(s)))) {
      const wrong = isPlainObject(s.args) ? Object.entries(s.args).filter(([k, v]) => !sameJson(v, s.model!.args?.[k])) : [];
      const extra = Object.keys(s.model.args ?? {}).filter((k) => !isPlainObject(s.args) || !(k in s.args));
      const parts = [
        ...wrong.map(([k, v]) => `${k} is ${show(s.model!.args?.[k])}; expected ${show(v)}`),
        ...(extra.length ? [`arguments the design does not give: ${extra.join(', ')}`] : []),
      ];
      if (parts.length) problems.push({ kind: 'wrong-argument', message: `${describeCall(s)}: ${parts.join('; ')}` });
    }
  }

  // Extras, attributed to a design call of their tool (a fan-out first, then a call that should not have run).
  const extrasOf = new Map<string, number>();
  for (const m of unmatched) {
    const candidates = gc.design.calls.filter((d) => d.tool === m.name);
    const pick = candidates.find((d) => cd.fanOuts.has(d.id)) ?? candidates.find((d) => replay.outcomes.get(d.id)?.expanded !== 'run') ?? candidates[0];
    if (pick) extrasOf.set(pick.id, (extrasOf.get(pick.id) ?? 0) + 1);
  }
  const madeCount = (id: string) => (slotsById.get(id) ?? []).filter((s) => s.model).length + (extrasOf.get(id) ?? 0);

  // Loops: the number of fan-out calls the received list asks for.
  for (const id of cd.fanOuts) {
    const o = replay.outcomes.get(id);
    if (!o || o.expanded !== 'run') continue;
    c.fanOuts += 1;
    const want = (slotsById.get(id) ?? []).length;
    const got = madeCount(id);
    if (want === got) c.fanOutsRight += 1;
    else
      problems.push({
        kind: 'fan-out-count',
        message: `${id}: ${got} call${got === 1 ? '' : 's'}; the design asks for ${want} (${o.passed?.length ?? want} of ${o.listLength ?? 0} elements${cd.byId.get(id)!.where ? ' passed the filter' : ''})`,
      });
  }

  // Conditions: calls made or skipped as the condition on the received results (or the user's answer) requires.
  for (const id of cd.conditional) {
    const o = replay.outcomes.get(id);
    if (!o) continue;
    const call = cd.byId.get(id)!;
    const shouldRun = o.expanded === 'run' && (slotsById.get(id) ?? []).length > 0;
    const zeroFan = o.expanded === 'run' && cd.fanOuts.has(id) && !shouldRun;
    if (zeroFan) continue; // a fan-out over an empty list: the loop check covers it
    c.conditions += 1;
    const made = madeCount(id) > 0;
    let right = made === shouldRun;
    const why =
      o.expanded === 'condition'
        ? `${describeWhen(call)} was false`
        : o.expanded === 'skipped'
          ? 'a call it waits for did not run'
          : o.expanded === 'declined'
            ? 'the user declined it'
            : call.when
              ? `${describeWhen(call)} was true`
              : 'it should run';
    if (!right) problems.push({ kind: 'condition', message: `${id}: ${made ? 'made' : 'not made'}, but ${why}` });
    if (right && call.confirm && made) {
      // A confirmed call: the question comes first, in a text before its turn.
      const first = Math.min(...(slotsById.get(id) ?? []).flatMap((s) => (s.model ? [s.model.turn] : [])));
      if (!t.texts.some((x) => x.beforeTurn <= first)) {
        right = false;
        problems.push({ kind: 'condition', message: `${id}: made without asking the user first` });
      }
    }
    if (right) c.conditionsRight += 1;
  }

  // Synthesis: what the reply must mention, read on the received results.
  // (on what the model made: a call it did not make gives the reply nothing to mention)
  const madeResults = slots.filter((s) => s.model && !retryOf.has(s)).map((s) => ({ callId: s.e.callId, result: (retryOf.get(s) ?? s).model?.result ?? null }));
  const said = Object.create(null) as typeof replay.scope;
  for (const name of Object.keys(gc.design.slots)) said[name] = gc.design.slots[name];
  for (const [id, list] of slotsById) {
    const got = list.flatMap((x) => {
      const last = retryOf.get(x) ?? x;
      return last.model && last.model.result !== undefined ? [last.model.result] : x.model && x.model.result !== undefined ? [x.model.result] : [];
    });
    if (cd.fanOuts.has(id)) said[id] = got;
    else if (got.length) said[id] = got[0];
  }
  for (const id of cd.fanOuts) if (replay.outcomes.get(id)?.expanded === 'run' && !(id in said)) said[id] = [];
  const { mentions } = replyMentions(gc.design, said, replay.status, madeResults);
  for (const m of mentions) {
    for (const v of mentionValues(m.value)) {
      c.mentions += 1;
      if (t.reply !== undefined && mentioned(t.reply, v)) c.mentioned += 1;
      else if (t.reply !== undefined) problems.push({ kind: 'not-mentioned', message: `the reply does not mention ${toText(v)} (${m.ref})` });
    }
  }

  const metrics = metricsOf(c, 1);
  return { id: gc.id, chain: gc.chain, pattern: gc.pattern, counts: c, metrics, score: caseScore(metrics), problems };
}

/** A call's condition in words, as the gold writes it. */
function describeWhen(call: { when?: Condition }): string {
  return call.when === undefined ? '' : describeCondition(call.when);
}

function retryTemplateArgs(call: { failure?: { recover?: unknown } }): { [name: string]: JsonValue } {
  const r = call.failure?.recover;
  return isPlainObject(r) && isPlainObject(r.retryWith) ? (r.retryWith as { [name: string]: JsonValue }) : {};
}

/** One number per case, to rank the worst: the mean of its metrics, over-serialization and violations counted as 1 − value. */
export function caseScore(m: Metrics): number {
  const values: number[] = [];
  for (const [k, v] of Object.entries(m)) {
    if (v === null) continue;
    values.push(k === 'over_serialization' || k === 'dependency_violations' ? 1 - v : v);
  }
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 1;
}
