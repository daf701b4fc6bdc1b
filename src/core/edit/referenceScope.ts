import type { Call, Chain, JsonSchema, JsonValue, Project, ToolDef } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import { chainDependencies } from '../graph/dependencies.ts';
import { elementName } from '../calls/forEach.ts';
import { formatReference, parseTemplate } from '../refs/parse.ts';
import { derefSchema, schemaAtPath, schemaFields, schemaTypes } from '../refs/schemaPath.ts';
import type { PathSegment } from '../refs/types.ts';
import { toolResultSchema } from '../validate/project.ts';
import { findChain, findTool } from './access.ts';
import { fieldPathSegments, resultFields } from './fields.ts';
import { descendants } from './lineage.ts';
import type { ReferenceOption } from './referenceOptions.ts';

/**
 * What a reference typed or picked in the inspector may name, by where it stands: a call's
 * argument or filter (`where`) sees the calls it may wait for, the slots and its element; its
 * condition (`when`) the same without the element (read once, before the list is gone
 * through); a reply variant every call and slot. Also the choices of each list step of a
 * reference (`[0]`, `[1]`, `[-1]`, `[*]`, `[min:field]`, `[max:field]`), and the lists a
 * call may run once for each element of.
 */
export type ReferenceScope = { kind: 'argument'; callId: string } | { kind: 'where'; callId: string } | { kind: 'when'; callId: string } | { kind: 'reply' };

/** An option of a condition's value picker: a reference, its types, and the values it may take when the schema lists them. */
export interface ValueOption extends ReferenceOption {
  /** `enum` / `const` of the schema (or true/false for a boolean): offered as operands. */
  values?: JsonValue[];
}

/** A list a call may run once for each element of. */
export interface ForEachOption {
  /** `{tasks.tasks[*]}`, `{departments}`, `{remind[*]}`. */
  reference: string;
  /** The call id or slot name it comes from. */
  source: string;
  /** Words for the option: `tasks.tasks (list_tasks)`, `departments (slot)`, `remind: each result (fan-out)`. */
  label: string;
}

/** One list step of a reference and what it may become. */
export interface StepChoice {
  /** Index of the step in the reference's path. */
  at: number;
  /** The list it applies to, without braces: `tasks.tasks`. */
  list: string;
  /** The step as written now: `[0]`, `[*]`, `[min:due_date]`. */
  current: string;
  options: { step: string; label: string; reference: string }[];
}

/** The calls a call may read without closing a cycle (not itself, not those that wait for it); every call for a reply. */
function readableCalls(chain: Chain, scope: ReferenceScope): Call[] {
  const slots = chain.slots ?? {};
  const own = scope.kind === 'reply' ? undefined : scope.callId;
  const later = own ? descendants(chainDependencies(chain), own) : new Set<string>();
  return chain.calls.filter((c) => c.id !== own && !later.has(c.id) && !Object.prototype.hasOwnProperty.call(slots, c.id));
}

/** The schema a call's id stands for: its result, or for a fan-out the list of its results. */
function callSchema(project: Project, call: Call): JsonSchema | undefined {
  const tool = findTool(project, call.tool);
  if (!tool) return undefined;
  const result = toolResultSchema(tool);
  return call.forEach !== undefined ? { type: 'array', items: result } : result;
}

/** The schema of one element of the list a `forEach` gives (undefined when not known: a slot, an unknown tool). */
export function elementSchema(project: Project, chain: Chain, forEach: string): JsonSchema | undefined {
  const whole = parseTemplate(forEach).whole;
  if (!whole) return undefined;
  const target = chain.calls.find((c) => c.id === whole.root);
  if (!target || Object.prototype.hasOwnProperty.call(chain.slots ?? {}, whole.root)) return undefined;
  const base = callSchema(project, target);
  if (!base) return undefined;
  const endsWithAll = whole.path.length > 0 && whole.path[whole.path.length - 1].kind === 'all';
  const listPath = endsWithAll ? whole.path.slice(0, -1) : whole.path;
  const found = schemaAtPath(base, [...listPath, { kind: 'index', index: 0 }]);
  return found.ok ? derefSchema(found.schema, base) : undefined;
}

/** The roots a scope may name, each with the schema it stands for (undefined: any value). */
function scopeRoots(
  project: Project,
  chain: Chain,
  scope: ReferenceScope,
): Map<string, { schema: JsonSchema | undefined; kind: 'call' | 'slot' | 'element'; call?: Call }> {
  const roots = new Map<string, { schema: JsonSchema | undefined; kind: 'call' | 'slot' | 'element'; call?: Call }>();
  for (const name of Object.keys(chain.slots ?? {})) roots.set(name, { schema: undefined, kind: 'slot' });
  for (const call of readableCalls(chain, scope)) roots.set(call.id, { schema: callSchema(project, call), kind: 'call', call });
  if (scope.kind === 'argument' || scope.kind === 'where') {
    const own = chain.calls.find((c) => c.id === scope.callId);
    if (own?.forEach !== undefined) roots.set(elementName(own), { schema: elementSchema(project, chain, own.forEach), kind: 'element', call: own });
  }
  return roots;
}

/** The values a schema names: its `enum`, its `const`, or true and false for a boolean. */
function schemaValues(schema: JsonSchema | undefined): JsonValue[] | undefined {
  if (!schema) return undefined;
  if (Array.isArray(schema.enum)) return schema.enum as JsonValue[];
  if (Object.prototype.hasOwnProperty.call(schema, 'const')) return [schema.const as JsonValue];
  const types = schemaTypes(schema);
  if (types.size === 1 && types.has('boolean')) return [true, false];
  return undefined;
}

/** A stand-in tool whose result is `schema`, to list its fields as a call's. */
function schemaTool(schema: JsonSchema): ToolDef {
  return { type: 'function', function: { name: 'element', parameters: { type: 'object' } }, returns: schema };
}

function option(callId: string, tool: string, field: string, path: PathSegment[], base: JsonSchema | undefined): ValueOption {
  const reached = base ? schemaAtPath(base, path) : undefined;
  const schema = reached?.ok ? derefSchema(reached.schema, base!) : undefined;
  const out: ValueOption = {
    callId,
    tool,
    field,
    reference: formatReference(callId, path),
    types: schema ? [...schemaTypes(schema, base)] : [],
    typeMismatch: false,
  };
  const values = schemaValues(schema);
  if (values) out.values = values;
  return out;
}

/** Fields of `schema` as paths: each list element at `[0]`, each list also whole and with `.length`. */
function fieldOptions(root: string, tool: string, schema: JsonSchema): ValueOption[] {
  const out: ValueOption[] = [];
  for (const field of resultFields(schemaTool(schema))) {
    const segments = fieldPathSegments(field.path) ?? [];
    const path = segments.map((s): PathSegment => (s.kind === 'all' ? { kind: 'index', index: 0 } : s));
    // A list's element (`tasks[]`) is offered through its fields and the list itself.
    if (segments.length && segments[segments.length - 1].kind === 'all' && !field.types.every((t) => t !== 'object')) continue;
    out.push(option(root, tool, field.path, path, schema));
    if (field.isList) out.push(option(root, tool, field.path === '$' ? 'length' : `${field.path}.length`, [...path, { kind: 'length' }], schema));
  }
  return out;
}

/**
 * What a condition's value may read in this scope: each readable call's fields (list
 * elements at `[0]`, lists whole and with `.length`; a fan-out's results as a list), the
 * element's fields in a filter, and the slots. Each with its types and, where the schema
 * lists them, its values.
 */
export function valueOptions(project: Project, chainId: string, scope: ReferenceScope): ValueOption[] {
  const chain = findChain(project, chainId);
  if (!chain) return [];
  const out: ValueOption[] = [];
  const roots = scopeRoots(project, chain, scope);
  for (const [name, root] of roots) {
    if (root.kind !== 'element') continue;
    const label = `element of ${root.call?.forEach?.replace(/^\{|\}$/g, '') ?? 'the list'}`;
    if (root.schema) out.push(...fieldOptions(name, label, root.schema));
    else out.push({ callId: name, tool: label, field: '$', reference: `{${name}}`, types: [], typeMismatch: false });
  }
  for (const [name, root] of roots) {
    if (root.kind !== 'call' || !root.call) continue;
    if (!root.schema) continue;
    if (root.call.forEach !== undefined) {
      out.push(option(name, `${root.call.tool} (each result)`, 'length', [{ kind: 'length' }], root.schema));
      out.push(option(name, `${root.call.tool} (each result)`, '$', [], root.schema));
      continue;
    }
    out.push(...fieldOptions(name, root.call.tool, root.schema));
  }
  const slots = chain.slots ?? {};
  for (const [name, root] of roots) {
    if (root.kind !== 'slot') continue;
    const spec = slots[name];
    const o: ValueOption = { callId: '', tool: 'slots', field: name, reference: `{${name}}`, types: [], typeMismatch: false };
    if (isPlainObject(spec) && Array.isArray(spec.oneOf) && spec.oneOf.every((v) => !isPlainObject(v) && !Array.isArray(v)))
      o.values = spec.oneOf as JsonValue[];
    out.push(o);
  }
  return out;
}

/** The lists a call may run once for each element of: list fields of the calls it may wait for, fan-out calls' results, slots. */
export function forEachOptions(project: Project, chainId: string, callId: string): ForEachOption[] {
  const chain = findChain(project, chainId);
  if (!chain) return [];
  const out: ForEachOption[] = [];
  for (const call of readableCalls(chain, { kind: 'when', callId })) {
    if (call.forEach !== undefined) {
      out.push({ reference: `{${call.id}[*]}`, source: call.id, label: `${call.id}: each of its results (${call.tool}, itself a fan-out)` });
      continue;
    }
    const tool = findTool(project, call.tool);
    if (!tool) continue;
    for (const field of resultFields(tool)) {
      if (!field.isList) continue;
      const segments = fieldPathSegments(field.path) ?? [];
      const reference = formatReference(call.id, [...segments, { kind: 'all' }]);
      out.push({ reference, source: call.id, label: `${reference.slice(1, -1).replace(/\[\*\]$/, '')} (${call.tool})` });
    }
  }
  for (const name of Object.keys(chain.slots ?? {})) out.push({ reference: `{${name}}`, source: name, label: `${name} (slot)` });
  return out;
}

/** Comparable fields of a list's items (numbers, integers, strings), as dotted paths, for `[min:…]` / `[max:…]`. */
export function comparableFields(items: JsonSchema | undefined, root: JsonSchema = items ?? {}, prefix = '', depth = 0): string[] {
  if (!items || depth > 2) return [];
  const out: string[] = [];
  for (const key of schemaFields(items, root)) {
    const found = schemaAtPath(items, [{ kind: 'key', key }], root);
    if (!found.ok) continue;
    const types = schemaTypes(found.schema, root);
    const name = prefix ? `${prefix}.${key}` : key;
    if (!/^[A-Za-z0-9_$-]+$/.test(key)) continue;
    if ([...types].some((t) => t === 'number' || t === 'integer' || t === 'string')) out.push(name);
    else if (types.has('object')) out.push(...comparableFields(found.schema, root, name, depth + 1));
  }
  return out;
}

const STEP_WORDS: { step: string; label: string }[] = [
  { step: '[0]', label: 'the first' },
  { step: '[1]', label: 'the second' },
  { step: '[-1]', label: 'the last' },
  { step: '[*]', label: 'every one (a list)' },
];

/**
 * The list steps of a reference and what each may become: the first, second or last
 * element, every element, or the one whose comparable field is smallest or largest
 * (`[min:due_date]`). Steps of a reference the scope cannot read are not offered.
 */
export function referenceStepChoices(project: Project, chainId: string, reference: string, scope: ReferenceScope): StepChoice[] {
  const chain = findChain(project, chainId);
  const whole = parseTemplate(reference).whole;
  if (!chain || !whole) return [];
  const root = scopeRoots(project, chain, scope).get(whole.root);
  if (!root) return [];
  const out: StepChoice[] = [];
  whole.path.forEach((segment, at) => {
    if (segment.kind !== 'index' && segment.kind !== 'all' && segment.kind !== 'pick') return;
    const before = whole.path.slice(0, at);
    const list = formatReference(whole.root, before).slice(1, -1);
    const listSchema = root.schema
      ? schemaAtPath(
          root.schema,
          before.map((s) => (s.kind === 'all' ? { kind: 'index', index: 0 } : s)),
        )
      : undefined;
    const items = listSchema?.ok ? schemaAtPath(listSchema.schema, [{ kind: 'index', index: 0 }], root.schema) : undefined;
    const fields = comparableFields(items?.ok ? derefSchema(items.schema, root.schema ?? {}) : undefined, root.schema ?? {});
    const current = formatReference('x', [segment]).slice(2, -1);
    const replace = (step: PathSegment) => formatReference(whole.root, [...before, step, ...whole.path.slice(at + 1)]);
    const options: StepChoice['options'] = STEP_WORDS.map((w) => ({ ...w, reference: replace(stepOf(w.step)) }));
    for (const f of fields)
      options.push({ step: `[min:${f}]`, label: `the smallest ${f}`, reference: replace({ kind: 'pick', pick: 'min', key: f.split('.') }) });
    for (const f of fields)
      options.push({ step: `[max:${f}]`, label: `the largest ${f}`, reference: replace({ kind: 'pick', pick: 'max', key: f.split('.') }) });
    if (!options.some((o) => o.step === current)) options.push({ step: current, label: 'as written', reference });
    out.push({ at, list, current, options });
  });
  return out;
}

function stepOf(text: string): PathSegment {
  if (text === '[*]') return { kind: 'all' };
  return { kind: 'index', index: Number(text.slice(1, -1)) };
}

/**
 * A reference typed by hand, as the scope reads it: `tasks.tasks[1].task_id` or
 * `{tasks.tasks[1].task_id}` → `{tasks.tasks[1].task_id}` when its root may be read there and
 * its path exists in the schema; otherwise why not.
 */
export function typedReference(
  project: Project,
  chainId: string,
  text: string,
  scope: ReferenceScope,
): { ok: true; reference: string; types: string[] } | { ok: false; problem: string } {
  const chain = findChain(project, chainId);
  const trimmed = text.trim();
  if (!chain || trimmed === '') return { ok: false, problem: 'nothing typed' };
  const reference = trimmed.startsWith('{') ? trimmed : `{${trimmed}}`;
  const parsed = parseTemplate(reference);
  if (!parsed.whole) return { ok: false, problem: parsed.errors[0]?.message ?? `"${trimmed}" is not one reference` };
  const root = scopeRoots(project, chain, scope).get(parsed.whole.root);
  if (!root) {
    const isCall = chain.calls.some((c) => c.id === parsed.whole!.root);
    return {
      ok: false,
      problem: isCall
        ? `${parsed.whole.root} cannot be read here (it is this call, or it waits for it)`
        : `there is no call or slot "${parsed.whole.root}" here`,
    };
  }
  if (!root.schema) return { ok: true, reference, types: [] };
  const found = schemaAtPath(root.schema, parsed.whole.path);
  if (!found.ok) return { ok: false, problem: `{${parsed.whole.source}}: ${found.message}` };
  return { ok: true, reference, types: [...schemaTypes(found.schema, root.schema)] };
}
