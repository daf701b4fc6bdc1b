import type { Call, Project } from '../project/types.ts';
import { chainDependencies } from '../graph/dependencies.ts';
import { parseTemplate } from '../refs/parse.ts';
import { describeTypes, schemaAtPath, schemaTypes, typesCompatible } from '../refs/schemaPath.ts';
import { toolResultSchema } from '../validate/project.ts';
import { findChain, findTool, noCall, noChain, parameterSchema, replaceCall, replaceChain } from './access.ts';
import { chainEdges, dataEdgeId, orderEdgeId, argPathText } from './edges.ts';
import { fieldPathSegments, resultFields, WHOLE_RESULT } from './fields.ts';
import { dependencyPath } from './lineage.ts';
import { referenceForConnection } from './reference.ts';
import { rewriteValue } from './rewrite.ts';
import { edited, refused, type EditResult } from './types.ts';

export interface ConnectionSource {
  callId: string;
  /** A result field handle: `rooms[].room_id`, `$` for the whole result. */
  field: string;
}
export interface ConnectionTarget {
  callId: string;
  /** The argument (parameter) name. */
  arg: string;
}

/**
 * The cycle that an edge source → target would close, in order from `source`
 * (`[book, invite]` means book → invite → book), or null.
 */
export function cycleClosedBy(project: Project, chainId: string, sourceId: string, targetId: string): string[] | null {
  const chain = findChain(project, chainId);
  if (!chain) return null;
  const path = dependencyPath(chainDependencies(chain), targetId, sourceId);
  return path ? [sourceId, ...path.slice(0, -1)] : null;
}

const cycleText = (cycle: string[]) => [...cycle, cycle[0]].join(' → ');

/**
 * Wires a result field into an argument: the argument's value becomes the reference
 * (replacing what it held). Refused for a self-connection and for one that would close a
 * cycle (`cycle` lists the calls in order, the message names them: `book → invite → book`).
 * A type mismatch is allowed and returned as a warning. `reference` is the text written.
 */
export function connect(
  project: Project,
  chainId: string,
  source: ConnectionSource,
  target: ConnectionTarget,
): EditResult<{ reference: string; edgeId: string }> {
  const chain = findChain(project, chainId);
  if (!chain) return refused(noChain(chainId));
  const from = chain.calls.find((c) => c.id === source.callId);
  const to = chain.calls.find((c) => c.id === target.callId);
  if (!from) return refused(noCall(chainId, source.callId));
  if (!to) return refused(noCall(chainId, target.callId));
  if (from.id === to.id) return refused(`a call cannot use its own result (${from.id} → ${from.id})`, [from.id]);
  if (Object.prototype.hasOwnProperty.call(chain.slots ?? {}, from.id)) {
    return refused(`"${from.id}" is also a slot name, so a reference to it would mean the slot: rename the call or the slot first`);
  }
  const cycle = cycleClosedBy(project, chainId, from.id, to.id);
  if (cycle) return refused(`this connection would close the cycle ${cycleText(cycle)}`, cycle);

  const fromTool = findTool(project, from.tool);
  const segments = fieldPathSegments(source.field);
  if (!segments) return refused(`"${source.field}" is not a result field path`);
  if (fromTool && source.field !== WHOLE_RESULT && !resultFields(fromTool).some((f) => f.path === source.field)) {
    return refused(`the result of ${from.id} (${from.tool}) has no field "${source.field}"`);
  }
  const toTool = findTool(project, to.tool);
  const paramSchema = parameterSchema(toTool, target.arg);
  const reference = referenceForConnection(from.id, source.field, paramSchema);

  const warnings: string[] = [];
  if (toTool && !paramSchema) warnings.push(`${to.tool} has no parameter "${target.arg}": the argument is sent anyway`);
  const ref = parseTemplate(reference).whole!;
  if (fromTool && paramSchema) {
    const reached = schemaAtPath(toolResultSchema(fromTool), ref.path);
    if (reached.ok && !typesCompatible(reached.schema, paramSchema)) {
      warnings.push(
        `type mismatch: ${reference} gives ${describeTypes(schemaTypes(reached.schema))}, but ${to.id}.${target.arg} expects ${describeTypes(schemaTypes(paramSchema))}`,
      );
    }
  }
  const nextCall = { ...to, args: { ...(to.args ?? {}), [target.arg]: reference } };
  const next = replaceChain(project, chainId, replaceCall(chain, to.id, nextCall));
  return edited(next, warnings, { reference, edgeId: dataEdgeId(ref.source, to.id, argPathText([target.arg])) });
}

/** Removes an edge (id from `chainEdges`/`graphView`): a whole-reference argument is removed, an embedded reference is cut from its text; an order edge leaves `after`; a fan-out's `each` edge makes the call an ordinary one. A condition's edge is refused (the condition is edited in the inspector). */
export function disconnect(project: Project, chainId: string, edgeId: string): EditResult {
  const chain = findChain(project, chainId);
  if (!chain) return refused(noChain(chainId));
  const edge = chainEdges(project, chain).find((e) => e.id === edgeId);
  if (!edge) return refused(`chain "${chainId}" has no edge "${edgeId}"`);
  if (edge.kind === 'order') return removeOrder(project, chainId, edge.source, edge.target);
  const call = chain.calls.find((c) => c.id === edge.target)!;
  if (edge.kind === 'each') {
    // The fan-out goes: the call runs once again (its element, filter and name go with it).
    const next: Call = { ...call };
    delete next.forEach;
    delete next.as;
    delete next.where;
    return edited(replaceChain(project, chainId, replaceCall(chain, call.id, next)));
  }
  if (edge.kind === 'condition') {
    return refused(
      `this wire shows what the ${edge.argPath.startsWith('where') ? 'filter' : 'condition'} of ${call.id} reads (${edge.label}): change or remove it in the inspector`,
    );
  }
  const args = rewriteValue(call.args ?? {}, (ref, at) => (ref.source === edge.label && argPathText(at) === edge.argPath ? null : undefined)) as Call['args'];
  return edited(replaceChain(project, chainId, replaceCall(chain, call.id, { ...call, args })));
}

/** `target` runs after `source` (adds `source` to target's `after`). Same refusals as `connect`. */
export function addOrder(project: Project, chainId: string, sourceId: string, targetId: string): EditResult<{ edgeId: string }> {
  const chain = findChain(project, chainId);
  if (!chain) return refused(noChain(chainId));
  const to = chain.calls.find((c) => c.id === targetId);
  if (!chain.calls.some((c) => c.id === sourceId)) return refused(noCall(chainId, sourceId));
  if (!to) return refused(noCall(chainId, targetId));
  if (sourceId === targetId) return refused(`a call cannot run after itself (${sourceId} → ${sourceId})`, [sourceId]);
  const edgeId = orderEdgeId(sourceId, targetId);
  if (to.after?.includes(sourceId)) return edited(project, [`${targetId} already runs after ${sourceId}`], { edgeId });
  const cycle = cycleClosedBy(project, chainId, sourceId, targetId);
  if (cycle) return refused(`this order would close the cycle ${cycleText(cycle)}`, cycle);
  const warnings = chainDependencies(chain).some((d) => d.from === sourceId && d.to === targetId && d.kind === 'data')
    ? [`${targetId} already waits for ${sourceId}: it uses its result`]
    : [];
  return edited(replaceChain(project, chainId, replaceCall(chain, targetId, { ...to, after: [...(to.after ?? []), sourceId] })), warnings, { edgeId });
}

/** `target` no longer runs after `source` (removes it from `after`; an empty `after` is removed). */
export function removeOrder(project: Project, chainId: string, sourceId: string, targetId: string): EditResult {
  const chain = findChain(project, chainId);
  if (!chain) return refused(noChain(chainId));
  const to = chain.calls.find((c) => c.id === targetId);
  if (!to) return refused(noCall(chainId, targetId));
  if (!to.after?.includes(sourceId)) return refused(`${targetId} is not set to run after ${sourceId}`);
  const after = to.after.filter((a) => a !== sourceId);
  const next = { ...to };
  if (after.length) next.after = after;
  else delete next.after;
  return edited(replaceChain(project, chainId, replaceCall(chain, targetId, next)));
}
