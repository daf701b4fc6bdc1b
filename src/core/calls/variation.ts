import type { Chain, JsonSchema, Project } from '../project/types.ts';
import { DEFAULT_WHEN_RATE } from '../project/types.ts';
import { describeCondition } from '../conditions/describe.ts';
import { conditionCallIds, conditionReferences } from '../conditions/references.ts';
import type { Dependency } from '../graph/dependencies.ts';
import { parseTemplate } from '../refs/parse.ts';
import { schemaAtPath } from '../refs/schemaPath.ts';
import { fanOutLengths } from './fanOutLengths.ts';
import { recoverOf } from './failure.ts';
import { DEFAULT_YES_RATE } from '../project/types.ts';

/**
 * How a call of the design varies from example to example, in numbers and in words, for the
 * plan, the canvas and `plan --json`. A call without `forEach` or `when` that waits for no
 * such call has none.
 */
export interface CallVariation {
  /** Fewest and most concrete calls it makes in one example (`max` null: no bound known). */
  min: number;
  max: number | null;
  /** E.g. "once for each element of tasks.tasks where task.priority = high: 0 to 5 calls". */
  words: string;
  /** Its result may be missing in an example (condition false, declined, failed without a retry, or waiting for such a call). */
  missing: boolean;
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** The range of concrete calls of each fan-out or conditional call, and of the calls waiting for one. */
export function callVariations(
  project: Project,
  chain: Chain,
  dependencies: readonly Dependency[],
  order: readonly string[],
  criticalPath: readonly string[] = [],
): Map<string, CallVariation> {
  const out = new Map<string, CallVariation>();
  const byId = new Map(chain.calls.map((c) => [c.id, c]));
  const tools = new Map(project.tools.map((t) => [t.function.name, t]));
  const preds = new Map<string, string[]>();
  const succs = new Map<string, string[]>();
  for (const d of dependencies) {
    if (d.status) continue; // asks what happened, runs either way
    preds.set(d.to, [...(preds.get(d.to) ?? []), d.from]);
    succs.set(d.from, [...(succs.get(d.from) ?? []), d.to]);
  }
  const critical = new Set(criticalPath);
  /** Every call that waits, directly or not, for `id`. */
  const dependents = (id: string): string[] => {
    const seen = new Set<string>();
    const walk = (x: string) => {
      for (const s of succs.get(x) ?? []) {
        if (seen.has(s)) continue;
        seen.add(s);
        walk(s);
      }
    };
    walk(id);
    return order.filter((x) => seen.has(x));
  };
  /** The calls that neither wait for `id` nor are waited for by it. */
  const independent = (id: string): string[] => {
    const after = new Set(dependents(id));
    const before = new Set<string>();
    const walk = (x: string) => {
      for (const p of preds.get(x) ?? []) {
        if (before.has(p)) continue;
        before.add(p);
        walk(p);
      }
    };
    walk(id);
    return order.filter((x) => x !== id && !after.has(x) && !before.has(x));
  };

  for (const id of order) {
    const call = byId.get(id);
    if (!call) continue;
    const parts: string[] = [];
    let min = 1;
    let max: number | null = 1;
    const mayNotRun = (preds.get(id) ?? []).filter((p) => out.get(p)?.missing ?? false);
    let missing = false;
    if (call.when !== undefined) {
      parts.push(
        `only when ${describeCondition(call.when)} (${conditionCallIds(call.when).length && !conditionReferences(call.when).length ? 'as the earlier calls turn out' : `steered to hold in about ${percent(call.whenRate ?? DEFAULT_WHEN_RATE)} of the examples`})`,
      );
      min = 0;
      missing = true;
    }
    if (mayNotRun.length) {
      parts.push(
        `only when ${mayNotRun.join(' and ')} gave ${mayNotRun.length === 1 ? 'its result' : 'their results'}, since it needs ${mayNotRun.length === 1 ? 'it' : 'them'}`,
      );
      min = 0;
      missing = true;
    }
    if (call.confirm) {
      parts.push(
        `asks the user first (yes in about ${percent(call.confirm.yesRate ?? DEFAULT_YES_RATE)} of the examples); on no it does not run${dependents(id).length ? `, nor ${dependents(id).join(', ')}` : ''}`,
      );
      min = 0;
      missing = true;
    }
    if (call.failure) {
      const recover = recoverOf(call);
      const stops = dependents(id);
      const then =
        recover === 'report'
          ? `not retried: ${stops.length ? `${stops.join(', ')} then do${stops.length === 1 ? 'es' : ''} not run` : 'nothing else needs its result'}${independent(id).length ? `; ${independent(id).join(', ')} still run${independent(id).length === 1 ? 's' : ''}` : ''}`
          : `retried in the next turn${recover === 'retryWith' ? ' with other arguments' : ''}, which adds a turn`;
      parts.push(`fails in about ${percent(call.failure.rate)} of the examples, then ${then}${critical.has(id) ? ' (it is on the critical path)' : ''}`);
      if (recover === 'report') missing = true;
    }
    if (call.forEach !== undefined) {
      const whole = parseTemplate(call.forEach).whole;
      const source = whole ? whole.source.replace(/\[\*\]$/, '') : call.forEach;
      const range = whole ? listRange(whole.root, whole.path, byId, tools, out, chain) : null;
      let lo = range ? range.lo : 0;
      const hi = range ? range.hi : null;
      if (call.where !== undefined) lo = 0;
      if (call.when !== undefined || mayNotRun.length) lo = 0;
      min = lo;
      max = hi;
      const filter = call.where !== undefined ? ` where ${describeCondition(call.where)}` : '';
      parts.unshift(`once for each element of ${source}${filter}`);
    }
    if (!parts.length) continue;
    if (call.when === undefined && !call.confirm && !mayNotRun.length && !call.forEach) {
      // Only a failure: the call is made (once, or twice with its retry).
      out.set(id, { min: 1, max: 1, words: parts.join(', '), missing });
      continue;
    }
    const count = max === null ? `${min} or more calls` : min === max ? `${min} call${min === 1 ? '' : 's'}` : `${min} to ${max} calls`;
    out.set(id, {
      min,
      max,
      words: call.forEach !== undefined ? `${parts.join(', ')}: ${count}${max === null || max > 1 ? ' in parallel' : ''}` : parts.join(', '),
      missing,
    });
  }
  return out;
}

/** How many elements the list of a `forEach` may have: from the schema, or a fan-out's own range. */
function listRange(
  root: string,
  path: readonly import('../refs/types.ts').PathSegment[],
  byId: Map<string, Chain['calls'][number]>,
  tools: Map<string, Project['tools'][number]>,
  known: Map<string, CallVariation>,
  chain: Chain,
): { lo: number; hi: number | null } | null {
  const target = byId.get(root);
  if (!target) {
    // A slot: a list of fixed values gives its lengths.
    const spec = chain.slots?.[root];
    if (spec && typeof spec === 'object' && !Array.isArray(spec) && Array.isArray((spec as { oneOf?: unknown }).oneOf)) {
      const lengths = (spec as { oneOf: unknown[] }).oneOf.map((v) => (Array.isArray(v) ? v.length : 1));
      return { lo: Math.min(...lengths), hi: Math.max(...lengths) };
    }
    if (Array.isArray(spec)) return { lo: spec.length, hi: spec.length };
    return null;
  }
  if (target.forEach !== undefined) {
    const v = known.get(root);
    return v ? { lo: v.min, hi: v.max } : null;
  }
  const tool = tools.get(target.tool);
  if (!tool?.returns) return null;
  const listPath = path.length && path[path.length - 1].kind === 'all' ? path.slice(0, -1) : path;
  const list = schemaAtPath(tool.returns, listPath);
  if (!list.ok) return null;
  const schema: JsonSchema = list.schema;
  return fanOutLengths(schema);
}
