import { dependencyReason } from '../graph/explainBranches.ts';
import { listInWords } from '../refs/listInWords.ts';
import { turnsLatency, type Exercise } from './exercise.ts';

/** The learner's answer: a turn per call (from 1; absent: not placed), parallel marks, counts. */
export interface Answer {
  turnOf: Readonly<Record<string, number | undefined>>;
  parallel: Readonly<Record<string, boolean | undefined>>;
  counts: Readonly<Record<string, number | undefined>>;
}

export type MistakeKind = 'unplaced' | 'dependency' | 'late' | 'parallel' | 'count';

export interface Mistake {
  kind: MistakeKind;
  /** The call it is about. */
  callId: string;
  /** A broken dependency: the call it needs. */
  dependsOn?: string;
  /** In the words of "Why this order": "send_invites cannot be in turn 1: it needs booking_id from book_room, which is in turn 2." */
  text: string;
}

export type PlacementMark = 'right' | 'late' | 'wrong' | 'unplaced';

export interface ExerciseGrade {
  score: number;
  total: number;
  /** Every point scored. */
  perfect: boolean;
  mistakes: Mistake[];
  placement: Record<string, PlacementMark>;
  parallel: Record<string, boolean>;
  counts: Record<string, boolean>;
  latency: {
    /** The learner's order (null when a call is not placed). */
    yoursMs: number | null;
    yoursTurns: number;
    bestMs: number;
    bestTurns: number;
    /** The learner's order can run: every call after all it needs. */
    runs: boolean;
  };
  /** The latencies compared, in words. */
  latencyText: string;
}

const ms = (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`;
const turns = (n: number) => `${n} turn${n === 1 ? '' : 's'}`;

/** The answer that scores full marks: the key itself. */
export function answerOf(exercise: Exercise): Answer {
  return { turnOf: { ...exercise.key.turnOf }, parallel: { ...exercise.key.parallel }, counts: { ...exercise.key.counts } };
}

/** An empty answer: nothing placed, nothing marked. */
export function emptyAnswer(): Answer {
  return { turnOf: {}, parallel: {}, counts: {} };
}

function validTurn(t: number | undefined): t is number {
  return typeof t === 'number' && Number.isInteger(t) && t >= 1;
}

/**
 * Grades an answer: one point per call in its earliest turn, one per right parallel mark,
 * one per right count. Each mistake is said in the words of "Why this order".
 */
export function gradeAnswer(exercise: Exercise, answer: Answer): ExerciseGrade {
  const label = new Map(exercise.calls.map((c) => [c.callId, c.label]));
  const name = (id: string) => label.get(id) ?? id;
  const fanOut = (id: string) => exercise.calls.find((c) => c.callId === id)?.fanOut ?? false;
  const mistakes: Mistake[] = [];
  const placement: Record<string, PlacementMark> = {};
  const parallel: Record<string, boolean> = {};
  const counts: Record<string, boolean> = {};
  let score = 0;
  const turnOf = (id: string): number | undefined => (validTurn(answer.turnOf[id]) ? answer.turnOf[id] : undefined);

  for (const call of exercise.calls) {
    const id = call.callId;
    const mine = turnOf(id);
    const best = exercise.key.turnOf[id];
    if (mine === undefined) {
      placement[id] = 'unplaced';
      mistakes.push({ kind: 'unplaced', callId: id, text: `${name(id)} is not placed in a turn yet.` });
      continue;
    }
    const broken = exercise.dependencies
      .filter((d) => d.to === id)
      .filter((d) => {
        const theirs = turnOf(d.from);
        return theirs === undefined || theirs >= mine;
      });
    if (broken.length) {
      placement[id] = 'wrong';
      for (const d of broken) {
        const theirs = turnOf(d.from);
        const where = theirs === undefined ? 'which is not placed yet' : theirs === mine ? 'which is in the same turn' : `which is in turn ${theirs}`;
        mistakes.push({
          kind: 'dependency',
          callId: id,
          dependsOn: d.from,
          text: `${name(id)} cannot be in turn ${mine}: it ${dependencyReason(d, name, fanOut)}, ${where}.`,
        });
      }
      continue;
    }
    if (mine > best) {
      placement[id] = 'late';
      const deps = exercise.dependencies.filter((d) => d.to === id);
      const why = deps.length
        ? `all it needs (${listInWords(deps.map((d) => name(d.from)))}) can be done by the end of turn ${best - 1}`
        : "it needs no other call's result, so it can start at once";
      mistakes.push({ kind: 'late', callId: id, text: `${name(id)} could run in turn ${best}, not ${mine}: ${why}.` });
      continue;
    }
    placement[id] = 'right';
    score += 1;
  }

  for (const call of exercise.calls) {
    const id = call.callId;
    const mine = answer.parallel[id] === true;
    const right = exercise.key.parallel[id];
    parallel[id] = mine === right;
    if (mine === right) {
      score += 1;
      continue;
    }
    const others = exercise.parallelWith[id] ?? [];
    let text: string;
    if (right) {
      const reasons: string[] = [];
      if (others.length === 1) reasons.push(`neither it nor ${name(others[0])} needs the other's result`);
      else if (others.length)
        reasons.push(`it needs nothing from ${listInWords(others.map(name)).replace(/ and ([^,]*)$/, ' or $1')}, and they need nothing from it`);
      if (call.fanOut) reasons.push(`its own calls run together, since each needs only its own element`);
      text = `${name(id)} may run in parallel: ${reasons.join('; and ')}.`;
    } else {
      const needs = exercise.dependencies.filter((d) => d.to === id).map((d) => name(d.from));
      const needed = exercise.dependencies.filter((d) => d.from === id).map((d) => name(d.to));
      const parts: string[] = [];
      if (needs.length) parts.push(`it waits for ${listInWords(needs)}`);
      if (needed.length) parts.push(`${listInWords(needed)} ${needed.length === 1 ? 'waits' : 'wait'} for it`);
      text = `${name(id)} cannot run in parallel with another call: every other call either comes before it or after it (${parts.join(', and ')}, directly or through another call).`;
    }
    mistakes.push({ kind: 'parallel', callId: id, text });
  }

  for (const q of exercise.questions) {
    const mine = answer.counts[q.callId];
    const right = mine === q.answer;
    counts[q.callId] = right;
    if (right) score += 1;
    else
      mistakes.push({
        kind: 'count',
        callId: q.callId,
        text: `${mine === undefined ? `How many ${q.label} calls: not answered` : `Not ${mine} ${q.label} call${mine === 1 ? '' : 's'}`}. ${q.explanation}`,
      });
  }

  // Latency: the learner's turns against the best order.
  const placed = exercise.calls.every((c) => turnOf(c.callId) !== undefined);
  const runs = placed && Object.values(placement).every((p) => p !== 'wrong');
  const columns: string[][] = [];
  for (const c of exercise.calls) {
    const t = turnOf(c.callId);
    if (t === undefined) continue;
    (columns[t - 1] ??= []).push(c.callId);
  }
  const latency = Object.fromEntries(exercise.calls.map((c) => [c.callId, c.latencyMs]));
  const used = columns.filter((t) => t && t.length);
  const yoursMs = placed ? turnsLatency(used, latency) : null;
  const best = `the best order takes ${ms(exercise.bestMs)} in ${turns(exercise.bestTurns)}`;
  let latencyText: string;
  if (yoursMs === null) latencyText = `Place every call to compare your order with the best one (${best.replace('the best order takes ', '')}).`;
  else if (!runs)
    latencyText = `Your order would take ${ms(yoursMs)} in ${turns(used.length)}, but it cannot run as it is: a call comes before a result it needs. ${capital(best)}.`;
  else if (yoursMs > exercise.bestMs)
    latencyText = `Your order takes ${ms(yoursMs)} in ${turns(used.length)}; ${best}: yours is ${ms(yoursMs - exercise.bestMs)} slower.`;
  else
    latencyText = `Your order takes ${ms(yoursMs)} in ${turns(used.length)}, as fast as the best order${used.length === exercise.bestTurns ? '' : ` (${turns(exercise.bestTurns)})`}.`;

  const total = exercise.calls.length * 2 + exercise.questions.length;
  return {
    score,
    total,
    perfect: score === total,
    mistakes,
    placement,
    parallel,
    counts,
    latency: { yoursMs, yoursTurns: used.length, bestMs: exercise.bestMs, bestTurns: exercise.bestTurns, runs },
    latencyText,
  };
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
