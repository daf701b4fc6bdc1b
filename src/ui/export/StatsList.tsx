import type { DatasetStats } from '../../core/generation.ts';
import { formatCount } from '../../workers/progress.ts';

const one = (n: number) => (Math.round(n * 10) / 10).toLocaleString('en-US');

/** The dataset's figures: examples, calls, turns, parallel turns, tokens (a real tokenizer, on a sample). */
export function StatsList({ stats }: { stats: DatasetStats }) {
  const t = stats.tokens;
  return (
    <dl className="stats-list" aria-label="Dataset stats">
      <div>
        <dt>Examples</dt>
        <dd>
          {formatCount(stats.examples)}
          {stats.test > 0 && (
            <span className="stats-aside">
              {' '}
              (train {formatCount(stats.train)} · test {formatCount(stats.test)})
            </span>
          )}
        </dd>
      </div>
      <div>
        <dt>Calls per example</dt>
        <dd>{one(stats.callsPerExample)}</dd>
      </div>
      <div>
        <dt>Assistant turns with calls</dt>
        <dd>{one(stats.turnsPerExample)}</dd>
      </div>
      <div>
        <dt>Parallel turns per example</dt>
        <dd>
          {one(stats.parallelTurnsPerExample)}
          <span className="stats-aside"> ({Math.round(stats.parallelShare * 100)} % of examples have one)</span>
        </dd>
      </div>
      <div>
        <dt>Tokens per example</dt>
        <dd>
          {t.sampled ? (
            <>
              {formatCount(t.perExample.mean)}
              <span className="stats-aside">
                {' '}
                (min {formatCount(t.perExample.min)}, max {formatCount(t.perExample.max)}; {t.encoding}, first {formatCount(t.sampled)} examples)
              </span>
            </>
          ) : (
            '—'
          )}
        </dd>
      </div>
      <div>
        <dt>Tool definitions</dt>
        <dd>{formatCount(t.toolDefinitionTokens)} tokens</dd>
      </div>
    </dl>
  );
}
