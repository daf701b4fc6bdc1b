import type { Chain, JsonValue, Project } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import { compileProject } from '../compile/compileProject.ts';
import { describeCondition } from '../conditions/describe.ts';
import { compileCondition } from '../conditions/evaluate.ts';
import { chainPattern } from '../dataset/chainPattern.ts';
import { toOpenAIRecord, type OpenAIMessage } from '../formats/openai.ts';
import { openAITools, type OpenAITool } from '../tools/openAITools.ts';
import { compileTemplate, UNRESOLVED, type Scope } from '../generate/compiled.ts';
import { describeResult } from '../generate/reply.ts';
import type { Example, ExampleCall } from '../generate/types.ts';
import { escapeTemplateText, formatPath, parseTemplate } from '../refs/parse.ts';
import { toText } from '../refs/resolve.ts';
import type { PathSegment, Reference } from '../refs/types.ts';
import { hashSeed } from '../simulate/rng.ts';
import { jsonPath } from '../validate/diagnostics.ts';
import { compileDesign, designElementName, recoverOfDesign, type CompiledDesign, type ExpectedCall, type Replay } from './replay.ts';
import type {
  ArgSpec,
  DesignCall,
  GoldCall,
  GoldCase,
  GoldCondition,
  GoldConfirmation,
  GoldDesign,
  GoldEdge,
  GoldFailure,
  GoldFanOut,
  GoldMention,
  GoldReply,
} from './types.ts';

/**
 * The gold test case of a generated example (docs/evaluation.md, "The eval format"): the
 * example's design walked over its own results (replay.ts), so every argument knows where it
 * comes from, every condition and fan-out how it resolved, and the reply what it read.
 */

/** The example does not follow its design (it was not made by this project's generator). */
export class GoldMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoldMismatchError';
  }
}

export interface GoldOptions {
  /** The project's tools as OpenAI definitions (computed once per run). */
  tools?: OpenAITool[];
}

/** The design of a chain as a gold case carries it, with this example's slot values. */
export function goldDesign(project: Project, chain: Chain, slots: { [name: string]: JsonValue }): GoldDesign {
  const compiled = compileProject(project).chain(chain.id);
  if (!compiled || !compiled.planned.ok) throw new GoldMismatchError(`chain "${chain.id}" has no plan (a dependency cycle)`);
  const plan = compiled.planned.plan;
  const calls: DesignCall[] = chain.calls.map((c) => {
    const d: DesignCall = { id: c.id, tool: c.tool, args: c.args ?? {} };
    if (c.forEach !== undefined) {
      d.forEach = c.forEach;
      d.as = designElementName(c as DesignCall);
    }
    if (c.where !== undefined) d.where = c.where;
    if (c.when !== undefined) d.when = c.when;
    // Failure and confirmation (design §6, §7), read loosely: what scoring needs of them.
    const failure: unknown = c.failure;
    if (isPlainObject(failure)) {
      const recover = failure.recover;
      d.failure =
        recover === 'retry' || recover === 'report' || (isPlainObject(recover) && isPlainObject(recover.retryWith))
          ? { recover: recover as NonNullable<DesignCall['failure']>['recover'] }
          : {};
    }
    if (c.confirm !== undefined) d.confirm = true;
    return d;
  });
  const design: GoldDesign = {
    slots: { ...slots },
    calls,
    turns: plan.turns.map((t) => [...t.callIds]),
    multiTurn: plan.multiTurn,
    edges: compiled.dependencies.map((d) => ({
      from: d.from,
      to: d.to,
      fields: d.fields.map((f) => (f.via ? { arg: f.arg, ref: f.ref, via: f.via } : { arg: f.arg, ref: f.ref })),
    })),
  };
  if (chain.reply !== undefined) design.reply = chain.reply;
  return design;
}

const designCache = new WeakMap<Project, Map<string, CompiledDesign>>();

/** The compiled design of a chain (slots aside: they come with each replay), made once per project and chain. */
function compiledDesignOf(project: Project, chain: Chain): CompiledDesign {
  let byChain = designCache.get(project);
  if (!byChain) designCache.set(project, (byChain = new Map()));
  let cd = byChain.get(chain.id);
  if (!cd) byChain.set(chain.id, (cd = compileDesign(goldDesign(project, chain, {}))));
  return cd;
}

/** A short stable id: the chain, the example's index, and a hash of its conversation (train and test never clash). */
export function goldCaseId(example: Example): string {
  const hash = hashSeed(example.chainId, example.index, JSON.stringify(example.messages)).toString(16).padStart(8, '0');
  return `${example.chainId}-${example.index}-${hash}`;
}

interface Made {
  call: ExampleCall;
  result: JsonValue;
  error: boolean;
}

export function buildGoldCase(project: Project, example: Example, options: GoldOptions = {}): GoldCase {
  const chain = project.chains.find((c) => c.id === example.chainId);
  if (!chain) throw new GoldMismatchError(`the example's chain "${example.chainId}" is not in the project`);
  const cd = compiledDesignOf(project, chain);
  const design: GoldDesign = { ...cd.design, slots: { ...example.slots } };

  // The example's calls and results, per design call, in the order they were made.
  const queue = new Map<string, Made[]>();
  const results = new Map<string, { result: JsonValue; error: boolean }>();
  for (const m of example.messages) if (m.role === 'tool') results.set(m.id, { result: m.result, error: (m as { error?: boolean }).error === true });
  for (const m of example.messages) {
    if (m.role !== 'assistant' || !('calls' in m)) continue;
    for (const c of m.calls) {
      const r = results.get(c.id);
      queue.set(c.callId, [...(queue.get(c.callId) ?? []), { call: c, result: r?.result ?? null, error: r?.error === true }]);
    }
  }
  const take = (callId: string, element: number | undefined): Made | undefined => {
    const list = queue.get(callId) ?? [];
    const k = list.findIndex((m) => m.call.element === element);
    return k < 0 ? undefined : list.splice(k, 1)[0];
  };
  const made = new Map<ExpectedCall, { first: Made; retry?: Made }>();
  const replay = cd.replay(example.slots, {
    provide: (expected) =>
      expected.map((e) => {
        const first = take(e.callId, e.element);
        if (!first)
          throw new GoldMismatchError(
            `the design asks for a call of "${e.callId}"${e.element !== undefined ? ` (element ${e.element})` : ''} that the example does not make`,
          );
        const retry = first.error && recoverOfDesign(cd.byId.get(e.callId)!) !== 'report' ? take(e.callId, e.element) : undefined;
        made.set(e, retry ? { first, retry } : { first });
        return retry
          ? { result: first.result, made: true, failed: true, retry: { result: retry.result, made: true } }
          : { result: first.result, made: true, failed: first.error };
      }),
    // A call that must be confirmed and that the example does not make: the user said no.
    declined: (callIds) => new Set(callIds.filter((id) => !(queue.get(id) ?? []).length)),
  });
  for (const [callId, rest] of queue)
    if (rest.length) throw new GoldMismatchError(`the example makes ${rest.length} more call(s) of "${callId}" than the design asks for`);

  // Number the calls turn by turn (a turn's retries are the next turn).
  const groups: { e: ExpectedCall; m: Made; retryOf?: ExpectedCall }[][] = [];
  for (const turn of replay.turns) {
    if (!turn.length) continue;
    groups.push(turn.map((e) => ({ e, m: made.get(e)!.first })));
    const retries = turn.flatMap((e) => {
      const r = made.get(e)!.retry;
      return r ? [{ e, m: r, retryOf: e }] : [];
    });
    if (retries.length) groups.push(retries);
  }
  const indexOf = new Map<Made, number>();
  const indicesOf = new Map<string, number[]>();
  let count = 0;
  for (const group of groups) {
    for (const { e, m, retryOf } of group) {
      indexOf.set(m, count);
      // A reference to a call reads its last result: its retry's when it was retried.
      const list = indicesOf.get(e.callId) ?? [];
      if (retryOf) list[list.indexOf(indexOf.get(made.get(retryOf)!.first)!)] = count;
      else list.push(count);
      indicesOf.set(e.callId, list);
      count += 1;
    }
  }

  const edges: GoldEdge[] = [];
  const specs = new SpecWriter(cd, (id) => indicesOf.get(id) ?? []);
  const failures: GoldFailure[] = [];
  const turns: { calls: GoldCall[] }[] = groups.map((group) => ({
    calls: group.map(({ e, m, retryOf }) => {
      const index = indexOf.get(m)!;
      const designCall = cd.byId.get(e.callId)!;
      const template = retryOf ? retryTemplate(designCall) : designCall.args;
      const args: { [name: string]: ArgSpec } = {};
      for (const name of Object.keys(template)) {
        if (!(name in m.call.args)) continue;
        args[name] = specs.spec(template[name], m.call.args[name], e, [name], (arg, ref, from) => {
          for (const f of from) if (f !== index) edges.push({ from: f, to: index, arg, ref });
        });
      }
      const gc: GoldCall = { call: index, id: e.callId, tool: e.tool, args, result: m.result };
      if (e.element !== undefined) gc.element = e.element;
      if (m.error) gc.error = true;
      if (retryOf) gc.retryOf = indexOf.get(made.get(retryOf)!.first)!;
      if (m.error) {
        const recover = recoverOfDesign(designCall);
        const retry = made.get(e)!.retry;
        const f: GoldFailure = {
          call: e.callId,
          error: m.result,
          recover,
          words: `${e.callId}: failed${recover === 'report' ? ', not retried (the calls that need it do not run)' : retry ? ', retried' : ''}`,
        };
        if (e.element !== undefined) f.element = e.element;
        if (retry) f.retry = indexOf.get(retry)!;
        failures.push(f);
      }
      return gc;
    }),
  }));
  // What the behaviours read (forEach, where, when): edges too, from the calls they read.
  for (const d of design.edges) {
    for (const field of d.fields) {
      if (!field.via) continue;
      for (const to of indicesOf.get(d.to) ?? [])
        for (const from of indicesOf.get(d.from) ?? []) edges.push({ from, to, arg: field.arg, ref: field.ref, via: field.via });
    }
  }
  edges.sort((a, b) => a.to - b.to || a.from - b.from);

  const parallel: [number, number][] = [];
  for (const t of turns)
    for (let i = 0; i < t.calls.length; i += 1) for (let j = i + 1; j < t.calls.length; j += 1) parallel.push([t.calls[i].call, t.calls[j].call]);

  const prompt = promptOf(example, project, options.tools);
  const reply = goldReply(
    design,
    example,
    replay,
    groups.flat().map(({ e, m }) => ({ callId: e.callId, result: m.result })),
  );
  return {
    id: goldCaseId(example),
    chain: chain.id,
    pattern: chainPattern(project, chain) ?? 'single',
    messages: prompt.messages,
    followups: prompt.followups,
    tools: options.tools ?? openAITools(project),
    gold: {
      turns,
      edges,
      parallel,
      conditions: goldConditions(cd, replay),
      fanouts: goldFanOuts(cd, replay),
      failures,
      confirmations: goldConfirmations(cd, replay, example),
      reply,
    },
    design,
  };
}

/** A retry's argument templates: the call's, with `retryWith` over them. */
function retryTemplate(call: DesignCall): { [name: string]: JsonValue } {
  const r = call.failure?.recover;
  return isPlainObject(r) && isPlainObject(r.retryWith) ? { ...call.args, ...(r.retryWith as { [name: string]: JsonValue }) } : call.args;
}

/** The questions asked before calls (an assistant text followed by the user's answer), in order. */
function goldConfirmations(cd: CompiledDesign, replay: Replay, example: Example): GoldConfirmation[] {
  const asks: { ask: string; answer: string }[] = [];
  const ms = example.messages;
  for (let i = 0; i + 1 < ms.length; i += 1) {
    const m = ms[i];
    const next = ms[i + 1];
    if (m.role === 'assistant' && 'text' in m && next.role === 'user') asks.push({ ask: m.text, answer: next.text });
  }
  const out: GoldConfirmation[] = [];
  let k = 0;
  // In the order the replay met them: turn by turn, the confirmed calls of each turn.
  for (const ids of cd.design.turns) {
    for (const id of ids) {
      const call = cd.byId.get(id);
      const o = replay.outcomes.get(id);
      if (!call?.confirm || !o || (o.expanded !== 'run' && o.expanded !== 'declined')) continue;
      if (o.expanded === 'run' && !replay.turns.some((t) => t.some((e) => e.callId === id))) continue;
      const a = asks[k];
      k += 1;
      if (!a) continue;
      const yes = o.expanded === 'run';
      out.push({ call: id, ask: a.ask, answer: a.answer, yes, words: `${id}: asked first; the user said ${yes ? 'yes' : 'no, so it was not made'}` });
    }
  }
  return out;
}

/** The system message and the user messages before the first call; the later user messages. */
function promptOf(example: Example, project: Project, tools: OpenAITool[] | undefined): { messages: OpenAIMessage[]; followups: string[] } {
  const all = toOpenAIRecord(example, project, { includeTools: false, tools }).messages;
  const first = all.findIndex((m) => m.role === 'assistant');
  const messages = first < 0 ? all.filter((m) => m.role === 'system' || m.role === 'user') : all.slice(0, first);
  const followups = first < 0 ? [] : all.slice(first).flatMap((m) => (m.role === 'user' ? [m.content] : []));
  return { messages, followups };
}

export function goldConditions(cd: CompiledDesign, replay: Replay): GoldCondition[] {
  const out: GoldCondition[] = [];
  for (const id of cd.conditional) {
    const call = cd.byId.get(id)!;
    const o = replay.outcomes.get(id);
    if (!o) continue;
    const ran = o.expanded === 'run';
    const when = call.when !== undefined ? describeCondition(call.when) : undefined;
    let words: string;
    if (o.expanded === 'skipped') {
      const waits = (cd.waitsFor.get(id) ?? []).filter((w) => replay.outcomes.get(w)?.expanded !== 'run' || replay.status.failed(w));
      words = `${id}: skipped, it waits for ${waits.map((w) => `${w}, which ${replay.status.failed(w) ? 'failed' : replay.status.declined(w) ? 'was declined' : 'did not run'}`).join(', and ')}`;
    } else if (o.expanded === 'declined') words = `${id}: not made, the user declined it`;
    else if (when !== undefined) words = `${id}: ${ran ? 'ran' : 'skipped'}, ${when} was ${o.held ? 'true' : 'false'}`;
    else if (call.confirm) words = `${id}: the user said yes, so it ran`;
    else words = `${id}: ran`;
    const c: GoldCondition = { call: id, held: o.held ?? ran, ran, words };
    if (when !== undefined) c.when = when;
    out.push(c);
  }
  return out;
}

export function goldFanOuts(cd: CompiledDesign, replay: Replay): GoldFanOut[] {
  const out: GoldFanOut[] = [];
  for (const id of cd.fanOuts) {
    const o = replay.outcomes.get(id);
    if (!o || o.expanded !== 'run') continue;
    const call = cd.byId.get(id)!;
    const whole = parseTemplate(call.forEach!).whole;
    const over = whole ? whole.source.replace(/\[\*\]$/, '') : call.forEach!;
    const passed = o.passed ?? [];
    const elements = o.listLength ?? 0;
    const where = call.where !== undefined ? describeCondition(call.where) : undefined;
    const words =
      where !== undefined
        ? `${id}: ${passed.length} of ${elements} element${elements === 1 ? '' : 's'} passed ${where}`
        : `${id}: one call for each of the ${elements} element${elements === 1 ? '' : 's'} of ${over}`;
    const f: GoldFanOut = { call: id, over, elements, passed, words };
    if (where !== undefined) f.where = where;
    out.push(f);
  }
  return out;
}

/**
 * The values a reply must mention: what the reply variant chosen for these results reads, in
 * every one of its phrasings (a value only one phrasing names is not required). Without a
 * reply template (the default summary), the id each result carries.
 */
export function replyMentions(
  design: GoldDesign,
  scope: Scope,
  status: Replay['status'],
  made: readonly { callId: string; result: JsonValue }[],
): { variant: number | null; mentions: GoldMention[] } {
  const reply = design.reply;
  if (reply === undefined) {
    const mentions: GoldMention[] = [];
    const seen = new Map<string, number>();
    for (const m of made) {
      const k = seen.get(m.callId) ?? 0;
      seen.set(m.callId, k + 1);
      const note = describeResult(m.result);
      if (!note || !isPlainObject(m.result)) continue;
      const entry = Object.entries(m.result).find(([key, v]) => /(^|_)id$/.test(key) && (typeof v === 'string' || typeof v === 'number'));
      if (!entry) continue;
      const isFan = design.calls.find((c) => c.id === m.callId)?.forEach !== undefined;
      mentions.push({ ref: `${m.callId}${isFan ? `[${k}]` : ''}.${entry[0]}`, value: entry[1] });
    }
    return { variant: null, mentions };
  }
  let templates: string[];
  let variant: number | null = null;
  if (typeof reply === 'string') templates = [reply];
  else {
    const index = reply.findIndex((v) => v.when === undefined || compileCondition(v.when)(scope, status));
    if (index < 0) return { variant: null, mentions: [] };
    variant = index;
    const chosen = reply[index];
    templates = chosen.texts ?? (chosen.text !== undefined ? [chosen.text] : []);
  }
  const perTemplate = templates.map((t) => new Set(parseTemplate(t).parts.flatMap((p) => (p.kind === 'ref' ? [p.ref.source] : []))));
  const common = [...(perTemplate[0] ?? [])].filter((source) => perTemplate.every((s) => s.has(source)));
  const mentions: GoldMention[] = [];
  for (const source of common) {
    const value = compileTemplate(`{${source}}`).render(scope);
    if (value === UNRESOLVED) continue;
    mentions.push({ ref: source, value });
  }
  return { variant, mentions };
}

function goldReply(design: GoldDesign, example: Example, replay: Replay, made: { callId: string; result: JsonValue }[]): GoldReply {
  const last = example.messages[example.messages.length - 1];
  const text = last && last.role === 'assistant' && 'text' in last ? last.text : '';
  const { variant, mentions } = replyMentions(design, replay.scope, replay.status, made);
  return { text, variant, mentions };
}

/**
 * Writes argument specs: which parts of an argument are fixed and which come from earlier
 * results, with the references made concrete for this example (a fan-out's `{task.id}` is
 * `tasks.tasks[2].id`; a reference to a fan-out's results names its calls).
 */
class SpecWriter {
  private readonly callIds: Set<string>;
  constructor(
    private readonly cd: CompiledDesign,
    private readonly indicesOf: (callId: string) => number[],
  ) {
    this.callIds = new Set(cd.byId.keys());
  }

  spec(template: JsonValue, value: JsonValue, e: ExpectedCall, at: (string | number)[], edge: (arg: string, ref: string, from: number[]) => void): ArgSpec {
    if (typeof template === 'string') return this.stringSpec(template, value, e, at, edge);
    if (Array.isArray(template) && Array.isArray(value)) {
      const items = template.map((t, i) => this.spec(t, value[i] ?? null, e, [...at, i], edge));
      return items.some(hasRefs) ? { value, array: items } : { value };
    }
    if (isPlainObject(template) && isPlainObject(value)) {
      const object: { [key: string]: ArgSpec } = {};
      for (const key of Object.keys(template)) if (key in value) object[key] = this.spec(template[key], value[key], e, [...at, key], edge);
      return Object.values(object).some(hasRefs) ? { value, object } : { value };
    }
    return { value };
  }

  private stringSpec(
    template: string,
    value: JsonValue,
    e: ExpectedCall,
    at: (string | number)[],
    edge: (arg: string, ref: string, from: number[]) => void,
  ): ArgSpec {
    if (!template.includes('{')) return { value };
    const parsed = parseTemplate(template);
    if (parsed.errors.length || !parsed.parts.some((p) => p.kind === 'ref')) return { value };
    const arg = jsonPath('$', ...at).replace(/^\$\.?/, '');
    const refs: { ref: string; call?: number; calls?: number[] }[] = [];
    let text = '';
    for (const part of parsed.parts) {
      if (part.kind === 'text') {
        text += escapeTemplateText(part.text);
        continue;
      }
      const c = this.concrete(part.ref, e);
      if (!c) {
        const v = compileTemplate(`{${part.ref.source}}`, true).render(e.scope);
        text += escapeTemplateText(v === UNRESOLVED ? '' : (v as string));
        continue;
      }
      edge(arg, c.text, c.calls);
      refs.push(c.single ? { ref: c.text, call: c.calls[0] } : { ref: c.text, calls: c.calls });
      text += `{${c.text}}`;
    }
    if (!refs.length) return { value };
    if (parsed.whole) return { value, ...refs[0] };
    return { value, template: text, refs };
  }

  /** A reference as a path in a call's result, with the calls it reads; null for a slot (a fixed value). */
  private concrete(ref: Reference, e: ExpectedCall): { text: string; calls: number[]; single: boolean } | null {
    let root = ref.root;
    let path: PathSegment[] = ref.path;
    const call = this.cd.byId.get(e.callId)!;
    if (call.forEach !== undefined && e.element !== undefined && root === designElementName(call)) {
      const source = parseTemplate(call.forEach).whole;
      if (!source) return null;
      const base = source.path.length && source.path[source.path.length - 1].kind === 'all' ? source.path.slice(0, -1) : source.path;
      if (base.some((s) => s.kind === 'all')) return null;
      root = source.root;
      path = [...base, { kind: 'index', index: e.element }, ...ref.path];
    }
    if (!this.callIds.has(root)) return null;
    const indices = this.indicesOf(root);
    const text = `${root}${formatPath(path)}`;
    if (!this.cd.fanOuts.has(root)) return { text, calls: indices.slice(0, 1), single: true };
    const first = path[0];
    if (first && first.kind === 'index') {
      const i = first.index < 0 ? indices.length + first.index : first.index;
      return { text, calls: i >= 0 && i < indices.length ? [indices[i]] : [], single: true };
    }
    return { text, calls: indices, single: false };
  }
}

function hasRefs(s: ArgSpec): boolean {
  return s.ref !== undefined || s.template !== undefined || s.object !== undefined || s.array !== undefined;
}

/** The text a value is written as in a reply (lists of words in words). */
export function mentionText(value: JsonValue): string {
  return toText(value, true);
}
