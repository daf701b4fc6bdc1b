import type { Call, Chain, JsonSchema, JsonValue, Project, ToolDef } from '../project/types.ts';
import { DEFAULT_REFERENCE_DATE } from '../project/types.ts';
import { planChain, type Plan } from '../graph/plan.ts';
import { collectReferences } from '../refs/parse.ts';
import { renderTemplate, renderValue, toText, type RootLookup } from '../refs/resolve.ts';
import type { PathSegment } from '../refs/types.ts';
import { createSeededFaker } from '../simulate/faker.ts';
import { simulateResult } from '../simulate/fromSchema.ts';
import { hashSeed } from '../simulate/rng.ts';
import { error, type Diagnostic } from '../validate/diagnostics.ts';
import { toolResultSchema, validateProject } from '../validate/project.ts';
import { tightenForPaths } from './constraints.ts';
import { drawSlot } from './slots.ts';
import { summaryReply } from './reply.ts';
import type { Example, ExampleCall, ExampleMessage } from './types.ts';

export interface GeneratorOptions {
  /** One call per assistant turn (a valid topological order), for one-call-per-turn models. */
  serializeParallel?: boolean;
  /** Leave the system prompt out of the examples. */
  omitSystem?: boolean;
}

export interface ExampleGenerator {
  chain: Chain;
  plan: Plan;
  /** Example `index` for `seed`: the same inputs always give the same example. */
  example(seed: number, index: number): Example;
}

export type GeneratorResult = { ok: true; generator: ExampleGenerator; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

interface PreparedCall {
  call: Call;
  tool: ToolDef;
  /** The tool's result schema, tightened so that what later calls read from it exists. */
  returns: JsonSchema | undefined;
}

const ID_LENGTH = 9;
const MAX_ATTEMPTS = 8;

/**
 * Prepares a chain for generation: validates the project (a chain with errors is refused,
 * with the diagnostics), plans it, and precomputes what every example reuses.
 */
export function createGenerator(project: Project, chainId: string, options: GeneratorOptions = {}): GeneratorResult {
  const chain = project.chains.find((c) => c.id === chainId);
  if (!chain) {
    const ids = project.chains.map((c) => `"${c.id}"`).join(', ');
    return { ok: false, diagnostics: [error('unknown-chain', '$.chains', `there is no chain "${chainId}"${ids ? ` (chains: ${ids})` : ''}`)] };
  }
  const diagnostics = validateProject(project).filter((d) => d.chainId === undefined || d.chainId === chainId);
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  const planned = planChain(project, chain, { serializeParallel: options.serializeParallel });
  if (!planned.ok) return { ok: false, diagnostics: [error('cycle', '$.chains', `a dependency cycle: ${planned.cycle.join(' → ')}`, { chainId })] };
  const plan = planned.plan;

  const tools = new Map(project.tools.map((t) => [t.function.name, t]));
  const readPaths = new Map<string, PathSegment[][]>();
  const addRead = (root: string, path: PathSegment[]) => readPaths.set(root, [...(readPaths.get(root) ?? []), path]);
  for (const call of chain.calls) for (const { ref } of collectReferences([call.args, call.requests ?? []])) addRead(ref.root, ref.path);
  if (chain.reply) for (const { ref } of collectReferences(chain.reply)) addRead(ref.root, ref.path);

  const prepared = new Map<string, PreparedCall>();
  for (const call of chain.calls) {
    const tool = tools.get(call.tool)!;
    const paths = readPaths.get(call.id) ?? [];
    prepared.set(call.id, { call, tool, returns: tool.returns ? tightenForPaths(toolResultSchema(tool), paths) : undefined });
  }

  const sf = createSeededFaker(0, project.referenceDate ?? DEFAULT_REFERENCE_DATE);
  const system = options.omitSystem ? undefined : project.systemPrompt;
  const slotEntries = Object.entries(chain.slots ?? {});
  const requests = chain.requests ?? [];

  const attempt = (seed: number, index: number, attemptNo: number): Example | string => {
    sf.reseed(hashSeed(seed, chain.id, index, attemptNo));
    const slots: { [name: string]: JsonValue } = {};
    for (const [name, spec] of slotEntries) slots[name] = drawSlot(spec, sf);
    const results = new Map<string, JsonValue>();
    const lookup: RootLookup = (root) => (root in slots ? slots[root] : results.get(root));

    const messages: ExampleMessage[] = [];
    const requestIndex = requests.length ? sf.rng.int(0, requests.length - 1) : -1;
    let opening = '';
    if (requestIndex >= 0) {
      const r = renderTemplate(requests[requestIndex], lookup);
      if (!r.ok) return `request ${requestIndex + 1}: ${r.message}`;
      opening = toText(r.value);
    }
    const usedIds = new Set<string>();
    const newId = () => {
      let id = sf.rng.chars(ID_LENGTH);
      while (usedIds.has(id)) id = sf.rng.chars(ID_LENGTH);
      usedIds.add(id);
      return id;
    };
    const done: { call: ExampleCall; result: JsonValue }[] = [];

    for (const turn of plan.turns) {
      if (plan.multiTurn) {
        const call = prepared.get(turn.callIds[0])!.call;
        const templates = call.requests!;
        const r = renderTemplate(templates[sf.rng.int(0, templates.length - 1)], lookup);
        if (!r.ok) return `the request of ${call.id}: ${r.message}`;
        const text = toText(r.value);
        messages.push({ role: 'user', text: opening ? `${opening} ${text}` : text });
        opening = '';
      } else if (opening) {
        messages.push({ role: 'user', text: opening });
        opening = '';
      }
      const calls: ExampleCall[] = [];
      for (const callId of turn.callIds) {
        const { call } = prepared.get(callId)!;
        const args = renderValue(call.args, lookup);
        if (!args.ok) return `the arguments of ${call.id}: ${args.message}`;
        calls.push({ id: newId(), callId, tool: call.tool, args: args.value as { [name: string]: JsonValue } });
      }
      messages.push({ role: 'assistant', calls });
      for (const c of calls) {
        const result = simulateResult(prepared.get(c.callId)!.returns, c.args, sf);
        results.set(c.callId, result);
        done.push({ call: c, result });
        messages.push({ role: 'tool', id: c.id, callId: c.callId, tool: c.tool, result });
      }
    }
    if (opening) messages.push({ role: 'user', text: opening });

    let reply: string;
    if (chain.reply !== undefined) {
      const r = renderTemplate(chain.reply, lookup);
      if (!r.ok) return `the reply: ${r.message}`;
      reply = toText(r.value);
    } else {
      reply = summaryReply(done);
    }
    messages.push({ role: 'assistant', text: reply });
    const example: Example = { chainId: chain.id, seed, index, requestIndex, slots, messages };
    if (system !== undefined) example.system = system;
    return example;
  };

  const example = (seed: number, index: number): Example => {
    let problem = '';
    for (let attemptNo = 0; attemptNo < MAX_ATTEMPTS; attemptNo += 1) {
      const made = attempt(seed, index, attemptNo);
      if (typeof made !== 'string') return made;
      problem = made;
    }
    throw new GenerationError(chain.id, index, problem);
  };

  return { ok: true, generator: { chain, plan, example }, diagnostics };
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

