import type { Chain, Project } from '../project/types.ts';
import { collectReferences, parseTemplate } from '../refs/parse.ts';
import { jsonPath } from '../validate/diagnostics.ts';
import { fieldPathOf } from './fields.ts';

/** React Flow handle ids of a node's header: order-only (`after`) edges start and end there. */
export const ORDER_SOURCE_HANDLE = 'after-out';
export const ORDER_TARGET_HANDLE = 'after-in';

/**
 * One edge as the file holds it: a reference from an argument to another call's result
 * (`data`), or an `after` entry (`order`, drawn dashed).
 *
 * Ids: `data:<reference>-><target>:<argPath>` (e.g. `data:rooms.rooms[0].room_id->book:room_id`),
 * `order:<source>-><target>`. The same reference twice in one argument is one edge.
 */
export interface ChainEdge {
  id: string;
  kind: 'data' | 'order';
  source: string;
  target: string;
  /** The result field handle (`rooms[].room_id`, `$` for the whole result), or ORDER_SOURCE_HANDLE. */
  sourceHandle: string;
  /** The argument name (top-level parameter), or ORDER_TARGET_HANDLE. */
  targetHandle: string;
  /** Where inside the arguments the reference stands: `room_id`, `filters.owner`, `ids[0]`. */
  argPath: string;
  /** The reference without braces, `rooms.rooms[0].room_id` (empty for order edges): the edge's label. */
  label: string;
  /** The argument is exactly this reference (else it is embedded in a longer text). */
  whole: boolean;
}

/** `room_id`, `filters.owner`, `ids[0]`: where a reference stands in a call's arguments. */
export function argPathText(at: readonly (string | number)[]): string {
  return jsonPath('$', ...at).replace(/^\$\.?/, '');
}

export const dataEdgeId = (reference: string, target: string, argPath: string) => `data:${reference}->${target}:${argPath}`;
export const orderEdgeId = (source: string, target: string) => `order:${source}->${target}`;

/**
 * The edges of a chain in call order: each reference from an argument to another call of
 * the chain (a slot of the same name wins, as in references), then each valid `after` entry.
 * References to unknown calls or to the call itself are not edges (validation reports them).
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
      out.push({ id, kind: 'order', source: before, target: call.id, sourceHandle: ORDER_SOURCE_HANDLE, targetHandle: ORDER_TARGET_HANDLE, argPath: '', label: '', whole: false });
    }
  }
  return out;
}
