import type { OutcomeShares } from '../../core/generation.ts';
import { formatCount } from '../../workers/progress.ts';

const ROWS: { key: keyof Omit<OutcomeShares, 'examples'>; label: string }[] = [
  { key: 'failures', label: 'Hold a failure' },
  { key: 'retries', label: 'Hold a retry' },
  { key: 'confirmations', label: 'Ask and hear yes' },
  { key: 'refusals', label: 'Ask and hear no' },
];

/**
 * How many examples of the chains that fail or ask hold a failure, a retry, a confirmation and a
 * refusal (the same figures as the CLI summary: `outcomeShares` of the run's chains).
 */
export function OutcomeList({ shares }: { shares: OutcomeShares }) {
  return (
    <>
      <p className="export-muted">Of the {formatCount(shares.examples)} examples of chains that fail or ask (from each chain’s first examples):</p>
      <dl className="stats-list" aria-label="Failures and confirmations">
        {ROWS.map(({ key, label }) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd>
              {(Math.round(shares[key] * 1000) / 10).toLocaleString('en-US')} %
              <span className="stats-aside"> (about {formatCount(Math.round(shares[key] * shares.examples))})</span>
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
