import type { Call, Chain, JsonValue } from '../project/types.ts';
import { CALL_BEHAVIOURS } from '../calls/index.ts';
import { collectReferences } from '../refs/parse.ts';
import { conditionCallIds } from '../conditions/references.ts';
import type { Condition } from '../conditions/types.ts';
import { jsonPath } from '../validate/diagnostics.ts';

/** One value that flows along an edge: which argument takes which part of which result. */
export interface DataField {
  /**
   * Where in the call the reference stands: in the arguments, `room_id` or `filters.owner`;
   * in a behaviour, prefixed by its key: `forEach`, `when.value`, `where.all[0].value`.
   */
  arg: string;
  /** The behaviour that reads it (`forEach`, `when`, `where`, a confirmation's question, a retry's arguments, a result pin), absent for an argument. */
  via?: 'forEach' | 'when' | 'where' | 'confirm' | 'failure' | 'result';
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
  /**
   * The only reason to wait: a condition asks what happened to `from` (`{ "ran": … }`,
   * `failed`, `declined`). Such a wait orders the calls, but `to` still runs when `from` did not.
   */
  status?: true;
}

/** The argument path without the leading `$.`: `$.filters.owner` → `filters.owner`. */
function argPath(at: (string | number)[]): string {
  return jsonPath('$', ...at).replace(/^\$\.?/, '');
}

/**
 * Everything a call reads before it runs: its arguments, and what its behaviours read
 * (`forEach`, `where`, `when`), each with the path under the call (`args` paths without
 * the `args` key, behaviour paths with theirs). Names the call binds (`as`) are not reads.
 */
export function callReads(call: Call): { value: JsonValue; at: (string | number)[]; via?: DataField['via'] }[] {
  const out: { value: JsonValue; at: (string | number)[]; via?: DataField['via'] }[] = [{ value: call.args ?? {}, at: [] }];
  for (const b of CALL_BEHAVIOURS) for (const r of b.reads(call)) out.push({ ...r, via: r.at[0] as DataField['via'] });
  return out;
}

/** The last answer per chain object, kept while its calls and slots are the same objects. */
const known = new WeakMap<Chain, { calls: readonly Call[]; slots: Chain['slots']; dependencies: Dependency[] }>();

/**
 * The edges of a chain, in call order: every reference from an argument or a behaviour
 * (`forEach`, `where`, `when`) to another call's result, plus `after`. References to unknown
 * calls, slots, the call's own element name and self are not edges (validation reports the
 * unknown and self ones).
 *
 * Worked out once per chain object (a project is immutable once handed over: an edit makes a
 * new chain): the plan, the layout and each of the inspector's pickers ask for the same chain,
 * and with thousands of calls every answer took tens of milliseconds. The answer is shared:
 * callers must not change it.
 */
export function chainDependencies(chain: Chain): Dependency[] {
  const last = known.get(chain);
  if (last && last.slots === chain.slots && sameCalls(last.calls, chain.calls)) return last.dependencies;
  const dependencies = computeDependencies(chain);
  known.set(chain, { calls: [...chain.calls], slots: chain.slots, dependencies });
  return dependencies;
}

function sameCalls(a: readonly Call[], b: readonly Call[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

function computeDependencies(chain: Chain): Dependency[] {
  const ids = new Set(chain.calls.map((c) => c.id));
  const slots = new Set(Object.keys(chain.slots ?? {}));
  const edges = new Map<string, Dependency>();
  const edge = (from: string, to: string, status = false): Dependency => {
    const key = `${from}\u0000${to}`;
    let d = edges.get(key);
    if (!d) {
      d = status ? { from, to, kind: 'order', fields: [], status: true } : { from, to, kind: 'order', fields: [] };
      edges.set(key, d);
    } else if (!status) delete d.status;
    return d;
  };
  for (const call of chain.calls) {
    const bound = new Set(CALL_BEHAVIOURS.flatMap((b) => b.binds(call)));
    for (const read of callReads(call)) {
      for (const { ref, at } of collectReferences(read.value, read.at)) {
        if (!ids.has(ref.root) || slots.has(ref.root) || bound.has(ref.root) || ref.root === call.id) continue;
        const d = edge(ref.root, call.id);
        d.kind = 'data';
        const lastKey = [...ref.path].reverse().find((s) => s.kind === 'key');
        const field: DataField = { arg: argPath(at), ref: ref.source, field: lastKey && lastKey.kind === 'key' ? lastKey.key : ref.root };
        if (read.via) field.via = read.via;
        d.fields.push(field);
      }
    }
    for (const before of call.after ?? []) {
      if (ids.has(before) && before !== call.id) edge(before, call.id);
    }
    // `{ "ran": id }` and the like in `when` / `where`: decided only once `id` has had its turn.
    for (const cond of [call.when, call.where]) {
      if (cond === undefined) continue;
      for (const id of conditionCallIds(cond as Condition)) if (ids.has(id) && id !== call.id) edge(id, call.id, true);
    }
  }
  return [...edges.values()];
}
