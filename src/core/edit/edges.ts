import type { Call, Chain, Project } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import { collectReferences, parseTemplate } from '../refs/parse.ts';
import { jsonPath } from '../validate/diagnostics.ts';
import { COMBINATOR_KEYS, STATUS_KEYS, testOperators, type Condition } from '../conditions/types.ts';
import { describeCondition } from '../conditions/describe.ts';
import { elementName } from '../calls/forEach.ts';
import { fieldPathOf } from './fields.ts';

/** React Flow handle ids of a node's header: order-only (`after`) edges start and end there. */
export const ORDER_SOURCE_HANDLE = 'after-out';
export const ORDER_TARGET_HANDLE = 'after-in';
/** Handle ids of a call's strips: the list of a fan-out (and its filter's reads) ends at the "for each" strip, a condition's reads at the "only if" strip. */
export const FOREACH_TARGET_HANDLE = 'forEach-in';
export const WHEN_TARGET_HANDLE = 'when-in';

/**
 * One edge as the file holds it: a reference from an argument to another call's result
 * (`data`), an `after` entry (`order`, drawn dashed), the list a fan-out goes through
 * (`each`, from the list field to the call's "for each" strip), or a reference or call a
 * condition reads (`condition`, dashed, to the "only if" strip; a filter's to "for each").
 *
 * Ids: `data:<reference>-><target>:<argPath>` (e.g. `data:rooms.rooms[0].room_id->book:room_id`),
 * `order:<source>-><target>`, `each:<reference>-><target>`,
 * `when:<reference>-><target>:when` (one per reference, however many tests read it),
 * `when:<status>-><target>:<path>`, and `where:…` likewise. The same reference twice in one
 * argument is one edge.
 */
export interface ChainEdge {
  id: string;
  kind: 'data' | 'order' | 'each' | 'condition';
  source: string;
  target: string;
  /** The result field handle (`rooms[].room_id`, `$` for the whole result), or ORDER_SOURCE_HANDLE. */
  sourceHandle: string;
  /** The argument name (top-level parameter), ORDER_TARGET_HANDLE, FOREACH_TARGET_HANDLE or WHEN_TARGET_HANDLE. */
  targetHandle: string;
  /** Where inside the arguments the reference stands: `room_id`, `filters.owner`, `ids[0]`; for a behaviour its key and path: `forEach`, `when.all[0].value`. */
  argPath: string;
  /**
   * The reference without braces, `rooms.rooms[0].room_id` (empty for order edges): the
   * edge's label. `each` for a fan-out's list; a condition's test in words
   * (`cal.events.length > 0`, `prep ran`).
   */
  label: string;
  /** A behaviour edge's reference without braces (`tasks.tasks[*]`, `cal.events.length`), or the status it asks about (`prep ran`). */
  reference?: string;
  /** The argument is exactly this reference (else it is embedded in a longer text). */
  whole: boolean;
}

/** `room_id`, `filters.owner`, `ids[0]`: where a reference stands in a call's arguments. */
export function argPathText(at: readonly (string | number)[]): string {
  return jsonPath('$', ...at).replace(/^\$\.?/, '');
}

export const dataEdgeId = (reference: string, target: string, argPath: string) => `data:${reference}->${target}:${argPath}`;
export const orderEdgeId = (source: string, target: string) => `order:${source}->${target}`;
export const eachEdgeId = (reference: string, target: string) => `each:${reference}->${target}`;
export const conditionEdgeId = (key: 'when' | 'where', what: string, target: string, at: string) => `${key}:${what}->${target}:${at}`;

const hasOwn = Object.prototype.hasOwnProperty;

/** The tests of a condition (with their paths) and its status conditions, depth first. */
function conditionParts(cond: unknown, at: (string | number)[], out: { node: { [key: string]: unknown }; at: (string | number)[] }[] = []) {
  if (!isPlainObject(cond)) return out;
  out.push({ node: cond, at });
  for (const key of COMBINATOR_KEYS) {
    if (!hasOwn.call(cond, key)) continue;
    const inner = cond[key];
    if (key === 'not') conditionParts(inner, [...at, key], out);
    else if (Array.isArray(inner)) inner.forEach((item, i) => conditionParts(item, [...at, key, i], out));
  }
  return out;
}

/** The edges of a call's behaviours: its fan-out's list, and what its `when` and `where` read from other calls. */
function behaviourEdges(call: Call, ids: ReadonlySet<string>, slots: ReadonlySet<string>, seen: Set<string>, out: ChainEdge[]): void {
  const isCall = (root: string) => ids.has(root) && !slots.has(root) && root !== call.id;
  if (call.forEach !== undefined) {
    const whole = parseTemplate(call.forEach).whole;
    if (whole && isCall(whole.root)) {
      const path = whole.path.length && whole.path[whole.path.length - 1].kind === 'all' ? whole.path.slice(0, -1) : whole.path;
      const id = eachEdgeId(whole.source, call.id);
      if (!seen.has(id)) {
        seen.add(id);
        out.push({
          id,
          kind: 'each',
          source: whole.root,
          target: call.id,
          sourceHandle: fieldPathOf(path),
          targetHandle: FOREACH_TARGET_HANDLE,
          argPath: 'forEach',
          label: 'each',
          reference: whole.source,
          whole: true,
        });
      }
    }
  }
  const element = call.forEach !== undefined ? elementName(call) : null;
  for (const key of ['when', 'where'] as const) {
    const cond = call[key];
    if (cond === undefined) continue;
    const targetHandle = key === 'when' ? WHEN_TARGET_HANDLE : FOREACH_TARGET_HANDLE;
    for (const { node, at } of conditionParts(cond, [key])) {
      for (const status of STATUS_KEYS) {
        const id = node[status];
        if (typeof id !== 'string' || !isCall(id)) continue;
        const what = `${id} ${status === 'declined' ? 'was declined' : status}`;
        const edgeId = conditionEdgeId(key, what, call.id, argPathText(at));
        if (seen.has(edgeId)) continue;
        seen.add(edgeId);
        out.push({
          id: edgeId,
          kind: 'condition',
          source: id,
          target: call.id,
          sourceHandle: ORDER_SOURCE_HANDLE,
          targetHandle,
          argPath: argPathText(at),
          label: describeCondition(node as Condition),
          reference: what,
          whole: false,
        });
      }
      if (!hasOwn.call(node, 'value')) continue;
      const reads = [...collectReferences(node.value, [...at, 'value']), ...testOperators(node).flatMap((op) => collectReferences(node[op], [...at, op]))];
      for (const { ref, at: where } of reads) {
        if (!isCall(ref.root) || ref.root === element) continue;
        // One edge per reference: several tests of the same field share it, their words joined.
        const edgeId = conditionEdgeId(key, ref.source, call.id, key);
        const test = describeCondition(node as Condition);
        const known = out.find((e) => e.id === edgeId);
        if (known) {
          if (!known.label.split('; ').includes(test)) known.label += `; ${test}`;
          continue;
        }
        seen.add(edgeId);
        const label = (key === 'where' ? 'where ' : '') + test;
        out.push({
          id: edgeId,
          kind: 'condition',
          source: ref.root,
          target: call.id,
          sourceHandle: fieldPathOf(ref.path),
          targetHandle,
          argPath: argPathText(where),
          label,
          reference: ref.source,
          whole: false,
        });
      }
    }
  }
}

/**
 * The edges of a chain in call order: each reference from an argument to another call of
 * the chain (a slot of the same name wins, as in references), then each valid `after` entry,
 * then the behaviours' edges (fan-out lists, what conditions read). References to unknown
 * calls or to the call itself are not edges (validation reports them).
 */
export function chainEdges(_project: Project, chain: Chain): ChainEdge[] {
  const ids = new Set(chain.calls.map((c) => c.id));
  const slots = new Set(Object.keys(chain.slots ?? {}));
  const out: ChainEdge[] = [];
  const seen = new Set<string>();
  for (const call of chain.calls) {
    for (const { ref, at, template } of collectReferences(call.args ?? {})) {
      if (!ids.has(ref.root) || slots.has(ref.root) || ref.root === call.id || at.length === 0) continue;
      const argPath = argPathText(at);
      const id = dataEdgeId(ref.source, call.id, argPath);
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({
        id,
        kind: 'data',
        source: ref.root,
        target: call.id,
        sourceHandle: fieldPathOf(ref.path),
        targetHandle: String(at[0]),
        argPath,
        label: ref.source,
        whole: parseTemplate(template).whole !== null,
      });
    }
  }
  for (const call of chain.calls) {
    for (const before of call.after ?? []) {
      if (!ids.has(before) || before === call.id) continue;
      const id = orderEdgeId(before, call.id);
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({
        id,
        kind: 'order',
        source: before,
        target: call.id,
        sourceHandle: ORDER_SOURCE_HANDLE,
        targetHandle: ORDER_TARGET_HANDLE,
        argPath: '',
        label: '',
        whole: false,
      });
    }
  }
  for (const call of chain.calls)
    if (call.forEach !== undefined || call.when !== undefined || call.where !== undefined) behaviourEdges(call, ids, slots, seen, out);
  return out;
}
