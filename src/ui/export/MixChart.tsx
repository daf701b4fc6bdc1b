import type { MixReport, Pattern } from '../../core/generation.ts';

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10} %`;
}

/**
 * Target vs achieved share per pattern, as a table with bars. In mix mode the target weights are
 * editable in the table. Patterns the target asks for but no chosen chain has are called out.
 */
export function MixChart({
  report,
  weights,
  onWeight,
  invalid,
}: {
  report: MixReport;
  weights?: Record<Pattern, string>;
  onWeight?: (pattern: Pattern, text: string) => void;
  invalid?: (pattern: Pattern) => boolean;
}) {
  return (
    <div className="mix-chart">
      <table className="mix-table" aria-label="Mix by pattern">
        <thead>
          <tr>
            <th scope="col">Pattern</th>
            <th scope="col">{weights ? 'Weight' : 'Target'}</th>
            <th scope="col">Target vs achieved</th>
            <th scope="col">Achieved</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => {
            const missing = report.missing.includes(row.pattern);
            return (
              <tr key={row.pattern} className={missing ? 'is-missing' : undefined}>
                <th scope="row">
                  <span className="mix-label">{row.label}</span>
                  <span className="mix-chains">{row.chains.length ? row.chains.join(', ') : missing ? 'no chain to draw from' : 'no chain'}</span>
                </th>
                <td className="mix-target">
                  {weights && onWeight ? (
                    <input
                      className="input mix-weight"
                      inputMode="decimal"
                      aria-label={`Weight of ${row.label}`}
                      aria-invalid={invalid?.(row.pattern) || undefined}
                      value={weights[row.pattern]}
                      onChange={(e) => onWeight(row.pattern, e.target.value)}
                    />
                  ) : null}
                  <span className="mix-share">{percent(row.targetShare)}</span>
                </td>
                <td className="mix-bars" aria-hidden="true">
                  <span className="mix-bar mix-bar-target" style={{ width: `${row.targetShare * 100}%` }} />
                  <span className="mix-bar mix-bar-achieved" style={{ width: `${row.achievedShare * 100}%` }} />
                </td>
                <td className="mix-achieved">
                  {percent(row.achievedShare)}
                  <span className="mix-count"> · {row.achievedCount.toLocaleString('en-US')}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="mix-legend" aria-hidden="true">
        <span className="mix-swatch mix-bar-target" /> target <span className="mix-swatch mix-bar-achieved" /> achieved
      </p>
      {report.missing.length > 0 && (
        <p className="export-note export-note-warning" role="note">
          No chain to draw from for {report.missing.map((p) => report.rows.find((r) => r.pattern === p)!.label).join(', ')}: their share goes to the other
          patterns. Add a chain of that shape to reach the target.
        </p>
      )}
    </div>
  );
}
