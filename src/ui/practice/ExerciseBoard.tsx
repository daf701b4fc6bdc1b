import { useId, useMemo, useState } from 'react';
import type { DragEvent, KeyboardEvent } from 'react';
import { compileProject, explainBranches } from '../../core/index.ts';
import { emptyAnswer, gradeAnswer } from '../../core/generation.ts';
import type { Project } from '../../core/index.ts';
import type { Answer, Exercise, ExerciseCall, ExerciseGrade } from '../../core/generation.ts';
import { compactJson } from './compactJson.ts';
import '../why/why.css';

interface Props {
  id: string;
  exercise: Exercise;
  project: Project;
  onChecked(id: string, score: number, total: number): void;
}

/** The drag carries the call id under a type of its own, so other drops (files) are told apart. */
const DRAG_TYPE = 'application/x-chainwright-practice-call';

/**
 * One exercise: the request, the calls to place in numbered turn columns (drag a card, pick
 * its turn in its menu, or press a number key on it; 0 or Delete takes it back), a "may run
 * in parallel" mark per call, the count questions, and "Check", which grades the answer in
 * the words of "Why this order" and compares its latency with the best order's.
 */
export function ExerciseBoard({ id, exercise, project, onChecked }: Props) {
  const headingId = useId();
  const [answer, setAnswer] = useState<Answer>(emptyAnswer);
  const [checked, setChecked] = useState<{ grade: ExerciseGrade; answer: Answer } | null>(null);
  const [showBest, setShowBest] = useState(false);
  const [dropTarget, setDropTarget] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  const columns = Array.from({ length: exercise.columns }, (_, i) => i + 1);
  const labelOf = useMemo(() => new Map(exercise.calls.map((c) => [c.callId, c.label])), [exercise]);

  const place = (callId: string, turn: number | undefined) => {
    setAnswer((a) => ({ ...a, turnOf: { ...a.turnOf, [callId]: turn } }));
    setAnnounce(`${labelOf.get(callId) ?? callId} ${turn === undefined ? 'taken back: not placed' : `placed in turn ${turn}`}`);
  };
  const mark = (callId: string, value: boolean) => setAnswer((a) => ({ ...a, parallel: { ...a.parallel, [callId]: value } }));
  const count = (callId: string, value: number | undefined) => setAnswer((a) => ({ ...a, counts: { ...a.counts, [callId]: value } }));

  const check = () => {
    const grade = gradeAnswer(exercise, answer);
    setChecked({ grade, answer });
    onChecked(id, grade.score, grade.total);
  };
  const startOver = () => {
    setAnswer(emptyAnswer());
    setChecked(null);
    setShowBest(false);
    setAnnounce('Started over: no call is placed.');
  };

  const unplaced = exercise.calls.filter((c) => answer.turnOf[c.callId] === undefined);
  const onDrop = (turn: number | undefined) => (event: DragEvent<HTMLElement>) => {
    const callId = event.dataTransfer.getData(DRAG_TYPE);
    setDropTarget(null);
    if (!callId || !labelOf.has(callId)) return;
    event.preventDefault();
    place(callId, turn);
  };
  const onDragOver = (target: number | null) => (event: DragEvent<HTMLElement>) => {
    if (!Array.from(event.dataTransfer.types).includes(DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (dropTarget !== target) setDropTarget(target);
  };

  const card = (call: ExerciseCall) => (
    <CallCard
      key={call.callId}
      call={call}
      columns={exercise.columns}
      turn={answer.turnOf[call.callId]}
      parallel={answer.parallel[call.callId] === true}
      mark={checked && checked.answer.turnOf[call.callId] === answer.turnOf[call.callId] ? checked.grade.placement[call.callId] : undefined}
      parallelRight={
        checked && (checked.answer.parallel[call.callId] === true) === (answer.parallel[call.callId] === true) ? checked.grade.parallel[call.callId] : undefined
      }
      onPlace={(t) => place(call.callId, t)}
      onMark={(v) => mark(call.callId, v)}
    />
  );

  return (
    <section className="exercise" aria-labelledby={headingId}>
      <header className="exercise-head">
        <h2 id={headingId} className="exercise-title">
          {exercise.title}
        </h2>
        <p className="exercise-request">
          <span className="exercise-request-role">User</span>
          <span>{exercise.request}</span>
        </p>
        <p className="muted exercise-how">
          Put each call in the earliest turn it can run in: drag its card into a turn, choose the turn in its menu, or focus the card and press the turn's
          number (0 takes it back). Calls in the same turn run in parallel. Then mark the calls that may run in parallel, answer the questions and press Check.
        </p>
        {exercise.multiTurn && (
          <p className="muted exercise-how">
            In this design every call has its own user request, so the data makes one call per turn. Here, place each call in the earliest turn its results
            allow, as if all the requests came at once.
          </p>
        )}
      </header>

      <section
        className={`exercise-tray${dropTarget === 0 ? ' is-drop-target' : ''}`}
        aria-label="Calls to place"
        onDragOver={onDragOver(0)}
        onDragLeave={() => setDropTarget(null)}
        onDrop={onDrop(undefined)}
      >
        <h3 className="exercise-zone-title">Calls to place {unplaced.length ? `(${unplaced.length})` : ''}</h3>
        {unplaced.length ? (
          <ul className="exercise-cards exercise-cards-row">{unplaced.map(card)}</ul>
        ) : (
          <p className="muted exercise-empty">Every call is placed.</p>
        )}
      </section>

      <div className="exercise-turns" style={{ gridTemplateColumns: `repeat(${exercise.columns}, minmax(180px, 1fr))` }}>
        {columns.map((turn) => {
          const here = exercise.calls.filter((c) => answer.turnOf[c.callId] === turn);
          return (
            <section
              key={turn}
              className={`exercise-turn${dropTarget === turn ? ' is-drop-target' : ''}${here.length > 1 ? ' is-parallel' : ''}`}
              aria-label={`Turn ${turn}`}
              onDragOver={onDragOver(turn)}
              onDragLeave={() => setDropTarget(null)}
              onDrop={onDrop(turn)}
            >
              <h3 className="exercise-zone-title">
                Turn {turn}
                {here.length > 1 && <span className="muted"> · {here.length} in parallel</span>}
              </h3>
              {here.length ? <ul className="exercise-cards">{here.map(card)}</ul> : <p className="exercise-drop-hint">Drop a call here</p>}
            </section>
          );
        })}
      </div>

      {exercise.questions.length > 0 && (
        <section className="exercise-questions" aria-label="Questions">
          <h3 className="exercise-zone-title">How many calls?</h3>
          <p className="muted">In one example the tools returned what is shown. Say how many calls it leads to.</p>
          {exercise.questions.map((q) => (
            <Question
              key={q.callId}
              question={q}
              value={answer.counts[q.callId]}
              right={checked && checked.answer.counts[q.callId] === answer.counts[q.callId] ? checked.grade.counts[q.callId] : undefined}
              onChange={(v) => count(q.callId, v)}
            />
          ))}
        </section>
      )}

      <div className="exercise-actions">
        <button type="button" className="button button-primary" onClick={check}>
          Check
        </button>
        <button type="button" className="button" onClick={startOver}>
          Start over
        </button>
        <button type="button" className="button" aria-expanded={showBest} onClick={() => setShowBest((s) => !s)}>
          {showBest ? 'Hide the best order' : 'Show the best order'}
        </button>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>

      {checked && <CheckResult grade={checked.grade} labelOf={labelOf} />}
      {showBest && <BestOrder exercise={exercise} project={project} />}
    </section>
  );
}

interface CardProps {
  call: ExerciseCall;
  columns: number;
  turn: number | undefined;
  parallel: boolean;
  mark: ExerciseGrade['placement'][string] | undefined;
  parallelRight: boolean | undefined;
  onPlace(turn: number | undefined): void;
  onMark(value: boolean): void;
}

const MARK_TEXT: Record<ExerciseGrade['placement'][string], string> = {
  right: '✓ right turn',
  late: '↻ could be earlier',
  wrong: '✗ too early',
  unplaced: '✗ not placed',
};

function CallCard({ call, columns, turn, parallel, mark, parallelRight, onPlace, onMark }: CardProps) {
  const selectId = useId();
  const checkId = useId();
  const where = turn === undefined ? 'not placed' : `turn ${turn}`;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return;
    if (/^[0-9]$/.test(event.key)) {
      const n = Number(event.key);
      if (n > columns) return;
      event.preventDefault();
      onPlace(n === 0 ? undefined : n);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      onPlace(undefined);
    }
  };
  return (
    <li className="exercise-card-item">
      <div
        className={`exercise-card${call.fanOut ? ' is-fan-out' : ''}${mark ? ` mark-${mark}` : ''}`}
        role="group"
        aria-roledescription="call card"
        aria-label={`${call.label}, ${where}`}
        aria-keyshortcuts={`1 to ${Math.min(columns, 9)}, 0`}
        tabIndex={0}
        draggable
        onDragStart={(event) => {
          event.dataTransfer.setData(DRAG_TYPE, call.callId);
          event.dataTransfer.setData('text/plain', call.label);
          event.dataTransfer.effectAllowed = 'move';
        }}
        onKeyDown={onKeyDown}
      >
        <div className="exercise-card-head">
          <span className="call-tool">{call.label}</span>
          {call.label !== call.callId && (
            <code className="call-id" title="Call id: the name its result is read by">
              {call.callId}
            </code>
          )}
        </div>
        {call.description && <p className="exercise-card-description">{call.description}</p>}
        {call.forEach && <p className="exercise-card-behaviour">{call.forEach}</p>}
        {call.when && <p className="exercise-card-behaviour">{call.when}</p>}
        {call.after && <p className="exercise-card-behaviour">after {call.after.join(', ')}</p>}
        <dl className="exercise-card-args">
          {Object.entries(call.args).map(([name, value]) => (
            <div key={name} className="exercise-card-arg">
              <dt>{name}</dt>
              <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
            </div>
          ))}
        </dl>
        <div className="exercise-card-controls">
          <label htmlFor={selectId} className="visually-hidden">
            Turn of {call.label}
          </label>
          <select
            id={selectId}
            className="input input-turn"
            value={turn ?? ''}
            onChange={(e) => onPlace(e.target.value === '' ? undefined : Number(e.target.value))}
          >
            <option value="">Not placed</option>
            {Array.from({ length: columns }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                Turn {i + 1}
              </option>
            ))}
          </select>
          <span className="exercise-card-parallel">
            <input
              id={checkId}
              type="checkbox"
              checked={parallel}
              onChange={(e) => onMark(e.target.checked)}
              aria-label={`${call.label} may run in parallel`}
            />
            <label htmlFor={checkId} aria-hidden="true">
              may run in parallel
            </label>
          </span>
        </div>
        {(mark || parallelRight !== undefined) && (
          <p className="exercise-card-marks">
            {mark && <span className={`exercise-mark mark-${mark}`}>{MARK_TEXT[mark]}</span>}
            {parallelRight !== undefined && (
              <span className={`exercise-mark ${parallelRight ? 'mark-right' : 'mark-wrong'}`}>{parallelRight ? '✓ parallel mark' : '✗ parallel mark'}</span>
            )}
          </p>
        )}
      </div>
    </li>
  );
}

function Question({
  question,
  value,
  right,
  onChange,
}: {
  question: Exercise['questions'][number];
  value: number | undefined;
  right: boolean | undefined;
  onChange(v: number | undefined): void;
}) {
  const inputId = useId();
  return (
    <fieldset className="exercise-question">
      <legend className="exercise-question-title">
        {question.label} <span className="muted">· {question.kind === 'loop' ? 'a loop' : 'a condition'}</span>
      </legend>
      {question.shown.map((s) => (
        <div key={s.name} className="exercise-shown">
          <p className="exercise-shown-caption">{s.caption}:</p>
          <pre className="json" aria-label={s.caption}>
            {compactJson(s.value)}
          </pre>
        </div>
      ))}
      <div className="field field-inline exercise-answer">
        <label htmlFor={inputId}>{question.prompt}</label>
        <input
          id={inputId}
          className="input input-count"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          value={value ?? ''}
          onChange={(e) => onChange(e.target.value === '' || !/^\d+$/.test(e.target.value) ? undefined : Number(e.target.value))}
        />
        {right !== undefined && <span className={`exercise-mark ${right ? 'mark-right' : 'mark-wrong'}`}>{right ? '✓ right' : '✗ wrong'}</span>}
      </div>
    </fieldset>
  );
}

const msText = (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`;

function CheckResult({ grade, labelOf }: { grade: ExerciseGrade; labelOf: ReadonlyMap<string, string> }) {
  const headingId = useId();
  const longest = Math.max(grade.latency.yoursMs ?? 0, grade.latency.bestMs, 1);
  return (
    <section className={`exercise-result${grade.perfect ? ' is-perfect' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="exercise-zone-title">
        Result
      </h3>
      <p className="exercise-score" role="status">
        {grade.perfect
          ? `All ${grade.total} points: every call is in its earliest turn, and every mark and count is right.`
          : `${grade.score} of ${grade.total} points. ${grade.mistakes.length === 1 ? 'One mistake' : `${grade.mistakes.length} mistakes`}:`}
      </p>
      {grade.mistakes.length > 0 && (
        <ul className="exercise-mistakes" aria-label="Mistakes">
          {grade.mistakes.map((m, i) => (
            <li
              key={`${m.kind}-${m.callId}-${m.dependsOn ?? ''}-${i}`}
              className={`exercise-mistake mistake-${m.kind}`}
              data-call={labelOf.get(m.callId) ?? m.callId}
            >
              {m.text}
            </li>
          ))}
        </ul>
      )}
      <div className="plan-fact">
        <h4 className="fact-title">Latency</h4>
        <dl className="latency" aria-label="Latency">
          <div className="latency-row">
            <dt>Your order</dt>
            <dd>
              <span className="bar-track" aria-hidden="true">
                <span
                  className={`bar ${grade.latency.runs ? 'bar-sequential' : 'bar-broken'}`}
                  style={{ width: `${((grade.latency.yoursMs ?? 0) / longest) * 100}%` }}
                />
              </span>
              <span className="latency-ms">
                {grade.latency.yoursMs === null
                  ? '—'
                  : `${msText(grade.latency.yoursMs)} · ${grade.latency.yoursTurns} turn${grade.latency.yoursTurns === 1 ? '' : 's'}`}
              </span>
            </dd>
          </div>
          <div className="latency-row">
            <dt>Best order</dt>
            <dd>
              <span className="bar-track" aria-hidden="true">
                <span className="bar bar-planned" style={{ width: `${(grade.latency.bestMs / longest) * 100}%` }} />
              </span>
              <span className="latency-ms">
                {msText(grade.latency.bestMs)} · {grade.latency.bestTurns} turn{grade.latency.bestTurns === 1 ? '' : 's'}
              </span>
            </dd>
          </div>
        </dl>
        <p className="fact-text">{grade.latencyText}</p>
      </div>
    </section>
  );
}

function BestOrder({ exercise, project }: { exercise: Exercise; project: Project }) {
  const headingId = useId();
  const notes = useMemo(() => {
    const compiled = compileProject(project).chain(exercise.chainId);
    if (!compiled) return [];
    const labels = new Map(exercise.calls.map((c) => [c.callId, c.label]));
    return explainBranches(project, compiled, (id) => labels.get(id) ?? id);
  }, [exercise, project]);
  const turns = Array.from({ length: exercise.bestTurns }, (_, i) => exercise.calls.filter((c) => exercise.key.turnOf[c.callId] === i + 1));
  return (
    <section className="exercise-best" aria-labelledby={headingId}>
      <h3 id={headingId} className="exercise-zone-title">
        The best order
      </h3>
      <ol className="turn-list" aria-label="Best order">
        {turns.map((calls, i) => (
          <li key={i} className={`turn${calls.length > 1 ? ' turn-parallel' : ''}`}>
            <h4 className="turn-title">
              Turn {i + 1} · {calls.length === 1 ? '1 call' : `${calls.length} calls in parallel`}
            </h4>
            <ul className="call-list">
              {calls.map((c) => (
                <li key={c.callId} className="call">
                  <div className="call-head">
                    <span className="call-tool">{c.label}</span>
                  </div>
                  <p className="call-note">{exercise.reasons[c.callId].replace(/^turn \d+: /, '')}</p>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {notes.length > 0 && (
        <ul className="why-branches" aria-label="Loops, conditions and failures">
          {notes.map((n, i) => (
            <li key={`${n.callId}-${n.kind}-${i}`}>{n.text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
