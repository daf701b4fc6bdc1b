import type { Plan } from '../../core/index.ts';

/** Latency if the calls ran one by one, against latency as planned (parallel turns). */
export function LatencySummary({ latency, sentence }: { latency: Plan['latency']; sentence: string }) {
  const longest = Math.max(latency.sequentialMs, latency.plannedMs, 1);
  const rows = [
    { label: 'One by one', ms: latency.sequentialMs, className: 'bar-sequential' },
    { label: 'As planned', ms: latency.plannedMs, className: 'bar-planned' },
  ];
  return (
    <div className="plan-fact">
      <h3 className="fact-title">Latency</h3>
      <dl className="latency">
        {rows.map((row) => (
          <div key={row.label} className="latency-row">
            <dt>{row.label}</dt>
            <dd>
              <span className="bar-track" aria-hidden="true">
                <span className={`bar ${row.className}`} style={{ width: `${(row.ms / longest) * 100}%` }} />
              </span>
              <span className="latency-ms">{formatMs(row.ms)}</span>
            </dd>
          </div>
        ))}
      </dl>
      <p className="fact-text">{sentence}</p>
    </div>
  );
}

function formatMs(ms: number): string {
  return `${Math.round(ms).toLocaleString('en-US')} ms`;
}
