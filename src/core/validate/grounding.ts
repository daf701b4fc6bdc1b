/**
 * Grounding checks of a design: every value a call sends must be something the model could
 * know from the conversation. `slot-not-in-request`: a call (or its `forEach`, `when`, `where`,
 * or the reply) reads a slot that a request template which can be drawn there never mentions,
 * so the data would teach the model to invent the value. `invented-id`: a literal argument
 * that looks like an id but appears in no request, system prompt, slot, confirmation answer
 * or result the call can read. Both are warnings (docs/project-format.md §19.2).
 */
import type { Call, Chain, JsonValue, Project, SlotSpec, ToolDef } from '../project/types.ts';
import { isFakeSlot, isIntSlot, isOneOfSlot, isPlainObject } from '../project/types.ts';
import { collectReferences, formatPath, parseTemplate } from '../refs/parse.ts';
import type { PathSegment, Reference } from '../refs/types.ts';
import { conditionReferences } from '../conditions/references.ts';
import type { PlanResult } from '../graph/plan.ts';
import { replyTemplates } from './reply.ts';
import { isIdLike } from './claims.ts';
import { jsonPath, warning, type Diagnostic } from './diagnostics.ts';
import { ancestorsFinder } from '../edit/lineage.ts';

/** A request template the user's message can be drawn from. */
interface RequestTemplate {
  text: string;
  /** JSON path segments under the chain: `['requests', 2]` or `['calls', 4, 'requests', 0]`. */
  at: (string | number)[];
  /** How a message names it: `chain "x" request 2` or `call "book" request 0`. */
  label: string;
  refs: Reference[];
}

/** The requests of one user turn: one of them is drawn. */
type Step = RequestTemplate[];

/** Whether the slot takes more than one value (a constant is the same in every example: the data teaches it as a default). */
function varies(spec: SlotSpec): boolean {
  if (isFakeSlot(spec)) return true;
  if (isOneOfSlot(spec)) return new Set(spec.oneOf.map((v) => JSON.stringify(v))).size > 1;
  if (isIntSlot(spec)) return spec.int[0] !== spec.int[1];
  return false;
}

function sameSegment(a: PathSegment, b: PathSegment): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A mention `{trip}` or `{trip.city}` covers a read `{trip.city}`: its path is a prefix of the read's. */
function covers(mention: Reference, read: Reference): boolean {
  if (mention.root !== read.root || mention.path.length > read.path.length) return false;
  return mention.path.every((s, i) => sameSegment(s, read.path[i]));
}

function templateOf(text: string, at: (string | number)[], label: string): RequestTemplate {
  const refs = parseTemplate(text).parts.flatMap((p) => (p.kind === 'ref' ? [p.ref] : []));
  return { text, at, label, refs };
}

function opening(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 48 ? `${flat.slice(0, 45)}…` : flat;
}

/** The calls in the order their user turns come (level by level, within a level in `calls` order). */
function turnOrder(chain: Chain, planned: PlanResult): Call[] {
  if (!planned.ok) return chain.calls;
  const byId = new Map(chain.calls.map((c) => [c.id, c]));
  const ordered = planned.plan.levels
    .flat()
    .map((id) => byId.get(id))
    .filter((c): c is Call => c !== undefined);
  return ordered.length === chain.calls.length ? ordered : chain.calls;
}

/** Grounding warnings about one chain. `path` is the chain's JSON path. */
export function groundingDiagnostics(project: Project, chain: Chain, path: string, planned: PlanResult, tools: ReadonlyMap<string, ToolDef>): Diagnostic[] {
  return [...slotsNotInRequest(chain, path, planned), ...inventedIds(project, chain, path, planned, tools)];
}

// ---------------------------------------------------------------------------------------------
// slot-not-in-request

function slotsNotInRequest(chain: Chain, path: string, planned: PlanResult): Diagnostic[] {
  const slots = chain.slots ?? {};
  const varying = new Set(Object.keys(slots).filter((name) => varies(slots[name])));
  if (varying.size === 0) return [];
  const out: Diagnostic[] = [];
  const chainId = chain.id;
  const openingStep: Step = (chain.requests ?? []).map((r, i) => templateOf(r, ['requests', i], `chain "${chainId}" request ${i}`));
  const multiTurn = chain.calls.length > 0 && chain.calls.every((c) => (c.requests?.length ?? 0) > 0);
  // The user turns a call can read from: the opening request, and in a multi-turn chain every step up to its own.
  const visible = new Map<string, Step[]>();
  const allSteps: Step[] = openingStep.length ? [openingStep] : [];
  const indexOf = new Map(chain.calls.map((c, i) => [c.id, i]));
  for (const call of multiTurn ? turnOrder(chain, planned) : chain.calls) {
    if (multiTurn) {
      const i = indexOf.get(call.id)!;
      allSteps.push((call.requests ?? []).map((r, j) => templateOf(r, ['calls', i, 'requests', j], `call "${call.id}" request ${j}`)));
    }
    visible.set(call.id, [...allSteps]);
  }
  if (allSteps.length === 0) return []; // no-requests says it

  const check = (ref: Reference, at: string, steps: Step[], reader: string, callId?: string) => {
    if (!varying.has(ref.root)) return;
    // Known when one user turn mentions it whichever of its templates is drawn.
    if (steps.some((step) => step.length > 0 && step.every((t) => t.refs.some((m) => covers(m, ref))))) return;
    const missing = [...steps]
      .reverse()
      .flat()
      .filter((t) => !t.refs.some((m) => covers(m, ref)));
    const first = missing[0];
    if (!first) return;
    const more = missing.length > 1 ? ` (and ${missing.length - 1} more template${missing.length > 2 ? 's' : ''})` : '';
    out.push(
      warning(
        'slot-not-in-request',
        at,
        `${reader} reads {${ref.source}}, but the request template ${first.label} ("${opening(first.text)}") never mentions {${ref.root}${formatPath(ref.path)}}${more}: the data would teach the model to invent the value; mention {${ref.root}} in every request template that can be drawn (at ${jsonPath(path, ...first.at)}), or make the slot a constant`,
        { chainId, ...(callId ? { callId } : {}) },
      ),
    );
  };

  chain.calls.forEach((call, i) => {
    const steps = visible.get(call.id) ?? allSteps;
    const callPath = jsonPath(path, 'calls', i);
    const element = call.forEach !== undefined ? (call.as ?? 'item') : undefined;
    const seen = new Set<string>();
    const visit = (value: unknown, base: (string | number)[], what: string) => {
      for (const { ref, at } of collectReferences(value, base)) {
        if (ref.root === element) continue;
        const place = jsonPath(callPath, ...at);
        if (seen.has(`${place} ${ref.source}`)) continue;
        seen.add(`${place} ${ref.source}`);
        check(ref, place, steps, what, call.id);
      }
    };
    visit(call.args ?? {}, ['args'], `call "${call.id}"`);
    if (call.forEach !== undefined) visit(call.forEach, ['forEach'], `the forEach of "${call.id}"`);
    for (const key of ['when', 'where'] as const) {
      const cond = call[key];
      if (cond !== undefined)
        for (const { ref, at } of conditionReferences(cond, [key]))
          if (ref.root !== element || key === 'when') check(ref, jsonPath(callPath, ...at), steps, `the ${key} of "${call.id}"`, call.id);
    }
    const recover = call.failure?.recover;
    if (isPlainObject(recover as JsonValue) && isPlainObject((recover as { retryWith?: JsonValue }).retryWith)) {
      visit((recover as { retryWith: JsonValue }).retryWith, ['failure', 'recover', 'retryWith'], `the retry of "${call.id}"`);
    }
  });
  const variantsSeen = new Set<number>();
  for (const { template, at, when } of replyTemplates(chain)) {
    for (const part of parseTemplate(template).parts) if (part.kind === 'ref') check(part.ref, jsonPath(path, ...at), allSteps, 'the reply');
    if (when !== undefined && typeof at[1] === 'number' && !variantsSeen.has(at[1])) {
      variantsSeen.add(at[1]);
      for (const { ref, at: condAt } of conditionReferences(when, ['reply', at[1], 'when'])) check(ref, jsonPath(path, ...condAt), allSteps, 'a reply variant');
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// invented-id

/** A literal argument that looks like an id, with its place under the call. */
interface IdLiteral {
  value: string | number;
  key: string | undefined;
  at: (string | number)[];
}

function idLiterals(value: JsonValue, key: string | undefined, at: (string | number)[], out: IdLiteral[] = []): IdLiteral[] {
  if (Array.isArray(value)) value.forEach((v, j) => idLiterals(v, key, [...at, j], out));
  else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) idLiterals(v, k, [...at, k], out);
  else if (((typeof value === 'string' && !value.includes('{')) || typeof value === 'number') && isIdLike(key, value)) out.push({ value, key, at });
  return out;
}

function inventedIds(project: Project, chain: Chain, path: string, planned: PlanResult, tools: ReadonlyMap<string, ToolDef>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const chainId = chain.id;
  // What the conversation says before any call: the system prompt, every request, every slot's values, the user's answers.
  const said: string[] = [project.systemPrompt ?? '', ...(chain.requests ?? [])];
  for (const call of chain.calls) {
    said.push(...(call.requests ?? []));
    if (call.confirm) said.push(...(call.confirm.yes ?? []), ...(call.confirm.no ?? []));
  }
  for (const spec of Object.values(chain.slots ?? {})) said.push(JSON.stringify(spec));
  const base = said.join('\n');
  // The calls whose results each call can read (found only for a call that sends an id-like literal).
  const ancestors = planned.ok ? ancestorsFinder(planned.plan) : undefined;
  const byId = new Map(chain.calls.map((c) => [c.id, c]));
  /** JSON text of what a call's result can say (its pinned values, its tool's schema constants), once per call. */
  const resultTexts = new Map<string, string>();
  const resultText = (id: string): string => {
    let text = resultTexts.get(id);
    if (text === undefined) {
      const before = byId.get(id);
      const returns = before ? tools.get(before.tool)?.returns : undefined;
      text = [before?.result !== undefined ? JSON.stringify(before.result) : '', returns ? JSON.stringify(returns) : ''].join('\n');
      resultTexts.set(id, text);
    }
    return text;
  };

  chain.calls.forEach((call, i) => {
    const literals = idLiterals(call.args ?? {}, undefined, ['args']);
    const recover = call.failure?.recover;
    if (isPlainObject(recover as JsonValue) && isPlainObject((recover as { retryWith?: JsonValue }).retryWith)) {
      idLiterals((recover as { retryWith: JsonValue }).retryWith, undefined, ['failure', 'recover', 'retryWith'], literals);
    }
    if (literals.length === 0) return;
    const tool = tools.get(call.tool);
    // What the call can read: the tool's own definition (an enum, a default), and the results before it (pinned values, schema constants).
    const readable = [base, tool ? JSON.stringify(tool.function) : ''];
    for (const id of ancestors?.(call.id) ?? chain.calls.filter((c) => c.id !== call.id).map((c) => c.id)) readable.push(resultText(id));
    const callPath = jsonPath(path, 'calls', i);
    for (const { value, key, at } of literals) {
      if (readable.some((text) => text.includes(String(value)))) continue;
      out.push(
        warning(
          'invented-id',
          jsonPath(callPath, ...at),
          `call "${call.id}" sends the id ${JSON.stringify(value)}${key ? ` as ${key}` : ''}, which appears in no request, system prompt, slot or result it can read: the data would teach the model to invent ids; take it from a result ({callId.path}) or a slot the request mentions, or say it in the request or the system prompt`,
          { chainId, callId: call.id },
        ),
      );
    }
  });
  return out;
}
