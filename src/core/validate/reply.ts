import type { Chain } from '../project/types.ts';
import type { Condition } from '../conditions/types.ts';
import { conditionCallIds, conditionReferences } from '../conditions/references.ts';
import { parseTemplate } from '../refs/parse.ts';
import { jsonPath, warning, type Diagnostic } from './diagnostics.ts';

/** The reply's templates with the condition guarding each (none for a plain reply or a last variant). */
export function replyTemplates(chain: Chain): { template: string; at: (string | number)[]; when: Condition | undefined }[] {
  const reply = chain.reply;
  if (reply === undefined) return [];
  if (typeof reply === 'string') return [{ template: reply, at: ['reply'], when: undefined }];
  const out: { template: string; at: (string | number)[]; when: Condition | undefined }[] = [];
  reply.forEach((variant, i) => {
    if (typeof variant.text === 'string') out.push({ template: variant.text, at: ['reply', i, 'text'], when: variant.when });
    (variant.texts ?? []).forEach((t, j) => out.push({ template: t, at: ['reply', i, 'texts', j], when: variant.when }));
  });
  return out;
}

/**
 * The calls a reply variant's condition names (by reference or by `ran`): reading them in the
 * variant's text is guarded, since the variant applies only when the condition held on them.
 */
function guardedBy(when: Condition | undefined): Set<string> {
  if (!when) return new Set();
  return new Set([...conditionReferences(when).map((r) => r.ref.root), ...conditionCallIds(when)]);
}

/**
 * Checks the reply: every template's references, every variant's condition, the variants'
 * order (a variant after one without `when` is never used), and `unguarded-reference`: a
 * text that reads a call which may not have run (a `when`, or waiting for one), or an element
 * of a fan-out's results that may be empty, without a variant condition that names it.
 */
export function checkReply(
  chain: Chain,
  path: string,
  checkTemplate: (template: string, at: string, allowCalls: 'all', errorResults: ReadonlySet<string>) => void,
  checkCond: (cond: Condition, at: string) => void,
  mayNotRun: ReadonlyMap<string, ReadonlySet<string>>,
  fanOuts: ReadonlySet<string>,
  out: Diagnostic[],
): void {
  const chainId = chain.id;
  const reply = chain.reply;
  if (reply === undefined) return;
  if (Array.isArray(reply)) {
    reply.forEach((variant, i) => {
      if (variant.when !== undefined) checkCond(variant.when, jsonPath(path, 'reply', i, 'when'));
      else if (i < reply.length - 1)
        out.push(
          warning(
            'unreachable-reply',
            jsonPath(path, 'reply', i + 1),
            `reply variant ${i + 1} has no "when", so it is always chosen and the variants after it are never used`,
            { chainId },
          ),
        );
    });
    if (reply[reply.length - 1].when !== undefined) {
      out.push(
        warning(
          'no-fallback-reply',
          jsonPath(path, 'reply', reply.length - 1),
          `the last reply variant has a "when": when no variant holds the example gets the default summary; end with a variant without "when"`,
          { chainId },
        ),
      );
    }
  }
  // A variant after one whose condition is exactly `{ "declined": X }` or `{ "failed": X }` applies
  // only when X was not declined (did not fail): reading what needs X there is safe, as far as X goes.
  const excludedBefore = (index: number): Set<string> => {
    const out = new Set<string>();
    if (!Array.isArray(reply)) return out;
    for (const v of reply.slice(0, index)) {
      const w = v.when as { declined?: unknown; failed?: unknown } | undefined;
      if (w && Object.keys(w).length === 1 && typeof (w.declined ?? w.failed) === 'string') out.add((w.declined ?? w.failed) as string);
    }
    return out;
  };
  for (const { template, at, when } of replyTemplates(chain)) {
    const place = jsonPath(path, ...at);
    // In a variant for `{ "failed": X }`, X's result is its error: its fields follow no returns schema.
    const w = when as { failed?: unknown } | undefined;
    checkTemplate(template, place, 'all', new Set(w && typeof w.failed === 'string' ? [w.failed] : []));
    const guarded = guardedBy(when);
    const excluded = excludedBefore(typeof at[1] === 'number' ? at[1] : 0);
    const reported = new Set<string>();
    for (const part of parseTemplate(template).parts) {
      if (part.kind !== 'ref') continue;
      const { root, path: refPath } = part.ref;
      if (guarded.has(root) || reported.has(root)) continue;
      const indexed = refPath.length > 0 && (refPath[0].kind === 'index' || refPath[0].kind === 'pick');
      const causes = mayNotRun.get(root);
      if (causes && [...causes].some((c) => !excluded.has(c))) {
        reported.add(root);
        out.push(
          warning(
            'unguarded-reference',
            place,
            `{${part.ref.source}}: "${root}" may not run in an example, and this reply text is not guarded by a condition on it; add a reply variant with "when": { "ran": "${root}" } (and one for when it did not)`,
            { chainId, callId: root },
          ),
        );
      } else if (fanOuts.has(root) && indexed) {
        reported.add(root);
        out.push(
          warning(
            'unguarded-reference',
            place,
            `{${part.ref.source}}: "${root}" runs once per element and may run zero times, so this element may not exist; guard it with a variant "when": { "value": "{${root}.length}", "gt": 0 }`,
            { chainId, callId: root },
          ),
        );
      }
    }
  }
}
