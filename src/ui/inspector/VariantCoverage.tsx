import { describeCondition } from '../../core/index.ts';
import './replyCoverage.css';
import type { ReplyVariant } from '../../core/index.ts';
import { COVERAGE_EXAMPLES, percentText, type CoverageState } from './useReplyCoverage.ts';

/**
 * How often each reply variant gives the reply over the current seed's next 200 examples:
 * one line per variant in words ("none high priority: 18 %"), and the examples no variant
 * answered. The figures come from useReplyCoverage (a worker).
 */
export function CoverageSummary({ state, variants }: { state: CoverageState; variants: readonly ReplyVariant[] }) {
  const { coverage, pending, seed, from, problem } = state;
  if (problem) return <p className="field-hint">The coverage could not be counted: {problem}</p>;
  if (!coverage) return pending ? <p className="muted field-note reply-coverage-head">Counting how often each variant replies…</p> : null;
  const of = coverage.examples;
  const label = (v: ReplyVariant, i: number) => (v.when === undefined ? (i === variants.length - 1 ? 'otherwise' : 'always') : describeCondition(v.when));
  return (
    <section className="reply-coverage" aria-label="Reply variant coverage" aria-busy={pending}>
      <p className="muted field-note reply-coverage-head">
        Over the next {of === COVERAGE_EXAMPLES ? COVERAGE_EXAMPLES : of} examples of seed {seed} (from example {from + 1}){pending ? ' · counting again…' : ''}
        :
      </p>
      <ul className="reply-coverage-list">
        {variants.map((v, i) => {
          const n = coverage.counts[i] ?? 0;
          return (
            <li key={i} className={n === 0 ? 'is-unused' : undefined}>
              <span className="reply-coverage-name">
                Variant {i + 1} · {label(v, i)}:
              </span>{' '}
              <strong>{percentText(n, of)}</strong>
              {n === 0 && <span className="muted"> (never in these examples)</span>}
            </li>
          );
        })}
        {coverage.none > 0 && (
          <li>
            <span className="reply-coverage-name">No variant held (the default reply):</span> <strong>{percentText(coverage.none, of)}</strong>
          </li>
        )}
      </ul>
    </section>
  );
}

/** One variant's share, by its head. */
export function VariantShare({ state, index }: { state: CoverageState; index: number }) {
  const c = state.coverage;
  if (!c) return null;
  const n = c.counts[index] ?? 0;
  return (
    <span className="reply-variant-share" title={`${n} of the next ${c.examples} examples of seed ${state.seed}`}>
      {percentText(n, c.examples)} of examples
    </span>
  );
}
