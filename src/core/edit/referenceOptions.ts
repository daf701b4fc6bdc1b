import type { Project } from '../project/types.ts';
import { chainDependencies } from '../graph/dependencies.ts';
import { parseTemplate } from '../refs/parse.ts';
import { schemaAtPath, typesCompatible } from '../refs/schemaPath.ts';
import { toolResultSchema } from '../validate/project.ts';
import { findChain, findTool, parameterSchema } from './access.ts';
import { resultFields } from './fields.ts';
import { descendants } from './lineage.ts';
import { referenceForConnection } from './reference.ts';
import { elementSchema, valueOptions } from './referenceScope.ts';
import { elementName } from '../calls/forEach.ts';

/** One entry of the inspector's reference picker. */
export interface ReferenceOption {
  callId: string;
  tool: string;
  /** The result field handle, `rooms[].room_id`. */
  field: string;
  /** The reference text that wiring it into the argument writes, `{rooms.rooms[0].room_id}`. */
  reference: string;
  /** JSON types the field may hold (`string`, `array`, …); empty means any. */
  types: string[];
  /** The field's type does not fit the parameter. */
  typeMismatch: boolean;
}

/** The calls `callId` may use without closing a cycle: not itself, not those that wait for it. With no callId: all. */
function usableCalls(project: Project, chainId: string, callId?: string) {
  const chain = findChain(project, chainId);
  if (!chain) return [];
  const later = callId ? descendants(chainDependencies(chain), callId) : new Set<string>();
  const slots = chain.slots ?? {};
  return chain.calls.filter((c) => c.id !== callId && !later.has(c.id) && !Object.prototype.hasOwnProperty.call(slots, c.id));
}

/** Result fields of every call that `callId` may use (any call that does not wait for it, not itself), with the reference each would write into `arg`. */
export function referenceOptions(project: Project, chainId: string, callId: string, arg: string): ReferenceOption[] {
  const chain = findChain(project, chainId);
  const target = chain?.calls.find((c) => c.id === callId);
  if (!chain || !target) return [];
  const param = parameterSchema(findTool(project, target.tool), arg);
  const out: ReferenceOption[] = [];
  // A fan-out call's element first: its fields are what each of its calls is about.
  if (target.forEach !== undefined) {
    const element = elementSchema(project, chain, target.forEach);
    const name = elementName(target);
    for (const { values: _values, ...o } of valueOptions(project, chainId, { kind: 'where', callId })) {
      if (o.callId !== name) continue;
      const ref = parseTemplate(o.reference).whole;
      const reached = element && ref ? schemaAtPath(element, ref.path.slice()) : undefined;
      const typeMismatch = !!param && !!reached?.ok && !typesCompatible(reached.schema, param);
      out.push({ ...o, typeMismatch });
    }
  }
  for (const call of usableCalls(project, chainId, callId)) {
    const tool = findTool(project, call.tool);
    if (!tool) continue;
    for (const field of resultFields(tool)) {
      const reference = referenceForConnection(call.id, field.path, param);
      const ref = parseTemplate(reference).whole;
      const reached = ref ? schemaAtPath(toolResultSchema(tool), ref.path) : undefined;
      const typeMismatch = !!param && !!reached?.ok && !typesCompatible(reached.schema, param);
      out.push({ callId: call.id, tool: call.tool, field: field.path, reference, types: field.types, typeMismatch });
      // A list also gives its length (`.length`, an integer).
      if (field.isList && ref) {
        const length = `{${ref.source.replace(/\[\*\]$/, '')}.length}`;
        const mismatch = !!param && !typesCompatible({ type: 'integer' }, param);
        out.push({
          callId: call.id,
          tool: call.tool,
          field: field.path === '$' ? 'length' : `${field.path}.length`,
          reference: length,
          types: ['integer'],
          typeMismatch: mismatch,
        });
      }
    }
  }
  return out;
}

/**
 * Completions for a template: `{slot}` for every slot, and `{call.path}` for call results
 * (list steps as `[0]`). With `callId`, only calls it may use (not itself, not those that wait for it).
 */
export function templateCompletions(project: Project, chainId: string, callId?: string): string[] {
  const chain = findChain(project, chainId);
  if (!chain) return [];
  const out = Object.keys(chain.slots ?? {}).map((s) => `{${s}}`);
  for (const call of usableCalls(project, chainId, callId)) {
    const tool = findTool(project, call.tool);
    if (!tool) continue;
    for (const field of resultFields(tool)) out.push(referenceForConnection(call.id, field.path, undefined));
  }
  return [...new Set(out)];
}
