import type { Call, Chain, JsonValue, Project, SlotSpec } from '../project/types.ts';
import { DEFAULT_REFERENCE_DATE, DEFAULT_YES_RATE, isOneOfSlot, type ToolDef } from '../project/types.ts';
import { recoverOf } from '../calls/failure.ts';
import { pinnedPaths, preparePins, type ApplyPins } from '../calls/result.ts';
import { planChain, type Plan } from '../graph/plan.ts';
import { callReads } from '../graph/dependencies.ts';
import { compileProject } from '../compile/compileProject.ts';
import { compileExpansion, type CompiledExpansion } from '../calls/expand.ts';
import { elementName } from '../calls/forEach.ts';
import { compileCondition, type CompiledCondition, type RunStatus } from '../conditions/evaluate.ts';
import { collectReferences, parseTemplate } from '../refs/parse.ts';
import type { PathSegment } from '../refs/types.ts';
import { createSeededFaker, type SeededFaker } from '../simulate/faker.ts';
import { resultSimulator } from '../simulate/fromSchema.ts';
import { hashSeed } from '../simulate/rng.ts';
import { error, type Diagnostic } from '../validate/diagnostics.ts';
import { toolResultSchema } from '../validate/project.ts';
import { replyTemplates } from '../validate/reply.ts';
import { compileSteering } from './steer.ts';
import { compileTemplate, compileValue, UNRESOLVED, type Compiled, type Scope } from './compiled.ts';
import { tightenForPaths } from './constraints.ts';
import { drawSlot } from './slots.ts';
import { summaryReply, type RanCall } from './reply.ts';
import type { Example, ExampleCall, ExampleMessage } from './types.ts';

export interface GeneratorOptions {
  /** One call per assistant turn (a valid topological order), for one-call-per-turn models. */
  serializeParallel?: boolean;
  /** Leave the system prompt out of the examples. */
  omitSystem?: boolean;
  /**
   * Only these templates are drawn for the first user message: indices into the chain's
   * `requests`, or, for a chain without them, into the first call's `requests`. Used by the
   * train/test split. An empty list is refused.
   */
  requestTemplates?: readonly number[];
  /** Slot values allowed per slot: a `oneOf` list is narrowed once, other slots are re-drawn until accepted. */
  slotFilter?: { readonly [slot: string]: (value: JsonValue) => boolean };
  /** Draws from random streams of their own (the split's test set uses "test"); absent: the default streams. */
  stream?: string;
  /**
   * Unique requests: called with each candidate first user message; `false` draws another
   * (the slots and the first request are then drawn from streams of their own, see `request`).
   */
  acceptRequest?: (text: string) => boolean;
}

export interface ExampleGenerator {
  chain: Chain;
  plan: Plan;
  /** Example `index` for `seed`: the same inputs always give the same example. */
  example(seed: number, index: number): Example;
  /**
   * With `acceptRequest`: only draws the first user message of example `index` (calling
   * `acceptRequest` exactly as `example` would), so a shard can replay what came before it.
   */
  request(seed: number, index: number): string;
}

export type GeneratorResult = { ok: true; generator: ExampleGenerator; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

interface PreparedCall {
  callId: string;
  tool: string;
  /** Whether it runs in this example, and once or once per element (calls/expand.ts). */
  expand: CompiledExpansion;
  /** A fan-out: its id stands for the list of its results. */
  fanOut: boolean;
  args: Compiled;
  /** Simulates the tool's result from its schema, tightened so that what later calls read from it exists. */
  simulate: (args: { [name: string]: JsonValue }, sf: SeededFaker) => JsonValue;
  /** `failure`: the share of examples it fails in, its error result and how it recovers. */
  failure?: PreparedFailure;
  /** `confirm`: the question, the answers and the share of yes. */
  confirm?: PreparedConfirm;
  /** Per-step request templates (multi-turn chains). */
  requests: Compiled[];
  /** `result`: pins parts of the simulated result (design §8). */
  pins?: ApplyPins;
}

interface PreparedFailure {
  rate: number;
  /** The error result, filled in from the scope plus `{callId: the call's arguments}`. */
  error: (scope: Scope, args: { [name: string]: JsonValue }, sf: SeededFaker) => JsonValue;
  recover: 'retry' | 'report' | 'retryWith';
  /** The retry's arguments (the call's, with `retryWith` over them). */
  retryArgs: Compiled;
}

interface PreparedConfirm {
  ask: Compiled[];
  yes: string[];
  no: string[];
  yesRate: number;
}

/** The error result of a tool that declares no `errors` schema and a call that gives no `error`. */
function genericError(tool: string): JsonValue {
  return { error: { code: 'TOOL_ERROR', message: `${tool} could not complete the request.` } };
}

function prepareFailure(call: Call, tool: ToolDef): PreparedFailure {
  const failure = call.failure!;
  const recover = recoverOf(call);
  const error = failure.error !== undefined ? compileValue(failure.error) : undefined;
  const fromSchema = tool.errors ? resultSimulator(tool.errors) : undefined;
  const retryWith = recover === 'retryWith' ? (failure.recover as { retryWith: { [name: string]: JsonValue } }).retryWith : {};
  return {
    rate: failure.rate,
    recover,
    retryArgs: compileValue({ ...call.args, ...retryWith }),
    error: (scope, args, sf) => {
      if (error) {
        const r = error.render({ ...scope, [call.id]: args });
        if (r === UNRESOLVED) throw new Retry(`the error of ${call.id}: ${error.explain({ ...scope, [call.id]: args })}`);
        return r;
      }
      return fromSchema ? fromSchema(args, sf) : genericError(call.tool);
    },
  };
}

/** One reply variant, compiled: the first whose condition holds is used. */
interface PreparedReply {
  when: CompiledCondition | undefined;
  texts: Compiled[];
}

interface PreparedSlot {
  name: string;
  spec: SlotSpec;
  filter: ((value: JsonValue) => boolean) | undefined;
}

/** The slots and first user message of one example. */
interface Opening {
  scope: Scope;
  slots: { [name: string]: JsonValue };
  requestIndex: number;
  /** The chain-level request (single-turn: the first user message). */
  opening: string;
  /** Multi-turn chains, in unique-request mode: the first call's request, already drawn. */
  firstStep: string | undefined;
}

const ID_LENGTH = 9;
const MAX_ATTEMPTS = 8;
const MAX_SLOT_DRAWS = 64;
const MAX_REQUEST_DRAWS = 64;

/** A reason an attempt failed (the next attempt draws again). */
class Retry {
  constructor(readonly message: string) {}
}

/** Applies a call's result pins to its fresh result; an example they cannot hold in is drawn again. */
function pin(pins: ApplyPins, result: JsonValue, scope: Scope): void {
  const applied = pins(result, scope);
  if (!applied.ok) throw new Retry(applied.problem);
}

/**
 * Prepares a chain for generation: validates the project (a chain with errors is refused,
 * with the diagnostics), plans it, and precomputes what every example reuses (compiled
 * templates and arguments, tightened result schemas, one reseedable faker).
 */
export function createGenerator(project: Project, chainId: string, options: GeneratorOptions = {}): GeneratorResult {
  const chain = project.chains.find((c) => c.id === chainId);
  if (!chain) {
    const ids = project.chains.map((c) => `"${c.id}"`).join(', ');
    return { ok: false, diagnostics: [error('unknown-chain', '$.chains', `there is no chain "${chainId}"${ids ? ` (chains: ${ids})` : ''}`)] };
  }
  const compiled = compileProject(project).chain(chainId)!;
  const diagnostics = compiled.diagnostics;
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  const planned = options.serializeParallel ? planChain(project, chain, { serializeParallel: true }) : compiled.planned;
  if (!planned.ok) return { ok: false, diagnostics: [error('cycle', '$.chains', `a dependency cycle: ${planned.cycle.join(' → ')}`, { chainId })] };
  const plan = planned.plan;
  const chainIndex = compiled.index;

  const tools = new Map(project.tools.map((t) => [t.function.name, t]));
  const callById = new Map(chain.calls.map((c) => [c.id, c]));
  const fanOutIds = new Set(chain.calls.filter((c) => c.forEach !== undefined).map((c) => c.id));
  const readPaths = new Map<string, PathSegment[][]>();
  const addRead = (root: string, path: readonly PathSegment[]) => {
    if (!callById.has(root)) return;
    // A fan-out's id is the list of its results: what is read of one result follows the first step.
    if (fanOutIds.has(root)) {
      if (path.length === 0 || path[0].kind === 'length' || path[0].kind === 'key') return;
      path = path.slice(1);
    }
    readPaths.set(root, [...(readPaths.get(root) ?? []), [...path]]);
  };
  for (const call of chain.calls) {
    const as = call.forEach !== undefined ? elementName(call) : undefined;
    const source = call.forEach !== undefined ? parseTemplate(call.forEach).whole : null;
    const sourcePath = source
      ? source.path.length && source.path[source.path.length - 1].kind === 'all'
        ? source.path
        : [...source.path, { kind: 'all' } as PathSegment]
      : [];
    for (const read of [...callReads(call), { value: call.requests ?? [], at: ['requests'] }]) {
      for (const { ref } of collectReferences(read.value)) {
        if (as !== undefined && ref.root === as) {
          if (source) addRead(source.root, [...sourcePath, ...ref.path]);
        } else addRead(ref.root, ref.path);
      }
    }
  }
  // A call's pinned result fields must exist in what the simulator makes.
  for (const call of chain.calls)
    for (const path of pinnedPaths(call)) addRead(call.id, fanOutIds.has(call.id) ? [{ kind: 'index', index: 0 }, ...path] : path);
  // What a reply variant with a `when` reads is guarded: it may need a list the condition asks about to be empty elsewhere.
  const guardedPaths = new Map<string, PathSegment[][]>();
  for (const { template, when } of replyTemplates(chain)) {
    for (const { ref } of collectReferences(template)) {
      if (when === undefined) addRead(ref.root, ref.path);
      else if (callById.has(ref.root) && !fanOutIds.has(ref.root)) guardedPaths.set(ref.root, [...(guardedPaths.get(ref.root) ?? []), [...ref.path]]);
    }
  }
  for (const variant of Array.isArray(chain.reply) ? chain.reply : [])
    if (variant.when) for (const { ref } of collectReferences(variant.when)) addRead(ref.root, ref.path);

  const waitsFor = new Map<string, string[]>();
  // A call does not run when a call it needs did not; a wait that only asks what happened (`ran`) is not a need.
  for (const d of compiled.dependencies) if (!d.status) waitsFor.set(d.to, [...(waitsFor.get(d.to) ?? []), d.from]);
  const skippedNow = new Set<string>();
  const prepared = new Map<string, PreparedCall>();
  const tightened = new Map<string, ReturnType<typeof toolResultSchema> | undefined>();
  for (const call of chain.calls) {
    const tool = tools.get(call.tool)!;
    const paths = readPaths.get(call.id) ?? [];
    const tight = tool.returns ? tightenForPaths(toolResultSchema(tool), paths, guardedPaths.get(call.id) ?? []) : undefined;
    tightened.set(call.id, tight);
    prepared.set(call.id, {
      callId: call.id,
      tool: call.tool,
      expand: compileExpansion(call as Call, waitsFor.get(call.id) ?? [], (id) => skippedNow.has(id)),
      fanOut: call.forEach !== undefined,
      args: compileValue(call.args),
      simulate: resultSimulator(tight, { name: tool.function.name, description: tool.function.description, effect: tool.effect }),
      requests: (call.requests ?? []).map((t) => compileTemplate(t, true)),
      ...(call.result !== undefined ? { pins: preparePins(call as Call, tool) } : {}),
      ...(call.failure ? { failure: prepareFailure(call, tool) } : {}),
      ...(call.confirm
        ? {
            confirm: {
              ask: call.confirm.ask.map((t) => compileTemplate(t, true)),
              yes: call.confirm.yes,
              no: call.confirm.no,
              yesRate: call.confirm.yesRate ?? DEFAULT_YES_RATE,
            },
          }
        : {}),
    });
  }
  const fated = [...prepared.values()].filter((p) => p.failure || p.confirm);
  const steering = compileSteering(
    chain,
    plan.levels.flat(),
    (id) => {
      const tool = tools.get(callById.get(id)?.tool ?? '');
      return tool?.returns;
    },
    (id) => tightened.get(id),
  );
  const turns: PreparedCall[][] = plan.turns.map((t) => t.callIds.map((id) => prepared.get(id)!));

  // Which templates the first user message may use (the split narrows them).
  const requests = (chain.requests ?? []).map((t) => compileTemplate(t, true));
  const firstCall = plan.multiTurn ? turns[0][0] : undefined;
  const templatesFor = (count: number): number[] => Array.from({ length: count }, (_, i) => i);
  let openingChoices = templatesFor(requests.length);
  let firstStepChoices = firstCall ? templatesFor(firstCall.requests.length) : [];
  if (options.requestTemplates) {
    const allowed = options.requestTemplates;
    const place = requests.length ? `$.chains[${chainIndex}].requests` : `$.chains[${chainIndex}].calls`;
    const count = requests.length || firstStepChoices.length;
    if (allowed.length === 0 || allowed.some((i) => !Number.isInteger(i) || i < 0 || i >= count)) {
      return {
        ok: false,
        diagnostics: [error('invalid', place, `the request templates to draw from must be indices below ${count}, got [${allowed.join(', ')}]`, { chainId })],
      };
    }
    if (requests.length) openingChoices = [...allowed];
    else firstStepChoices = [...allowed];
  }

  const slots: PreparedSlot[] = [];
  for (const [name, spec] of Object.entries(chain.slots ?? {})) {
    const filter = options.slotFilter?.[name];
    if (filter && isOneOfSlot(spec)) {
      const values = spec.oneOf.filter((v) => filter(v));
      if (values.length === 0)
        return {
          ok: false,
          diagnostics: [error('invalid', `$.chains[${chainIndex}].slots.${name}`, `no value of the slot "${name}" is allowed here`, { chainId })],
        };
      slots.push({ name, spec: { oneOf: values }, filter: undefined });
    } else slots.push({ name, spec, filter });
  }

  const replies: PreparedReply[] | undefined =
    chain.reply === undefined
      ? undefined
      : typeof chain.reply === 'string'
        ? [{ when: undefined, texts: [compileTemplate(chain.reply, true)] }]
        : chain.reply.map((v) => ({
            when: v.when !== undefined ? compileCondition(v.when) : undefined,
            texts: (v.texts ?? (v.text !== undefined ? [v.text] : [])).map((t) => compileTemplate(t, true)),
          }));
  const sf = createSeededFaker(0, project.referenceDate ?? DEFAULT_REFERENCE_DATE);
  // One call per assistant turn: a fan-out's calls (and retries) each get their own, in the list's order (multi-turn chains too).
  const serializeFanOuts = options.serializeParallel === true;
  const system = options.omitSystem ? undefined : project.systemPrompt;
  const stream = options.stream;
  const accept = options.acceptRequest;
  const seedFor = (seed: number, index: number, attempt: number | string): number =>
    stream === undefined ? hashSeed(seed, chain.id, index, attempt) : hashSeed(seed, chain.id, stream, index, attempt);

  /** Draws the slots and the chain-level request from the current stream. */
  const drawOpening = (rng: SeededFaker): Opening => {
    const scope: Scope = Object.create(null) as Scope;
    const values: { [name: string]: JsonValue } = {};
    for (const slot of slots) {
      let value = drawSlot(slot.spec, rng);
      if (slot.filter) {
        let draws = 1;
        while (!slot.filter(value)) {
          if (draws >= MAX_SLOT_DRAWS) throw new Retry(`the slot "${slot.name}" gave no allowed value in ${MAX_SLOT_DRAWS} draws`);
          value = drawSlot(slot.spec, rng);
          draws += 1;
        }
      }
      values[slot.name] = value;
      scope[slot.name] = value;
    }
    const requestIndex = openingChoices.length ? openingChoices[rng.rng.int(0, openingChoices.length - 1)] : -1;
    let opening = '';
    if (requestIndex >= 0) {
      const template = requests[requestIndex];
      const r = template.render(scope);
      if (r === UNRESOLVED) throw new Retry(`request ${requestIndex + 1}: ${template.explain(scope)}`);
      opening = r as string;
    }
    return { scope, slots: values, requestIndex, opening, firstStep: undefined };
  };

  const stepRequest = (call: PreparedCall, scope: Scope, choices: readonly number[] | undefined): string => {
    const pick = choices ? choices[sf.rng.int(0, choices.length - 1)] : sf.rng.int(0, call.requests.length - 1);
    const template = call.requests[pick];
    const r = template.render(scope);
    if (r === UNRESOLVED) throw new Retry(`the request of ${call.callId}: ${template.explain(scope)}`);
    return r as string;
  };

  /** Unique-request mode: slots and first message from their own streams, until one is accepted. */
  const drawAcceptedOpening = (seed: number, index: number, acceptText: (text: string) => boolean): Opening => {
    let problem = '';
    for (let r = 0; r < MAX_REQUEST_DRAWS; r += 1) {
      sf.reseed(seedFor(seed, index, `request-${r}`));
      let o: Opening;
      try {
        o = drawOpening(sf);
        if (firstCall) o.firstStep = stepRequest(firstCall, o.scope, firstStepChoices);
      } catch (e) {
        if (!(e instanceof Retry)) throw e;
        problem = e.message;
        continue;
      }
      const text = o.firstStep === undefined ? o.opening : o.opening ? `${o.opening} ${o.firstStep}` : o.firstStep;
      if (acceptText(text)) return o;
      problem = `no unused request after ${MAX_REQUEST_DRAWS} draws: the chain's requests are nearly used up (add templates or slot values)`;
    }
    throw new GenerationError(chain.id, index, problem);
  };

  const attempt = (seed: number, index: number, attemptNo: number, fixed: Opening | undefined): Example => {
    sf.reseed(seedFor(seed, index, attemptNo));
    let o: Opening;
    if (fixed) {
      // Results of a failed attempt must not leak into this one.
      const scope: Scope = Object.create(null) as Scope;
      for (const name in fixed.slots) scope[name] = fixed.slots[name];
      o = { ...fixed, scope };
    } else o = drawOpening(sf);
    const { scope } = o;
    let opening = o.opening;
    const messages: ExampleMessage[] = [];
    const ids: string[] = [];
    const done: RanCall[] | undefined = replies ? undefined : [];
    const ranCount = new Map<string, number>();
    skippedNow.clear();
    const failed = new Set<string>();
    const failedOnce = new Set<string>();
    const declined = new Set<string>();
    const asked = new Set<string>();
    const status: RunStatus = { ran: (id) => (ranCount.get(id) ?? 0) > 0, failed: (id) => failed.has(id), declined: (id) => declined.has(id) };
    steering?.begin(sf.rng);
    // What happens to the calls that may fail or must be confirmed, drawn once per example.
    const fails = new Set<string>();
    const saysNo = new Set<string>();
    for (const p of fated) {
      if (p.failure && sf.rng.next() < p.failure.rate) fails.add(p.callId);
      if (p.confirm && !(sf.rng.next() < p.confirm.yesRate)) saysNo.add(p.callId);
    }

    for (let t = 0; t < turns.length; t += 1) {
      const turn = turns[t];
      // Which concrete calls this turn makes: none, one, or one per element (calls/expand.ts).
      const made: { call: PreparedCall; scope: Scope; element?: number }[] = [];
      for (let k = 0; k < turn.length; k += 1) {
        const call = turn[k];
        const expansion = call.expand(scope, status);
        if (!expansion.run) {
          skippedNow.add(call.callId);
          continue;
        }
        if ('problem' in expansion) throw new Retry(expansion.problem);
        if (call.fanOut && !(call.callId in scope)) scope[call.callId] = [];
        expansion.scopes.forEach((s, k) => made.push(expansion.elements ? { call, scope: s, element: expansion.elements[k] } : { call, scope: s }));
      }
      // A turn left with no calls is not written (the later turns move up).
      if (made.length === 0) continue;
      if (plan.multiTurn) {
        const text = t === 0 && o.firstStep !== undefined ? o.firstStep : stepRequest(turn[0], scope, t === 0 ? firstStepChoices : undefined);
        messages.push({ role: 'user', text: opening ? `${opening} ${text}` : text });
        opening = '';
      } else if (opening) {
        messages.push({ role: 'user', text: opening });
        opening = '';
      }
      // Confirmations: the assistant asks before the turn (once for a fan-out's whole group), the user answers.
      let toMake = made;
      for (const call of new Set(made.map((m) => m.call))) {
        if (!call.confirm) continue;
        const ask = call.confirm.ask[call.confirm.ask.length === 1 ? 0 : sf.rng.int(0, call.confirm.ask.length - 1)];
        const question = ask.render(scope);
        if (question === UNRESOLVED) throw new Retry(`the confirmation of ${call.callId}: ${ask.explain(scope)}`);
        const no = saysNo.has(call.callId);
        const answers = no ? call.confirm.no : call.confirm.yes;
        asked.add(call.callId);
        messages.push({ role: 'assistant', text: question as string });
        messages.push({ role: 'user', text: answers[answers.length === 1 ? 0 : sf.rng.int(0, answers.length - 1)] });
        if (no) {
          declined.add(call.callId);
          skippedNow.add(call.callId);
          toMake = toMake.filter((m) => m.call !== call);
        }
      }
      if (toMake.length === 0) {
        // Everything of this turn was declined. In a multi-turn chain the next step's request
        // follows: the user's "no" opens it, so that user and assistant still alternate.
        if (plan.multiTurn) {
          const answer = messages.pop() as { role: 'user'; text: string };
          opening = answer.text;
        }
        continue;
      }
      // A serialised chain makes each concrete call its own turn (a fan-out's in the list's order).
      const groups = serializeFanOuts ? toMake.map((m) => [m]) : [toMake];
      for (const group of groups) {
        const calls: ExampleCall[] = [];
        for (let k = 0; k < group.length; k += 1) {
          const { call, scope: callScope, element } = group[k];
          const args = call.args.render(callScope);
          if (args === UNRESOLVED) throw new Retry(`the arguments of ${call.callId}: ${call.args.explain(callScope)}`);
          let id = sf.rng.chars(ID_LENGTH);
          while (ids.includes(id)) id = sf.rng.chars(ID_LENGTH);
          ids.push(id);
          const made: ExampleCall = { id, callId: call.callId, tool: call.tool, args: args as { [name: string]: JsonValue } };
          if (element !== undefined) made.element = element;
          calls.push(made);
        }
        messages.push({ role: 'assistant', calls });
        const retries: { made: (typeof group)[number]; at: number }[] = [];
        for (let k = 0; k < calls.length; k += 1) {
          const c = calls[k];
          const call = group[k].call;
          // A failing call (its first concrete call, for a fan-out) gets its error as its result.
          const failing = call.failure !== undefined && fails.has(c.callId) && !failedOnce.has(c.callId);
          if (failing) failedOnce.add(c.callId);
          const result = failing ? call.failure!.error(group[k].scope, c.args, sf) : call.simulate(c.args, sf);
          let at = -1;
          if (call.fanOut) at = (scope[c.callId] as JsonValue[]).push(result) - 1;
          else {
            if (!failing && steering?.steers(c.callId)) steering.afterResult(c.callId, result, scope, sf, status);
            scope[c.callId] = result;
          }
          if (!failing && call.pins) pin(call.pins, result, group[k].scope);
          ranCount.set(c.callId, (ranCount.get(c.callId) ?? 0) + 1);
          done?.push(failing ? { call: c, result, error: true } : { call: c, result });
          messages.push(
            failing
              ? { role: 'tool', id: c.id, callId: c.callId, tool: c.tool, result, error: true }
              : { role: 'tool', id: c.id, callId: c.callId, tool: c.tool, result },
          );
          if (!failing) continue;
          if (call.failure!.recover === 'report') {
            // No retry: the calls that need its result do not run; the reply says what failed.
            failed.add(c.callId);
            skippedNow.add(c.callId);
          } else retries.push({ made: group[k], at });
        }
        // Retries: the same call again in the next turn (a new id), which succeeds.
        const retryGroups = serializeFanOuts ? retries.map((r) => [r]) : retries.length ? [retries] : [];
        for (const retryGroup of retryGroups) {
          const again: ExampleCall[] = [];
          for (const { made: m } of retryGroup) {
            const args = (m.call.failure!.recover === 'retry' ? m.call.args : m.call.failure!.retryArgs).render(m.scope);
            if (args === UNRESOLVED) throw new Retry(`the retry of ${m.call.callId}: ${m.call.failure!.retryArgs.explain(m.scope)}`);
            let id = sf.rng.chars(ID_LENGTH);
            while (ids.includes(id)) id = sf.rng.chars(ID_LENGTH);
            ids.push(id);
            const retried: ExampleCall = { id, callId: m.call.callId, tool: m.call.tool, args: args as { [name: string]: JsonValue } };
            if (m.element !== undefined) retried.element = m.element;
            again.push(retried);
          }
          messages.push({ role: 'assistant', calls: again });
          retryGroup.forEach(({ made: m, at }, k) => {
            const c = again[k];
            const result = m.call.simulate(c.args, sf);
            if (m.call.fanOut) (scope[c.callId] as JsonValue[])[at] = result;
            else {
              if (steering?.steers(c.callId)) steering.afterResult(c.callId, result, scope, sf, status);
              scope[c.callId] = result;
            }
            if (m.call.pins) pin(m.call.pins, result, m.scope);
            ranCount.set(c.callId, (ranCount.get(c.callId) ?? 0) + 1);
            done?.push({ call: c, result });
            messages.push({ role: 'tool', id: c.id, callId: c.callId, tool: c.tool, result });
          });
        }
      }
    }
    if (opening) messages.push({ role: 'user', text: opening });

    let text: string | undefined;
    let replyVariant: number | undefined;
    if (replies) {
      const at = replies.findIndex((r) => r.when === undefined || r.when(scope, status));
      const variant = at >= 0 ? replies[at] : undefined;
      if (variant) {
        if (Array.isArray(chain.reply)) replyVariant = at;
        const template = variant.texts.length === 1 ? variant.texts[0] : variant.texts[sf.rng.int(0, variant.texts.length - 1)];
        const r = template.render(scope);
        if (r === UNRESOLVED) throw new Retry(`the reply: ${template.explain(scope)}`);
        text = r as string;
      }
    }
    if (text === undefined) {
      const ran: RanCall[] =
        done ??
        messages.flatMap((m) =>
          m.role === 'tool' ? [{ call: { id: m.id, callId: m.callId, tool: m.tool, args: {} }, result: m.result, ...(m.error ? { error: true } : {}) }] : [],
        );
      text = summaryReply(ran, { declined: [...declined].map((id) => ({ tool: callById.get(id)!.tool })), pick: (n) => sf.rng.int(0, n - 1) });
    }
    messages.push({ role: 'assistant', text });
    const example: Example = { chainId: chain.id, seed, index, requestIndex: o.requestIndex, slots: o.slots, messages };
    if (replyVariant !== undefined) example.replyVariant = replyVariant;
    if (failedOnce.size || asked.size) {
      example.outcome = {
        failed: [...failedOnce],
        retried: [...failedOnce].filter((id) => !failed.has(id)),
        confirmed: [...asked].filter((id) => !declined.has(id)),
        declined: [...declined],
      };
    }
    if (system !== undefined) example.system = system;
    return example;
  };

  const example = (seed: number, index: number): Example => {
    const fixed = accept ? drawAcceptedOpening(seed, index, accept) : undefined;
    let problem = '';
    for (let attemptNo = 0; attemptNo < MAX_ATTEMPTS; attemptNo += 1) {
      try {
        return attempt(seed, index, attemptNo, fixed);
      } catch (e) {
        if (!(e instanceof Retry)) throw e;
        problem = e.message;
      }
    }
    throw new GenerationError(chain.id, index, problem);
  };

  const request = (seed: number, index: number): string => {
    if (!accept) throw new Error('request() replays unique-request draws: create the generator with acceptRequest');
    const o = drawAcceptedOpening(seed, index, accept);
    return o.firstStep === undefined ? o.opening : o.opening ? `${o.opening} ${o.firstStep}` : o.firstStep;
  };

  return { ok: true, generator: { chain, plan, example, request }, diagnostics };
}

/**
 * A reference that could not be filled in any of the attempts (e.g. it reads a field of a
 * result schema branch that is rarely produced). Names the chain, the example and the place.
 */
export class GenerationError extends Error {
  constructor(
    readonly chainId: string,
    readonly index: number,
    readonly problem: string,
  ) {
    super(`chain "${chainId}", example ${index}: ${problem}`);
    this.name = 'GenerationError';
  }
}
