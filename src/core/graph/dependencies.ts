import type { Chain } from '../project/types.ts';
import { collectReferences } from '../refs/parse.ts';
import { jsonPath } from '../validate/diagnostics.ts';

/** One value that flows along an edge: which argument takes which part of which result. */
export interface DataField {
  /** Where in the arguments the reference stands, e.g. `room_id` or `filters.owner`. */
  arg: string;
  /** The reference without braces, e.g. `rooms.rooms[0].room_id`. */
  ref: string;
  /** The result field named last in the reference, e.g. `room_id` (or the whole result). */
  field: string;
}

/** An edge of the DAG: `to` must wait for `from`. */
export interface Dependency {
  from: string;
  to: string;
  /** `data` when a value flows (possibly also listed in `after`); `order` for `after` alone. */
  kind: 'data' | 'order';
  fields: DataField[];
}

/** The argument path without the leading `$.`: `$.filters.owner` → `filters.owner`. */
function argPath(at: (string | number)[]): string {
  return jsonPath('$', ...at).replace(/^\$\.?/, '');
}

/**
 * The edges of a chain, in call order: every reference from an argument to another call's
 * result, plus `after`. References to unknown calls, slots and self are not edges
 * (validation reports the unknown and self ones).
 */
export function chainDependencies(chain: Chain): Dependency[] {
  const ids = new Set(chain.calls.map((c) => c.id));
  const slots = new Set(Object.keys(chain.slots ?? {}));
  const edges = new Map<string, Dependency>();
  const edge = (from: string, to: string): Dependency => {
    const key = `${from}\u0000${to}`;
    let d = edges.get(key);
    if (!d) {
      d = { from, to, kind: 'order', fields: [] };
      edges.set(key, d);
    }
    return d;
  };
  for (const call of chain.calls) {
    for (const { ref, at } of collectReferences(call.args ?? {})) {
      if (!ids.has(ref.root) || slots.has(ref.root) || ref.root === call.id) continue;
      const d = edge(ref.root, call.id);
      d.kind = 'data';
      const lastKey = [...ref.path].reverse().find((s) => s.kind === 'key');
      d.fields.push({ arg: argPath(at), ref: ref.source, field: lastKey && lastKey.kind === 'key' ? lastKey.key : ref.root });
    }
    for (const before of call.after ?? []) {
      if (ids.has(before) && before !== call.id) edge(before, call.id);
    }
  }
  return [...edges.values()];
}
