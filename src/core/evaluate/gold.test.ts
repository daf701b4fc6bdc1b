import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JsonValue } from '../project/types.ts';
import { compileTemplate, UNRESOLVED } from '../generate/compiled.ts';
import { prepareDataset } from '../dataset/stream.ts';
import { allChains, generatorFor, project } from '../formats/formats.testutil.ts';
import { evalBfclFormat, evalFormat, evalNestfulFormat, evalTaskBenchFormat, formatContext } from '../formats/registry.ts';
import { buildGoldCase, GoldMismatchError } from './gold.ts';
import { checkGoldRecord, parseGoldLines } from './parse.ts';
import { toBfcl, toNestful, toTaskBench } from './suites.ts';
import { evalProject, handMadeExample, handMadeGold } from './fixtures.testutil.ts';
import type { ArgSpec, GoldCase } from './types.ts';

const calls = (gc: GoldCase) => gc.gold.turns.flatMap((t) => t.calls);

describe('the gold test case of a hand-made example', () => {
  it('says where each argument comes from, resolved for this example', () => {
    const gc = handMadeGold(false);
    expect(gc.chain).toBe('remind-prep');
    expect(gc.pattern).toBe('loop');
    expect(gc.messages).toEqual([
      { role: 'system', content: 'You help.' },
      { role: 'user', content: 'Remind me at 09:00 of my high-priority tasks, and add a prep task if I have meetings tomorrow.' },
    ]);
    expect(gc.followups).toEqual([]);
    expect(gc.tools.map((t) => t.function.name)).toEqual(['list_tasks', 'get_calendar', 'create_reminder', 'create_task']);
    expect(gc.gold.turns.map((t) => t.calls.map((c) => `${c.call}:${c.id}${c.element !== undefined ? `[${c.element}]` : ''}`))).toEqual([
      ['0:tasks', '1:cal'],
      ['2:remind[0]', '3:remind[2]', '4:remind[4]'],
    ]);
    const third = calls(gc)[3];
    expect(third.args).toEqual({
      task_id: { value: 'T-003', ref: 'tasks.tasks[2].task_id', call: 0 },
      note: { value: 'Invoice at 09:00', template: '{tasks.tasks[2].title} at 09:00', refs: [{ ref: 'tasks.tasks[2].title', call: 0 }] },
    });
    expect(calls(gc)[0].args).toEqual({ due_before: { value: '2026-01-11' } });
    expect(calls(gc)[0].result).toMatchObject({ tasks: expect.any(Array) });
  });

  it('lists the data edges, the same-turn pairs, and how the fan-out and the condition resolved', () => {
    const gc = handMadeGold(false);
    expect(gc.gold.edges.filter((e) => !e.via).map((e) => `${e.from}→${e.to} ${e.arg} ← ${e.ref}`)).toEqual([
      '0→2 task_id ← tasks.tasks[0].task_id',
      '0→2 note ← tasks.tasks[0].title',
      '0→3 task_id ← tasks.tasks[2].task_id',
      '0→3 note ← tasks.tasks[2].title',
      '0→4 task_id ← tasks.tasks[4].task_id',
      '0→4 note ← tasks.tasks[4].title',
    ]);
    expect(gc.gold.edges.filter((e) => e.via).map((e) => `${e.from}→${e.to} ${e.via}`)).toEqual(['0→2 forEach', '0→3 forEach', '0→4 forEach']);
    expect(gc.gold.parallel).toEqual([
      [0, 1],
      [2, 3],
      [2, 4],
      [3, 4],
    ]);
    expect(gc.gold.fanouts).toEqual([
      {
        call: 'remind',
        over: 'tasks.tasks',
        where: 'task.priority = high',
        elements: 5,
        passed: [0, 2, 4],
        words: 'remind: 3 of 5 elements passed task.priority = high',
      },
    ]);
    expect(gc.gold.conditions).toEqual([
      { call: 'prep', when: 'cal.events.length > 0', held: false, ran: false, words: 'prep: skipped, cal.events.length > 0 was false' },
    ]);
    expect(gc.gold.reply).toEqual({
      text: 'I set 3 reminders (T-001, T-003 and T-005); your calendar is clear tomorrow.',
      variant: 1,
      mentions: [
        { ref: 'remind.length', value: 3 },
        { ref: 'remind[*].task_id', value: ['T-001', 'T-003', 'T-005'] },
      ],
    });
  });

  it('with a meeting, the prep task joins the reminders in the second turn, and the reply must name it', () => {
    const gc = handMadeGold(true);
    expect(gc.gold.turns[1].calls.map((c) => c.id)).toEqual(['remind', 'remind', 'remind', 'prep']);
    expect(calls(gc)[5].args).toEqual({
      title: { value: 'Prepare for Standup', template: 'Prepare for {cal.events[0].title}', refs: [{ ref: 'cal.events[0].title', call: 1 }] },
    });
    expect(gc.gold.parallel).toHaveLength(1 + 6);
    expect(gc.gold.conditions[0]).toMatchObject({ held: true, ran: true, words: 'prep: ran, cal.events.length > 0 was true' });
    expect(gc.gold.edges.filter((e) => e.to === 5).map((e) => `${e.from} ${e.arg} ${e.via ?? ''}`)).toEqual(['1 title ', '1 when.value when']);
    expect(gc.gold.reply.mentions.map((m) => m.ref)).toEqual(['remind.length', 'remind[*].task_id', 'prep.title']);
    expect(checkGoldRecord(JSON.parse(JSON.stringify(gc)))).toEqual([]);
  });

  it('refuses an example that does not follow its design', () => {
    const ex = handMadeExample(false);
    // A reminder for a low-priority task: the filter does not pass it.
    const second = ex.messages[4];
    if (second.role !== 'assistant' || !('calls' in second)) throw new Error('shape');
    second.calls[1].element = 1;
    expect(() => buildGoldCase(evalProject(), ex)).toThrow(GoldMismatchError);
  });
});

/** Every reference of a gold argument, read on the gold results, gives the argument's value. */
function checkRefs(gc: GoldCase, spec: ArgSpec): void {
  const results = new Map(calls(gc).map((c) => [c.call, c.result]));
  const scope: { [root: string]: JsonValue } = {};
  // Roots by design id: a fan-out's results as a list in call order (its last result for a retried call).
  for (const c of calls(gc)) {
    const fan = gc.design.calls.find((d) => d.id === c.id)?.forEach !== undefined;
    if (c.error) continue;
    if (fan) scope[c.id] = [...((scope[c.id] as JsonValue[]) ?? []), c.result];
    else scope[c.id] = c.result;
  }
  if (spec.ref !== undefined) {
    expect(compileTemplate(`{${spec.ref}}`).render(scope), spec.ref).toEqual(spec.value);
    if (spec.call !== undefined) expect(results.has(spec.call)).toBe(true);
  }
  if (spec.template !== undefined) expect(compileTemplate(spec.template).render({ ...gc.design.slots, ...scope })).toEqual(spec.value);
  for (const s of Object.values(spec.object ?? {})) checkRefs(gc, s);
  for (const s of spec.array ?? []) checkRefs(gc, s);
}

describe('gold test cases of every example project', () => {
  it('carry every call of the example, with its arguments, and references that read back their values', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allChains), fc.nat(100_000), fc.nat(500), fc.boolean(), (ref, seed, index, serializeParallel) => {
        const p = project(ref.name);
        const example = generatorFor(ref, { serializeParallel }).example(seed, index);
        const gc = buildGoldCase(p, example);
        const made = example.messages.flatMap((m) => (m.role === 'assistant' && 'calls' in m ? m.calls : []));
        expect(
          calls(gc)
            .map((c) => [c.tool, Object.fromEntries(Object.entries(c.args).map(([k, s]) => [k, s.value]))])
            .sort(),
        ).toEqual(made.map((c) => [c.tool, c.args]).sort());
        for (const c of calls(gc)) for (const spec of Object.values(c.args)) checkRefs(gc, spec);
        for (const e of gc.gold.edges) expect(e.from).toBeLessThan(e.to);
        for (const m of gc.gold.reply.mentions) expect(m.value).not.toBe(UNRESOLVED);
        expect(checkGoldRecord(JSON.parse(JSON.stringify(gc)))).toEqual([]);
        // Independent of how the example was serialised: the pairs come from the design's turns.
        const plain = buildGoldCase(p, generatorFor(ref).example(seed, index));
        if (!serializeParallel) expect(gc).toEqual(plain);
      }),
      { numRuns: 25 },
    );
  });
});

describe('the eval formats', () => {
  const p = evalProject();
  const context = formatContext(p);
  const example = handMadeExample(true);

  it('eval: one checked line per example; BFCL, TaskBench and NESTFUL lines from the same gold', () => {
    const line = evalFormat.write(example, context)[0];
    expect(evalFormat.check(line)).toEqual([]);
    const gc = JSON.parse(line) as GoldCase;
    expect(parseGoldLines(`${line}\n\n${line}\n`)).toMatchObject({ cases: [gc], problems: [{ line: 3, message: expect.stringContaining('used twice') }] });
    for (const f of [evalBfclFormat, evalTaskBenchFormat, evalNestfulFormat]) {
      const out = f.write(example, context);
      expect(out).toHaveLength(1);
      expect(f.check(out[0])).toEqual([]);
    }
    expect(evalFormat.check('{"id": 1}').map((f) => f.code)).toContain('field-type');
  });

  it('the checkers never throw, whatever JSON a line holds', () => {
    fc.assert(
      fc.property(fc.json(), fc.constantFrom(evalFormat, evalBfclFormat, evalTaskBenchFormat, evalNestfulFormat), (line, f) => {
        expect(Array.isArray(f.check(line))).toBe(true);
        const sure = JSON.stringify({
          id: 'x',
          gold: { turns: [{ calls: [{}] }], edges: [{}], parallel: [[9, 9]] },
          design: { calls: [1], turns: [[1]] },
          question: [],
          ground_truth: [{}],
          tool_nodes: [1],
          tool_links: [{}],
          output: [{}],
          sample_id: 's',
        });
        expect(f.check(sure).length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });

  it('BFCL: each call with its acceptable values, optional parameters that may be left out', () => {
    const bfcl = toBfcl(buildGoldCase(p, example));
    expect(bfcl.question).toEqual([
      [
        { role: 'system', content: 'You help.' },
        { role: 'user', content: example.messages[0].role === 'user' ? example.messages[0].text : '' },
      ],
    ]);
    expect(bfcl.ground_truth).toEqual([
      { list_tasks: { due_before: ['2026-01-11'] } },
      { get_calendar: { date: ['2026-01-06'] } },
      { create_reminder: { task_id: ['T-001'], note: ['Budget at 09:00'] } },
      { create_reminder: { task_id: ['T-003'], note: ['Invoice at 09:00'] } },
      { create_reminder: { task_id: ['T-005'], note: ['Report at 09:00'] } },
      { create_task: { title: ['Prepare for Standup'], priority: ['', 'low'] } },
    ]);
    expect(bfcl.function.map((f) => f.name)).toEqual(['list_tasks', 'get_calendar', 'create_reminder', 'create_task']);
  });

  it('TaskBench: nodes, links by tool, references as <node-k>; NESTFUL: labels and $var_k.path$', () => {
    const gc = buildGoldCase(p, example);
    const tb = toTaskBench(gc);
    expect(tb.tool_nodes.map((n) => n.task)).toEqual(['list_tasks', 'get_calendar', 'create_reminder', 'create_reminder', 'create_reminder', 'create_task']);
    expect(tb.tool_links).toEqual([
      { source: 'list_tasks', target: 'create_reminder' },
      { source: 'list_tasks', target: 'create_reminder' },
      { source: 'list_tasks', target: 'create_reminder' },
      { source: 'get_calendar', target: 'create_task' },
    ]);
    expect(tb.tool_nodes[3].arguments).toEqual([
      { name: 'task_id', value: '<node-0>' },
      { name: 'note', value: 'Invoice at 09:00' },
    ]);
    expect(tb).toMatchObject({ n_tools: 6, type: 'dag', user_request: gc.messages[1].content });
    const ns = toNestful(gc, p);
    expect(ns.output.map((o) => o.label)).toEqual(['$var_1', '$var_2', '$var_3', '$var_4', '$var_5', '$var_6']);
    expect(ns.output[3]).toEqual({ name: 'create_reminder', label: '$var_4', arguments: { task_id: '$var_1.tasks[2].task_id$', note: 'Invoice at 09:00' } });
    expect(ns.output[5].arguments).toEqual({ title: 'Prepare for Standup' });
    expect(ns.gold_answer).toBe(gc.gold.reply.text);
    expect(ns.tools[0]).toMatchObject({ name: 'list_tasks', required: ['due_before'], output_parameters: { tasks: expect.any(Object) } });
  });

  it('the split applies as for other formats: the test file holds the unseen requests', () => {
    const spec = (format: string) => ({
      project: project('task-reminders'),
      format,
      seed: 5,
      selection: { kind: 'even' as const, total: 30 },
      split: { fraction: 0.25, by: 'template' as const },
    });
    const texts = (format: string) => {
      const prepared = prepareDataset(spec(format));
      if (!prepared.ok) throw new Error('refused');
      const out: Record<string, string[]> = { train: [], test: [] };
      for (const chunk of prepared.run.chunks()) if (chunk.kind === 'lines') out[chunk.file].push(...chunk.text.split('\n').filter(Boolean));
      return out;
    };
    const gold = texts('eval');
    const openai = texts('openai');
    expect(gold.test.length).toBeGreaterThan(0);
    const firstUser = (line: string) =>
      (JSON.parse(line) as { messages: { role: string; content: string }[] }).messages.find((m) => m.role === 'user')!.content;
    expect(gold.test.map(firstUser)).toEqual(openai.test.map(firstUser));
    expect(gold.train.map(firstUser)).toEqual(openai.train.map(firstUser));
    const trainRequests = new Set(gold.train.map(firstUser));
    for (const line of gold.test) expect(trainRequests.has(firstUser(line))).toBe(false);
  });
});
