import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Call, JsonValue, Project, ToolDef } from '../project/types.ts';
import { randomDesignArb, describeDesign } from '../generate/randomDesign.testutil.ts';
import { answerOf, gradeAnswer } from './grade.ts';
import { makeExercise, type Exercise } from './exercise.ts';

/**
 * Properties of the grading: the key always scores full marks, and a call moved to or before
 * the turn of a call it needs is always flagged, with that call named.
 */

interface Dag {
  project: Project;
  /** For each call, the calls it reads (`{id.out}` in its arguments) and waits for (`after`). */
  reads: Record<string, string[]>;
  after: Record<string, string[]>;
}

const TOOL_COUNT = 3;

/** Small random DAGs: calls listed in a shuffled order, each reading some earlier ones and maybe set to run after one. */
const dagArb: fc.Arbitrary<Dag> = fc
  .integer({ min: 2, max: 7 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      reads: fc.array(fc.array(fc.boolean(), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
      after: fc.array(fc.option(fc.nat(n - 1), { nil: undefined }), { minLength: n, maxLength: n }),
      tools: fc.array(fc.nat(TOOL_COUNT - 1), { minLength: n, maxLength: n }),
      latency: fc.array(fc.integer({ min: 50, max: 900 }), { minLength: TOOL_COUNT, maxLength: TOOL_COUNT }),
      order: fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => i),
        { minLength: n, maxLength: n },
      ),
    }),
  )
  .map(({ n, reads, after, tools, latency, order }) => {
    const id = (i: number) => `c${i}`;
    const readsOf: Record<string, string[]> = {};
    const afterOf: Record<string, string[]> = {};
    const calls: Call[] = [];
    for (let i = 0; i < n; i += 1) {
      const from = Array.from({ length: i }, (_, j) => j).filter((j) => reads[i][j]);
      readsOf[id(i)] = from.map(id);
      const args: { [k: string]: JsonValue } = {};
      for (const j of from) args[`a${j}`] = `{${id(j)}.out}`;
      const call: Call = { id: id(i), tool: `t${tools[i]}`, args };
      const a = after[i];
      afterOf[id(i)] = [];
      if (a !== undefined && a < i && !from.includes(a)) {
        call.after = [id(a)];
        afterOf[id(i)] = [id(a)];
      }
      calls.push(call);
    }
    const props = Object.fromEntries(Array.from({ length: 7 }, (_, j) => [`a${j}`, { type: 'string' }]));
    const toolDefs: ToolDef[] = Array.from({ length: TOOL_COUNT }, (_, k) => ({
      type: 'function',
      function: { name: `t${k}`, description: `Tool ${k}.`, parameters: { type: 'object', properties: props } },
      returns: { type: 'object', properties: { out: { type: 'string' } }, required: ['out'] },
      latencyMs: latency[k],
    }));
    const project: Project = {
      format: 'chainwright-project',
      version: 2,
      name: 'Random DAG',
      systemPrompt: 'You help.',
      tools: toolDefs,
      chains: [{ id: 'dag', requests: ['Do it.'], calls: order.map((i) => calls[i]) }],
    };
    return { project, reads: readsOf, after: afterOf };
  });

function exerciseOf(project: Project): Exercise {
  const made = makeExercise(project, project.chains[0].id, { search: 20 });
  if (!made.ok) throw new Error(made.reason);
  return made.exercise;
}

describe('grading, over random designs', () => {
  it('the best order, the right parallel marks and the right counts always score full marks', () => {
    fc.assert(
      fc.property(dagArb, ({ project }) => {
        const ex = exerciseOf(project);
        const grade = gradeAnswer(ex, answerOf(ex));
        expect(grade.mistakes).toEqual([]);
        expect(grade.score).toBe(grade.total);
        expect(grade.perfect).toBe(true);
        expect(grade.latency.yoursMs).toBe(ex.bestMs);
      }),
      { numRuns: 200 },
    );
  });

  it('a call moved to or before the turn of a call it needs is always flagged, naming that call', () => {
    const withEdge = dagArb.filter((d) => Object.values(d.reads).some((r) => r.length) || Object.values(d.after).some((a) => a.length));
    fc.assert(
      fc.property(withEdge, fc.nat(), fc.nat(), ({ project, reads, after }, pick, shift) => {
        const ex = exerciseOf(project);
        const edges = Object.entries(reads).flatMap(([to, froms]) => froms.map((from) => ({ from, to, data: true })));
        edges.push(...Object.entries(after).flatMap(([to, froms]) => froms.map((from) => ({ from, to, data: false }))));
        const { from, to, data } = edges[pick % edges.length];
        const fromTurn = ex.key.turnOf[from];
        const moved = 1 + (shift % fromTurn); // 1 … the turn of the call it needs
        const answer = answerOf(ex);
        const grade = gradeAnswer(ex, { ...answer, turnOf: { ...answer.turnOf, [to]: moved } });
        const label = ex.calls.find((c) => c.callId === from)!.label;
        const mine = ex.calls.find((c) => c.callId === to)!.label;
        const flagged = grade.mistakes.find((m) => m.kind === 'dependency' && m.callId === to && m.dependsOn === from);
        expect(flagged, JSON.stringify(grade.mistakes)).toBeDefined();
        expect(flagged!.text.startsWith(`${mine} cannot be in turn ${moved}: it `)).toBe(true);
        expect(flagged!.text).toContain(data ? `out from ${label}` : `set to run after ${label}`);
        expect(grade.placement[to]).toBe('wrong');
        expect(grade.perfect).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('a design that reads its results (loops, filters, conditions): the key scores full marks', () => {
    fc.assert(
      fc.property(randomDesignArb, (design) => {
        const made = makeExercise(design.project, design.chainId, { search: 10 });
        if (!made.ok) throw new Error(`${made.reason}\n${describeDesign(design)}`);
        const ex = made.exercise;
        expect(ex.questions.map((q) => q.callId)).toEqual(expect.arrayContaining([design.fanOut.id, design.conditional.id]));
        const grade = gradeAnswer(ex, answerOf(ex));
        expect(grade.mistakes, describeDesign(design)).toEqual([]);
        expect(grade.perfect).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('a wrong count is always flagged with its explanation', () => {
    fc.assert(
      fc.property(randomDesignArb, fc.integer({ min: 1, max: 5 }), (design, off) => {
        const made = makeExercise(design.project, design.chainId, { search: 10 });
        if (!made.ok) throw new Error(made.reason);
        const ex = made.exercise;
        const q = ex.questions[0];
        const answer = answerOf(ex);
        const grade = gradeAnswer(ex, { ...answer, counts: { ...answer.counts, [q.callId]: q.answer + off } });
        const mistake = grade.mistakes.find((m) => m.kind === 'count' && m.callId === q.callId);
        expect(mistake?.text).toContain(q.explanation);
        expect(grade.score).toBe(grade.total - 1);
      }),
      { numRuns: 30 },
    );
  });
});
