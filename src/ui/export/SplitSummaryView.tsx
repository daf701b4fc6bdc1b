import type { SplitSummary } from '../../workers/protocol.ts';
import { formatCount } from '../../workers/progress.ts';

function valueList(values: unknown[] | undefined): string {
  if (!values?.length) return '';
  const shown = values.slice(0, 6).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return shown.join(', ') + (values.length > shown.length ? `, … (${values.length} in all)` : '');
}

/** How the examples were split, chain by chain: what the test set holds out, or why a chain is not split. */
export function SplitSummaryView({ split }: { split: SplitSummary }) {
  return (
    <div className="split-summary">
      <p>
        Train {formatCount(split.train)} · test {formatCount(split.test)}, split by {split.by === 'template' ? 'request template' : 'slot value'}: the test
        requests are never seen in training.
      </p>
      <ul aria-label="Split by chain">
        {split.chains.map((c) => (
          <li key={c.chainId}>
            <strong>{c.chainId}</strong>{' '}
            {c.split ? (
              <>
                — train {formatCount(c.train)}, test {formatCount(c.test)}
                {c.testTemplateTexts && (
                  <span className="export-muted">
                    ; held out {c.testTemplateTexts.length} of {c.testTemplateTexts.length + (c.trainTemplateCount ?? 0)} templates:{' '}
                    {c.testTemplateTexts.map((t) => `“${t}”`).join(', ')}
                  </span>
                )}
                {c.slots?.map((s) => (
                  <span key={s.slot} className="export-muted">
                    ; slot {s.slot}:{' '}
                    {s.kind === 'values' ? `test values ${valueList(s.testValues)}` : `values hashed, ${Math.round((s.testShare ?? 0) * 100)} % held out`}
                  </span>
                ))}
              </>
            ) : (
              <span className="export-warning-text">— train only: {c.reason}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
