import { useId, useMemo, useState, type DragEvent } from 'react';
import {
  evaluate,
  METRICS,
  metricRows,
  parseGoldLines,
  parsePredictionLines,
  PATTERN_LABELS,
  percent,
  TARGETS,
  targetMet,
  targetText,
  type EvalReport,
  type GoldCase,
  type MetricGroup,
  type MetricKey,
  type Pattern,
  type Prediction,
} from '../../core/generation.ts';
import { ModalDialog } from '../dialog/ModalDialog.tsx';
import './evaluate.css';

/**
 * "Evaluate": a gold test set (`generate --format eval`, or the export's "Gold test set") and a
 * file of model transcripts (one `{"id", "messages"}` per line, as `chainwright eval --save`
 * writes them), scored in the page by the same core function as `chainwright eval`: the totals
 * beside the seed's targets, a bar chart per pattern against them, per chain, and the worst
 * test cases. Files are read here; nothing is sent anywhere. Every text from the files is
 * rendered as text.
 */

interface GoldFile {
  name: string;
  cases: GoldCase[];
  problems: number;
}

interface PredFile {
  name: string;
  predictions: Map<string, Prediction>;
  problems: number;
}

/** Reads a dropped or picked file as the gold set or the predictions: a line with "gold" and "design" is a test case. */
async function readFile(file: File): Promise<{ kind: 'gold'; value: GoldFile } | { kind: 'pred'; value: PredFile }> {
  const text = await file.text();
  const gold = parseGoldLines(text);
  if (gold.cases.length) return { kind: 'gold', value: { name: file.name, cases: gold.cases, problems: gold.problems.length } };
  const pred = parsePredictionLines(text);
  return { kind: 'pred', value: { name: file.name, predictions: pred.predictions, problems: pred.problems.length } };
}

export function EvaluateView({ onClose }: { onClose: () => void }) {
  const goldId = useId();
  const predId = useId();
  const [gold, setGold] = useState<GoldFile | null>(null);
  const [pred, setPred] = useState<PredFile | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  const take = async (files: File[], want?: 'gold' | 'pred') => {
    setNote(null);
    for (const file of files) {
      try {
        const read = await readFile(file);
        if (want === 'gold' && read.kind !== 'gold') setNote(`${file.name} holds no test case: pick a file made with --format eval.`);
        else if (read.kind === 'gold') setGold(read.value);
        else if (read.value.predictions.size === 0) setNote(`${file.name} holds neither test cases nor predictions.`);
        else setPred(read.value);
      } catch (e) {
        setNote(`${file.name} could not be read: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  };

  const report = useMemo(() => (gold && pred ? evaluate(gold.cases, pred.predictions, { worst: 8 }) : null), [gold, pred]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void take([...e.dataTransfer.files]);
  };

  return (
    <ModalDialog title="Evaluate a model" className="evaluate-dialog" onClose={onClose}>
      <div className="evaluate-body">
        <p className="evaluate-muted">
          Score a model&apos;s transcripts against a gold test set: chain completion, dependency accuracy, parallel recognition, over-serialization and
          synthesis against the seed&apos;s targets, and more. The files are read in this page; nothing leaves it.
        </p>
        <div
          className={`evaluate-drop${over ? ' is-over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <div className="evaluate-pick">
            <label htmlFor={goldId}>Gold test set</label>
            <input
              id={goldId}
              type="file"
              accept=".jsonl,.json,application/jsonl,application/json"
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                void take(files, 'gold');
              }}
            />
            <span className="evaluate-file">
              {gold
                ? `${gold.name}: ${gold.cases.length} test case${gold.cases.length === 1 ? '' : 's'}${gold.problems ? `, ${gold.problems} unreadable line${gold.problems === 1 ? '' : 's'}` : ''}`
                : 'generate --format eval'}
            </span>
          </div>
          <div className="evaluate-pick">
            <label htmlFor={predId}>Predictions</label>
            <input
              id={predId}
              type="file"
              accept=".jsonl,.json,application/jsonl,application/json"
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                void take(files, 'pred');
              }}
            />
            <span className="evaluate-file">
              {pred
                ? `${pred.name}: ${pred.predictions.size} transcript${pred.predictions.size === 1 ? '' : 's'}${pred.problems ? `, ${pred.problems} unreadable line${pred.problems === 1 ? '' : 's'}` : ''}`
                : '{"id", "messages"} per line (chainwright eval --save)'}
            </span>
          </div>
          <p className="evaluate-drop-hint">…or drop both files here.</p>
        </div>
        {note && (
          <p className="evaluate-note" role="alert">
            {note}
          </p>
        )}
        <p role="status" className="evaluate-status">
          {report ? summary(report) : gold || pred ? `Now pick the ${gold ? 'predictions' : 'gold test set'}.` : 'Pick a gold test set and a predictions file.'}
        </p>
        {report && <Report report={report} />}
      </div>
    </ModalDialog>
  );
}

function summary(report: EvalReport): string {
  const met = Object.values(report.targets).filter((t) => t?.met === true).length;
  const targets = Object.values(report.targets).filter((t) => t?.met !== null).length;
  return `${report.examples} test case${report.examples === 1 ? '' : 's'} scored${report.missing_predictions ? ` (${report.missing_predictions} without a prediction)` : ''}: ${met} of ${targets} targets met.`;
}

function Report({ report }: { report: EvalReport }) {
  const rows = metricRows(report);
  return (
    <div className="evaluate-report">
      <section aria-labelledby="evaluate-totals">
        <h3 id="evaluate-totals" className="evaluate-heading">
          Totals
        </h3>
        <table className="evaluate-table" aria-label="Totals">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Total</th>
              <th scope="col">Target</th>
              <th scope="col">
                <span className="visually-hidden">Met</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} title={METRICS.find((m) => m.key === r.key)?.description}>
                <th scope="row">{r.label}</th>
                <td className="evaluate-num">{percent(r.value)}</td>
                <td className="evaluate-num">{targetText(r.target)}</td>
                <td>{r.met === undefined ? null : <span className={`evaluate-badge ${r.met ? 'is-met' : 'is-missed'}`}>{r.met ? 'met' : 'not met'}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <PatternChart groups={report.by_pattern} />
      <GroupTable title="By pattern" groups={report.by_pattern} label={(p) => PATTERN_LABELS[p as Pattern] ?? p} />
      <GroupTable title="By chain" groups={report.by_chain} label={(c) => c} />
      {report.worst.length > 0 && (
        <section aria-labelledby="evaluate-worst">
          <h3 id="evaluate-worst" className="evaluate-heading">
            Worst test cases
          </h3>
          <ol className="evaluate-worst" aria-label="Worst test cases">
            {report.worst.map((w) => (
              <li key={w.id}>
                <div className="evaluate-worst-head">
                  <code>{w.id}</code>{' '}
                  <span className="evaluate-muted">
                    {w.chain} · {w.pattern} · score {percent(w.score)}
                  </span>
                </div>
                <ul>
                  {w.problems.slice(0, 6).map((p, k) => (
                    <li key={k}>{p.message}</li>
                  ))}
                  {w.problems.length > 6 && <li className="evaluate-muted">… and {w.problems.length - 6} more</li>}
                </ul>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

/** One bar per pattern for each metric with a target, the target drawn as a line across. */
function PatternChart({ groups }: { groups: { [pattern: string]: MetricGroup } }) {
  const keys = Object.keys(TARGETS) as MetricKey[];
  const patterns = Object.keys(groups);
  return (
    <section aria-labelledby="evaluate-chart">
      <h3 id="evaluate-chart" className="evaluate-heading">
        Per pattern against the targets
      </h3>
      <div className="evaluate-chart">
        {keys.map((key) => {
          const target = TARGETS[key]!;
          const label = METRICS.find((m) => m.key === key)!.label;
          return (
            <figure key={key} className="evaluate-figure" aria-label={`${label} per pattern`}>
              <figcaption>
                {label} <span className="evaluate-muted">target {targetText(target)}</span>
              </figcaption>
              {patterns.map((p) => {
                const value = groups[p][key];
                const met = targetMet(target, value);
                return (
                  <div key={p} className="evaluate-bar-row">
                    <span className="evaluate-bar-label">{p}</span>
                    <span className="evaluate-bar-track" aria-hidden="true">
                      {value !== null && (
                        <span className={`evaluate-bar ${met ? 'is-met' : 'is-missed'}`} style={{ width: `${Math.max(0, Math.min(1, value)) * 100}%` }} />
                      )}
                      <span className="evaluate-bar-target" style={{ left: `${target.value * 100}%` }} />
                    </span>
                    <span className={`evaluate-bar-value${met === false ? ' is-missed' : ''}`}>{percent(value)}</span>
                  </div>
                );
              })}
            </figure>
          );
        })}
      </div>
    </section>
  );
}

function GroupTable({ title, groups, label }: { title: string; groups: { [name: string]: MetricGroup }; label: (name: string) => string }) {
  return (
    <section aria-label={title}>
      <h3 className="evaluate-heading">{title}</h3>
      <div className="evaluate-scroll">
        <table className="evaluate-table evaluate-wide" aria-label={title}>
          <thead>
            <tr>
              <th scope="col">{title === 'By pattern' ? 'Pattern' : 'Chain'}</th>
              <th scope="col">Cases</th>
              {METRICS.map((m) => (
                <th key={m.key} scope="col" title={m.description}>
                  {m.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Object.entries(groups).map(([name, g]) => (
              <tr key={name}>
                <th scope="row">{label(name)}</th>
                <td className="evaluate-num">{g.examples}</td>
                {METRICS.map((m) => {
                  const target = TARGETS[m.key];
                  const met = target ? targetMet(target, g[m.key]) : null;
                  return (
                    <td key={m.key} className={`evaluate-num${met === false ? ' is-missed' : ''}`}>
                      {percent(g[m.key])}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
