import { useCallback, useId, useState } from 'react';
import { selectChain, useAppStore } from '../../state/store.ts';
import { ExerciseBoard } from './ExerciseBoard.tsx';
import { DesignerButton } from './ModeSwitch.tsx';
import { EXERCISES } from './exerciseCatalog.ts';
import { browserStorage, readProgress, recordAttempt, type ProgressRead } from './progress.ts';
import { useExerciseSource, type ExerciseSource } from './useExerciseSource.ts';
import './practice.css';

/**
 * Practice mode: the bundled exercises (the seed lesson's room booking first) and the design
 * on the canvas, each turned into an exercise on finding the order of the calls. Progress is
 * kept in the browser.
 */
export function PracticeView() {
  const headingId = useId();
  const [source, setSource] = useState<ExerciseSource>({ kind: 'bundled', id: EXERCISES[0].id });
  const [progress, setProgress] = useState<ProgressRead>(() => readProgress(browserStorage()));
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const chain = useAppStore(selectChain);
  const loaded = useExerciseSource(source);
  const record = progress.ok ? progress.record.exercises : {};

  const onChecked = useCallback((id: string, score: number, total: number) => {
    const next = recordAttempt(browserStorage(), id, score, total);
    if (next.ok) {
      setProgress(next);
      setSaveProblem(null);
    } else setSaveProblem(next.reason);
  }, []);

  const selected = (s: ExerciseSource) => (s.kind === 'design' ? source.kind === 'design' : source.kind === 'bundled' && source.id === s.id);
  const designId = chain ? `design:${chain.id}` : null;

  return (
    <div className="practice">
      <nav className="practice-nav" aria-labelledby={headingId}>
        <DesignerButton />
        <h2 id={headingId} className="practice-nav-title">
          Exercises
        </h2>
        <p className="muted practice-nav-intro">Put each call in the earliest turn it can run in, and say which calls may run in parallel.</p>
        <ul className="practice-list">
          {EXERCISES.map((entry, i) => {
            const p = record[entry.id];
            return (
              <li key={entry.id}>
                <button
                  type="button"
                  className="practice-entry"
                  aria-current={selected({ kind: 'bundled', id: entry.id }) ? 'true' : undefined}
                  onClick={() => setSource({ kind: 'bundled', id: entry.id })}
                >
                  <span className="practice-entry-head">
                    <span className="practice-entry-number">{i + 1}</span>
                    <span className="practice-entry-title">{entry.title}</span>
                  </span>
                  <span className="practice-entry-meta">
                    <span className={`tag tag-pattern tag-${entry.pattern}`}>{entry.pattern}</span>
                    <ProgressNote progress={p} />
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
        <h3 className="practice-nav-subtitle">Your design</h3>
        <button
          type="button"
          className="practice-entry"
          aria-current={selected({ kind: 'design' }) ? 'true' : undefined}
          onClick={() => setSource({ kind: 'design' })}
          disabled={!chain}
        >
          <span className="practice-entry-title">{chain ? `This design: ${chain.name ?? chain.id}` : 'This design (no chain)'}</span>
          <span className="practice-entry-meta">{designId && <ProgressNote progress={record[designId]} />}</span>
        </button>
        {!progress.ok && (
          <p className="practice-warning" role="note">
            Progress is not kept: {progress.reason}.
          </p>
        )}
        {saveProblem && (
          <p className="practice-warning" role="alert">
            Progress could not be saved: {saveProblem}.
          </p>
        )}
      </nav>
      <div className="practice-main">
        {loaded.status === 'loading' && (
          <p className="status-line" role="status">
            Loading the exercise…
          </p>
        )}
        {loaded.status === 'error' && (
          <p className="error-message practice-error" role="alert">
            {loaded.message}
          </p>
        )}
        {loaded.status === 'ready' && (
          <ExerciseBoard
            key={`${loaded.id}:${loaded.exercise.calls.length}`}
            id={loaded.id}
            exercise={loaded.exercise}
            project={loaded.project}
            onChecked={onChecked}
          />
        )}
      </div>
    </div>
  );
}

function ProgressNote({ progress }: { progress: { best: number; total: number; attempts: number; solved: boolean } | undefined }) {
  if (!progress) return <span className="practice-progress muted">not tried</span>;
  if (progress.solved) return <span className="practice-progress is-solved">✓ solved</span>;
  return (
    <span className="practice-progress">
      best {progress.best} of {progress.total}
    </span>
  );
}
