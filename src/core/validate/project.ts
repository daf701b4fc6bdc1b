import type { Chain, JsonSchema, JsonValue, Project, ToolDef } from '../project/types.ts';
import { isFakeSlot, isPlainObject } from '../project/types.ts';
import { collectReferences, parseTemplate } from '../refs/parse.ts';
import { describeTypes, schemaAtPath, schemaTypes, typesCompatible } from '../refs/schemaPath.ts';
import type { Reference } from '../refs/types.ts';
import { planChain, type PlanResult } from '../graph/plan.ts';
import { isFakerMethod } from '../simulate/fakerMethods.ts';
import { checkAgainstSchema, compileSchema } from './schemaValidator.ts';
import { CALL_BEHAVIOURS, elementName, recoverOf, type BehaviourCheckContext } from '../calls/index.ts';
import { checkCondition } from '../conditions/check.ts';
import { conditionCallIds } from '../conditions/references.ts';
import { checkReply } from './reply.ts';
import { groundingDiagnostics } from './grounding.ts';
import { replyTruthDiagnostics } from './replyTruth.ts';

/** Whether a condition names `{ [status]: id }` anywhere inside it. */
function conditionNames(cond: unknown, status: 'failed' | 'declined', id: string): boolean {
  if (Array.isArray(cond)) return cond.some((c) => conditionNames(c, status, id));
  if (!isPlainObject(cond as JsonValue)) return false;
  const c = cond as Record<string, unknown>;
  if (c[status] === id) return true;
  return ['all', 'any', 'not'].some((k) => c[k] !== undefined && conditionNames(c[k], status, id));
}
import { slotSamples } from './slots.ts';
import { error, jsonPath, warning, type Diagnostic } from './diagnostics.ts';
import { ancestorsFinder } from '../edit/lineage.ts';

/** The result a tool gives when it declares no `returns` schema. */
export const GENERIC_RESULT_SCHEMA: JsonSchema = { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] };

export function toolResultSchema(tool: ToolDef): JsonSchema {
  return tool.returns ?? GENERIC_RESULT_SCHEMA;
}

/**
 * Every finding about a structurally valid project (see `parseProject`): what a reader must
 * reject (errors) and what is probably a mistake (warnings). Each names its JSON path and,
 * where there is one, the chain and call.
 */
export function diagnoseProject(project: Project, planOf: (chain: Chain) => PlanResult = (chain) => planChain(project, chain)): Diagnostic[] {
  const out: Diagnostic[] = [];
  const tools = new Map<string, ToolDef>();
  project.tools.forEach((tool, t) => {
    const path = jsonPath('$.tools', t);
    const name = tool.function.name;
    if (tools.has(name)) out.push(error('duplicate-tool', jsonPath(path, 'function', 'name'), `a second tool named "${name}": tool names must be unique`));
    else tools.set(name, tool);
    checkToolSchemas(tool, path, out);
  });

  const used = new Set<string>();
  const chainIds = new Set<string>();
  project.chains.forEach((chain, c) => {
    const path = jsonPath('$.chains', c);
    if (chainIds.has(chain.id))
      out.push(error('duplicate-chain', jsonPath(path, 'id'), `a second chain with id "${chain.id}": chain ids must be unique`, { chainId: chain.id }));
    chainIds.add(chain.id);
    for (const call of chain.calls) used.add(call.tool);
    const planned = planOf(chain);
    validateChain(chain, planned, path, tools, out);
    out.push(...groundingDiagnostics(project, chain, path, planned, tools), ...replyTruthDiagnostics(chain, path, tools));
  });

  project.tools.forEach((tool, t) => {
    const name = tool.function.name;
    if (!used.has(name)) out.push(warning('unused-tool', jsonPath('$.tools', t), `the tool "${name}" is not called in any chain`));
  });
  return out;
}

function checkToolSchemas(tool: ToolDef, path: string, out: Diagnostic[]): void {
  const params = compileSchema(tool.function.parameters);
  if (!params.ok)
    out.push(
      error(
        'invalid-schema',
        jsonPath(path, 'function', 'parameters'),
        `the parameter schema of "${tool.function.name}" is not a valid JSON Schema: ${params.message}`,
      ),
    );
  if (tool.returns) {
    const returns = compileSchema(tool.returns);
    if (!returns.ok)
      out.push(
        error('invalid-schema', jsonPath(path, 'returns'), `the returns schema of "${tool.function.name}" is not a valid JSON Schema: ${returns.message}`),
      );
    walkXFake(tool.returns, jsonPath(path, 'returns'), out);
  }
}

function walkXFake(schema: JsonValue, path: string, out: Diagnostic[]): void {
  if (Array.isArray(schema)) schema.forEach((s, i) => walkXFake(s, jsonPath(path, i), out));
  else if (isPlainObject(schema)) {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'x-fake' && typeof value === 'string' && !isFakerMethod(value)) {
        out.push(
          error('bad-faker-method', jsonPath(path, key), `"${value}" is not a faker method (write module.method, e.g. "person.fullName" or "location.city")`),
        );
      } else walkXFake(value, jsonPath(path, key), out);
    }
  }
}

function validateChain(chain: Chain, planned: PlanResult, path: string, tools: Map<string, ToolDef>, out: Diagnostic[]): void {
  const chainId = chain.id;
  const slots = chain.slots ?? {};
  const slotNames = new Set(Object.keys(slots));
  const callById = new Map<string, Chain['calls'][number]>();
  const usedSlots = new Set<string>();
  const usedResults = new Set<string>();

  if (chain.calls.length === 0)
    out.push(
      warning('empty-chain', jsonPath(path, 'calls'), `the chain "${chainId}" has no calls yet: its examples hold a request and a reply only`, { chainId }),
    );
  chain.calls.forEach((call, i) => {
    const callPath = jsonPath(path, 'calls', i);
    if (callById.has(call.id))
      out.push(
        error('duplicate-call', jsonPath(callPath, 'id'), `a second call with id "${call.id}" in chain "${chainId}": call ids must be unique in a chain`, {
          chainId,
          callId: call.id,
        }),
      );
    else callById.set(call.id, call);
    if (slotNames.has(call.id))
      out.push(
        error('slot-call-clash', jsonPath(callPath, 'id'), `"${call.id}" is both a slot and a call id: references could not tell them apart; rename one`, {
          chainId,
          callId: call.id,
        }),
      );
  });

  Object.entries(slots).forEach(([name, spec]) => {
    if (isFakeSlot(spec) && !isFakerMethod(spec.fake)) {
      out.push(
        error(
          'bad-faker-method',
          jsonPath(path, 'slots', name, 'fake'),
          `"${spec.fake}" is not a faker method (write module.method, e.g. "person.fullName" or "date.soon")`,
          { chainId },
        ),
      );
    }
  });

  const perStep = chain.calls.length > 0 && chain.calls.every((c) => (c.requests?.length ?? 0) > 0);
  if (!chain.requests?.length && !perStep) {
    out.push(
      error(
        'no-requests',
        jsonPath(path, 'requests'),
        `the chain "${chainId}" has no user request: add at least one request template (or a request on every call)`,
        { chainId },
      ),
    );
  }

  // The plan: cycles, and the ancestors a per-step request may read from (found per call, when asked).
  let ancestors: (callId: string) => Set<string> = () => new Set();
  if (!planned.ok) {
    const index = chain.calls.findIndex((c) => c.id === planned.cycle[0]);
    out.push(
      error(
        'cycle',
        jsonPath(path, 'calls', Math.max(0, index)),
        `a dependency cycle: ${[...planned.cycle, planned.cycle[0]].join(' → ')}; no call on it could ever run first`,
        { chainId, callId: planned.cycle[0] },
      ),
    );
  } else ancestors = ancestorsFinder(planned.plan);

  /** Checks a reference's root and path; returns the schema it reaches, when known. */
  const fanOuts = new Set(chain.calls.filter((c) => c.forEach !== undefined).map((c) => c.id));
  const checkRef = (
    ref: Reference,
    at: string,
    allowCalls: 'none' | 'all' | Set<string>,
    callId?: string,
    bound?: ReadonlyMap<string, JsonSchema | undefined>,
  ): JsonSchema | undefined => {
    const extra = { chainId, ...(callId ? { callId } : {}) };
    if (bound?.has(ref.root)) {
      const element = bound.get(ref.root);
      if (!element) return undefined;
      const reached = schemaAtPath(element, ref.path);
      if (!reached.ok) {
        out.push(error('unknown-field', at, `{${ref.source}}: in each element of the list, ${reached.message}`, extra));
        return undefined;
      }
      return reached.schema;
    }
    if (slotNames.has(ref.root)) {
      usedSlots.add(ref.root);
      return undefined;
    }
    const target = callById.get(ref.root);
    if (!target) {
      const known = [...slotNames].map((s) => `slot "${s}"`).concat([...callById.keys()].map((c) => `call "${c}"`));
      const looksLikeCall = ref.path.length > 0;
      out.push(
        error(
          looksLikeCall ? 'unknown-call' : 'unknown-slot',
          at,
          `{${ref.source}}: there is no ${looksLikeCall ? 'call' : 'slot'} "${ref.root}"${known.length ? ` (known: ${known.join(', ')})` : ''}`,
          extra,
        ),
      );
      return undefined;
    }
    if (ref.root === callId) {
      out.push(error('self-reference', at, `{${ref.source}}: a call cannot use its own result`, extra));
      return undefined;
    }
    if (allowCalls === 'none') {
      out.push(error('bad-reference', at, `{${ref.source}}: the opening request comes before any call, so it can use slots only`, extra));
      return undefined;
    }
    if (allowCalls !== 'all' && !allowCalls.has(ref.root)) {
      out.push(
        error(
          'bad-reference',
          at,
          `{${ref.source}}: this request comes before "${ref.root}" has run; it can use slots and the results of calls this one waits for`,
          extra,
        ),
      );
      return undefined;
    }
    usedResults.add(ref.root);
    const tool = tools.get(target.tool);
    if (!tool) return undefined;
    // A fan-out call's id stands for the list of its results.
    const base = fanOuts.has(ref.root) ? { type: 'array', items: toolResultSchema(tool) } : toolResultSchema(tool);
    const result = schemaAtPath(base, ref.path);
    if (!result.ok) {
      const hint = tool.returns ? '' : ` ("${tool.function.name}" has no returns schema: add one that describes this field)`;
      out.push(error('unknown-field', at, `{${ref.source}}: in the result of ${ref.root} (${tool.function.name}), ${result.message}${hint}`, extra));
      return undefined;
    }
    return result.schema;
  };

  const checkTemplate = (
    template: string,
    at: string,
    allowCalls: 'none' | 'all' | Set<string>,
    callId?: string,
    bound?: ReadonlyMap<string, JsonSchema | undefined>,
  ) => {
    const parsed = parseTemplate(template);
    for (const e of parsed.errors) out.push(error('bad-reference', at, e.message, { chainId, ...(callId ? { callId } : {}) }));
    for (const part of parsed.parts) if (part.kind === 'ref') checkRef(part.ref, at, allowCalls, callId, bound);
  };

  /** The schema of one element of the list a `forEach` reference gives. */
  const elementSchemaOf = (forEach: string): JsonSchema | undefined => {
    const whole = parseTemplate(forEach).whole;
    if (!whole) return undefined;
    const target = callById.get(whole.root);
    const tool = target ? tools.get(target.tool) : undefined;
    if (!tool) return undefined;
    const base = fanOuts.has(whole.root) ? { type: 'array', items: toolResultSchema(tool) } : toolResultSchema(tool);
    const endsWithAll = whole.path.length > 0 && whole.path[whole.path.length - 1].kind === 'all';
    const listPath = endsWithAll ? whole.path.slice(0, -1) : whole.path;
    const element = schemaAtPath(base, [...listPath, { kind: 'index', index: 0 }]);
    return element.ok ? element.schema : undefined;
  };

  (chain.requests ?? []).forEach((r, i) => checkTemplate(r, jsonPath(path, 'requests', i), 'none'));

  const callIds: ReadonlySet<string> = new Set(callById.keys());
  chain.calls.forEach((call, i) => {
    const callPath = jsonPath(path, 'calls', i);
    const extra = { chainId, callId: call.id };
    const tool = tools.get(call.tool);
    if (!tool) {
      const names = [...tools.keys()];
      out.push(
        error(
          'unknown-tool',
          jsonPath(callPath, 'tool'),
          `call "${call.id}" uses the tool "${call.tool}", which is not defined${names.length ? ` (tools: ${names.join(', ')})` : ''}`,
          extra,
        ),
      );
    }
    (call.after ?? []).forEach((a, j) => {
      if (!callById.has(a))
        out.push(
          error('unknown-after', jsonPath(callPath, 'after', j), `call "${call.id}" is set to run after "${a}", which is not a call of this chain`, extra),
        );
      else if (a === call.id) out.push(error('self-reference', jsonPath(callPath, 'after', j), `call "${call.id}" cannot run after itself`, extra));
    });
    const behaviourCtx: BehaviourCheckContext = {
      chainId,
      callPath,
      slotNames,
      slotSpec: (name) => (Object.prototype.hasOwnProperty.call(slots, name) ? slots[name] : undefined),
      callIds,
      checkReference: (ref, at, bound) => checkRef(ref, at, 'all', call.id, bound),
      elementSchema: (forEach) => elementSchemaOf(forEach),
      isFanOut: (id) => fanOuts.has(id),
      tool,
      replyNames: (status, id) => Array.isArray(chain.reply) && chain.reply.some((v) => v.when !== undefined && conditionNames(v.when, status, id)),
      checkTemplate: (template, at, bound) => checkTemplate(template, at, 'all', call.id, bound),
    };
    for (const behaviour of CALL_BEHAVIOURS) out.push(...behaviour.validate(call, behaviourCtx));
    const bound = new Map<string, JsonSchema | undefined>(call.forEach !== undefined ? [[elementName(call), elementSchemaOf(call.forEach)]] : []);
    (call.requests ?? []).forEach((r, j) => {
      const at = jsonPath(callPath, 'requests', j);
      // The step's request comes once, before a fan-out's calls: it can name the list, not one element.
      const element = call.forEach !== undefined ? elementName(call) : undefined;
      const parsed = parseTemplate(r);
      const named = parsed.parts.find((p) => p.kind === 'ref' && p.ref.root === element);
      if (named && named.kind === 'ref')
        out.push(
          error(
            'element-in-request',
            at,
            `{${named.ref.source}}: the request of "${call.id}" comes once, before its calls, so it cannot name one element "${element}"; name the list instead (e.g. {${(call.forEach ?? '').replace(/^\{|\}$/g, '').replace(/\[\*\]$/, '')}})`,
            { chainId, callId: call.id },
          ),
        );
      else checkTemplate(r, at, ancestors(call.id), call.id);
    });

    const params = tool?.function.parameters;
    const properties = params && isPlainObject(params.properties) ? (params.properties as Record<string, JsonSchema>) : {};
    const required = params && Array.isArray(params.required) ? (params.required as string[]) : [];
    const args = call.args ?? {};
    for (const name of required) {
      if (!(name in args))
        out.push(
          error(
            'missing-required-arg',
            jsonPath(callPath, 'args', name),
            `call "${call.id}" gives no value for "${name}", a required argument of ${call.tool}`,
            extra,
          ),
        );
    }
    for (const [name, value] of Object.entries(args)) {
      const argPath = jsonPath(callPath, 'args', name);
      const schema = properties[name];
      if (tool && !schema) {
        const closed = params?.additionalProperties === false;
        const known = Object.keys(properties);
        out.push(
          (closed ? error : warning)(
            'unknown-arg',
            argPath,
            `${call.tool} has no parameter "${name}"${known.length ? ` (it has ${known.join(', ')})` : ''}`,
            extra,
          ),
        );
      }
      checkArgument(value, argPath, schema, call.id, bound);
    }
  });

  function checkArgument(
    value: JsonValue,
    argPath: string,
    schema: JsonSchema | undefined,
    callId: string,
    bound: ReadonlyMap<string, JsonSchema | undefined>,
  ): void {
    const extra = { chainId, callId };
    const refs = collectReferences(value);
    const parsedErrors = typeof value === 'string' ? parseTemplate(value).errors : [];
    for (const e of parsedErrors) out.push(error('bad-reference', argPath, e.message, extra));
    const refSchemas = refs.map(({ ref, at }) => ({ ref, at, schema: checkRef(ref, jsonPath(argPath, ...at), 'all', callId, bound) }));
    if (!schema) return;
    if (refs.length === 0 && parsedErrors.length === 0) {
      // A literal: check it exactly.
      for (const e of checkAgainstSchema(schema, value)) {
        out.push(
          error(
            'arg-type-mismatch',
            argPath,
            `the value ${JSON.stringify(value)} does not fit the parameter: ${e.path === '$' ? '' : `${e.path.slice(2)} `}${e.message}`,
            extra,
          ),
        );
      }
      return;
    }
    if (typeof value !== 'string') return; // references nested in objects/lists: checked on generated examples
    const whole = parseTemplate(value).whole;
    if (!whole) {
      if (!typesCompatible({ type: 'string' }, schema))
        out.push(error('arg-type-mismatch', argPath, `"${value}" makes a text, but the parameter expects ${describeTypes(schemaTypes(schema))}`, extra));
      return;
    }
    if (slotNames.has(whole.root) && whole.path.length === 0 && !bound.has(whole.root)) {
      const samples = slotSamples(slots[whole.root]);
      if ('values' in samples) {
        for (const v of samples.values) {
          const errors = checkAgainstSchema(schema, v);
          if (errors.length) {
            out.push(
              error(
                'arg-type-mismatch',
                argPath,
                `the slot "${whole.root}" can be ${JSON.stringify(v)}, which does not fit the parameter: ${errors[0].message}`,
                extra,
              ),
            );
            break;
          }
        }
      } else if (!typesCompatible(samples.schema, schema)) {
        out.push(
          error(
            'arg-type-mismatch',
            argPath,
            `the slot "${whole.root}" gives ${describeTypes(schemaTypes(samples.schema))}, but the parameter expects ${describeTypes(schemaTypes(schema))}`,
            extra,
          ),
        );
      }
      return;
    }
    const reached = refSchemas[0]?.schema;
    if (reached && !typesCompatible(reached, schema)) {
      out.push(
        error(
          'arg-type-mismatch',
          argPath,
          `{${whole.source}} gives ${describeTypes(schemaTypes(reached))}, but the parameter expects ${describeTypes(schemaTypes(schema))}`,
          extra,
        ),
      );
    }
  }

  // Calls whose result may be missing in an example: a `when`, a confirmation the user may
  // decline, a failure without a retry, or waiting for such a call.
  // `mayNotRun` maps each such call to the calls whose own behaviour may leave it out.
  const mayNotRun = new Map<string, Set<string>>();
  if (planned.ok) {
    const preds = new Map<string, string[]>();
    for (const d of planned.plan.dependencies) if (!d.status) preds.set(d.to, [...(preds.get(d.to) ?? []), d.from]);
    for (const id of planned.plan.levels.flat()) {
      const call = callById.get(id);
      const causes = new Set<string>();
      if (call !== undefined && (call.when !== undefined || call.confirm !== undefined || (call.failure !== undefined && recoverOf(call) === 'report')))
        causes.add(id);
      for (const p of preds.get(id) ?? []) for (const c of mayNotRun.get(p) ?? []) causes.add(c);
      if (causes.size) mayNotRun.set(id, causes);
    }
  }
  checkReply(
    chain,
    path,
    (template, at, allow, errorResults) => {
      if (errorResults.size === 0) return checkTemplate(template, at, allow);
      // A failed call's error result: its own fields, not the tool's returns (the reference still counts as a use).
      const parsed = parseTemplate(template);
      for (const e of parsed.errors) out.push(error('bad-reference', at, e.message, { chainId }));
      for (const part of parsed.parts) {
        if (part.kind !== 'ref') continue;
        if (errorResults.has(part.ref.root)) usedResults.add(part.ref.root);
        else checkRef(part.ref, at, allow);
      }
    },
    (cond, at) => {
      for (const id of conditionCallIds(cond))
        if (!callById.has(id)) out.push(error('unknown-call', at, `the condition names "${id}", which is not a call of this chain`, { chainId }));
      out.push(...checkCondition(cond, at, { chainId, schemaOf: (ref) => checkRef(ref, at, 'all') }));
    },
    mayNotRun,
    fanOuts,
    out,
  );

  for (const name of slotNames) {
    if (!usedSlots.has(name))
      out.push(warning('unused-slot', jsonPath(path, 'slots', name), `the slot "${name}" is never used in a request, an argument or the reply`, { chainId }));
  }
  if (chain.reply !== undefined) {
    chain.calls.forEach((call, i) => {
      if (!usedResults.has(call.id)) {
        out.push(
          warning(
            'unused-result',
            jsonPath(path, 'calls', i),
            `nothing uses the result of "${call.id}" and the reply does not mention it: the final answer should report what each call did`,
            { chainId, callId: call.id },
          ),
        );
      }
    });
  }
}
