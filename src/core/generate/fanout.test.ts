import { describe, expect, it } from 'vitest';
import type { Chain, JsonValue } from '../project/types.ts';
import { prepareDataset, type DatasetSpec, type FileName } from '../dataset/stream.ts';
import { loadExample } from '../testing/fixtures.ts';
import { isCallsMessage, type Example } from './types.ts';
import { callMessages, callsOf, generatorOf, project, range, replyOf, resultsOf, tool } from './resultAware.testutil.ts';

interface Task {
  task_id: string;
  title: string;
  priority: 'low' | 'medium' | 'high';
  due_date: string;
}
const tasksOf = (ex: Example) => (resultsOf(ex, 'tasks')[0] as unknown as { tasks: Task[] }).tasks;
const high = (ex: Example) => tasksOf(ex).filter((t) => t.priority === 'high');
const shape = (ex: Example) =>
  ex.messages.map((m) =>
    m.role === 'user' ? 'user' : m.role === 'tool' ? `tool:${m.callId}` : isCallsMessage(m) ? `calls:${m.calls.map((c) => c.callId).join('+')}` : 'reply',
  );
const repeat = <T>(n: number, ...xs: T[]): T[] => range(n).flatMap(() => xs);

describe('fan-out: one call per element that passes where (task-reminders)', () => {
  const reminders = loadExample('task-reminders');
  const g = generatorOf(reminders);
  const examples = range(1000).map((i) => g.example(1, i));

  it('over 1000 examples the number of reminders varies, 0 included, and lists mix high and other tasks', () => {
    const counts = examples.map((ex) => callsOf(ex, 'remind').length);
    const tasks = examples.map(tasksOf);
    expect(new Set(counts).size).toBeGreaterThanOrEqual(3);
    expect(counts).toContain(0);
    // No more than the list's maxItems (6), and the top of the range is reached.
    const maxItems = (reminders.tools[0].returns!.properties as { tasks: { maxItems: number } }).tasks.maxItems;
    expect(Math.max(...counts)).toBeLessThanOrEqual(maxItems);
    expect(Math.max(...tasks.map((t) => t.length))).toBe(maxItems);
    // Zero matches in a non-empty list happen too (the filter at work, not only empty lists).
    expect(examples.some((ex) => tasksOf(ex).length > 0 && high(ex).length === 0)).toBe(true);
    const mixed = examples.filter((ex) => high(ex).length > 0 && high(ex).length < tasksOf(ex).length);
    expect(mixed.length).toBeGreaterThan(50);
  });

  it("each reminder is for a high-priority task of that example's list, in the list's order, and every high task has exactly one", () => {
    for (const ex of examples) {
      const calls = callsOf(ex, 'remind');
      const wanted = high(ex);
      expect(
        calls.map((c) => c.args.task_id),
        `#${ex.index}`,
      ).toEqual(wanted.map((t) => t.task_id));
      calls.forEach((c, k) => {
        expect(c.args.title).toBe(wanted[k].title);
        expect(c.args.remind_at).toBe(`${wanted[k].due_date}T${ex.slots.time as string}`);
      });
      // One result per call, answering it.
      const results = ex.messages.filter((m) => m.role === 'tool' && m.callId === 'remind');
      expect(results.map((m) => (m.role === 'tool' ? m.id : ''))).toEqual(calls.map((c) => c.id));
    }
  });

  it('all the reminders are in ONE assistant message (parallel calls), results after it in the same order; none when there are none', () => {
    for (const ex of examples) {
      const n = high(ex).length;
      const messages = callMessages(ex);
      expect(messages.length).toBe(n > 0 ? 2 : 1);
      expect(shape(ex)).toEqual([
        'user',
        'calls:tasks',
        'tool:tasks',
        ...(n > 0 ? [`calls:${repeat(n, 'remind').join('+')}`, ...repeat(n, 'tool:remind')] : []),
        'reply',
      ]);
    }
  });

  it("serializeParallel: each reminder is its own turn, in the list's order", () => {
    const s = generatorOf(reminders, undefined, { serializeParallel: true });
    let several = 0;
    for (const i of range(300)) {
      const ex = s.example(1, i);
      const n = high(ex).length;
      if (n > 1) several += 1;
      expect(shape(ex)).toEqual(['user', 'calls:tasks', 'tool:tasks', ...repeat(n, 'calls:remind', 'tool:remind'), 'reply']);
      expect(callsOf(ex, 'remind').map((c) => c.args.task_id)).toEqual(high(ex).map((t) => t.task_id));
      for (const calls of callMessages(ex)) expect(calls).toHaveLength(1);
    }
    expect(several).toBeGreaterThan(30);
  });

  it('the reply variant follows what happened: no tasks, a single task (high or not), none high, one, several', () => {
    const seen = new Set<string>();
    for (const ex of examples) {
      const tasks = tasksOf(ex);
      const reminded = resultsOf(ex, 'remind') as { title: string; remind_at: string }[];
      const reply = replyOf(ex);
      let kind: string;
      if (tasks.length === 0) {
        kind = 'empty';
        expect(reply).toBe('You have no open tasks due this week, so there was nothing to remind you about.');
      } else if (tasks.length === 1) {
        // A single task gets its own words (never "1 tasks").
        kind = reminded.length === 1 ? 'only task, high' : 'only task, not high';
        expect(reply).toBe(
          reminded.length === 1
            ? `Your one task due this week, "${reminded[0].title}", is high priority: I'll remind you about it at ${reminded[0].remind_at}.`
            : `Your one task due this week, "${tasks[0].title}", is not high priority, so I set no reminder.`,
        );
      } else if (reminded.length === 0) {
        kind = 'none';
        expect(reply.startsWith(`None of your ${tasks.length} tasks`) || reply.startsWith(`I checked your ${tasks.length} tasks`), reply).toBe(true);
      } else if (reminded.length === 1) {
        kind = 'one';
        expect(reply).toBe(
          `Of your ${tasks.length} tasks due this week, one is high priority: I'll remind you about "${reminded[0].title}" at ${reminded[0].remind_at}.`,
        );
      } else {
        kind = 'several';
        expect(reply.includes(`${reminded.length} high-priority ones`) || reply.startsWith(`Done: ${reminded.length} of your ${tasks.length}`), reply).toBe(
          true,
        );
      }
      seen.add(kind);
    }
    expect([...seen].sort()).toEqual(['empty', 'none', 'one', 'only task, high', 'only task, not high', 'several']);
  });

  it("a forEach over a fan-out call's results goes element by element, in a later turn", () => {
    const p = structuredClone(reminders);
    p.tools.push(
      tool('confirm_reminder', { reminder_id: { type: 'string' } }, { type: 'object', properties: { ok: { type: 'boolean', const: true } }, required: ['ok'] }),
    );
    p.chains[0].calls.push({ id: 'confirm', tool: 'confirm_reminder', forEach: '{remind[*]}', as: 'r', args: { reminder_id: '{r.reminder_id}' } });
    const c = generatorOf(p);
    for (const i of range(200)) {
      const ex = c.example(4, i);
      const ids = (resultsOf(ex, 'remind') as { reminder_id: string }[]).map((r) => r.reminder_id);
      expect(callsOf(ex, 'confirm').map((x) => x.args.reminder_id)).toEqual(ids);
      const n = ids.length;
      expect(shape(ex).slice(3, -1)).toEqual(
        n
          ? [`calls:${repeat(n, 'remind').join('+')}`, ...repeat(n, 'tool:remind'), `calls:${repeat(n, 'confirm').join('+')}`, ...repeat(n, 'tool:confirm')]
          : [],
      );
    }
  });
});

describe('[min:key] picks an element by its key', () => {
  const flights: Chain = {
    id: 'cheapest',
    requests: ['Book me the cheapest flight to Lisbon.'],
    calls: [
      { id: 'f', tool: 'search_flights', args: { to: 'LIS' } },
      { id: 'book', tool: 'book_flight', args: { flight_id: '{f.flights[min:price].id}', price: '{f.flights[min:price].price}' } },
    ],
    reply: 'Booked {book.booking_id}: {f.flights[min:price].id} for {f.flights[min:price].price} (the dearest was {f.flights[max:price].price}).',
  };
  const p = project(
    [
      tool(
        'search_flights',
        { to: { type: 'string' } },
        {
          type: 'object',
          properties: {
            flights: {
              type: 'array',
              minItems: 1,
              maxItems: 5,
              items: {
                type: 'object',
                properties: { id: { type: 'string', pattern: '^F-[0-9]{3}$' }, price: { type: 'integer', minimum: 50, maximum: 900 } },
                required: ['id', 'price'],
              },
            },
          },
          required: ['flights'],
        },
      ),
      tool(
        'book_flight',
        { flight_id: { type: 'string' }, price: { type: 'integer' } },
        { type: 'object', properties: { booking_id: { type: 'string', pattern: '^B-[0-9]{4}$' } }, required: ['booking_id'] },
      ),
    ],
    [flights],
  );

  it('books the cheapest flight: the chosen price is the minimum, its position varies over examples (first on ties)', () => {
    const g = generatorOf(p);
    const positions: number[] = [];
    for (const i of range(300)) {
      const ex = g.example(8, i);
      const list = (resultsOf(ex, 'f')[0] as { flights: { id: string; price: number }[] }).flights;
      const prices = list.map((x) => x.price);
      const min = Math.min(...prices);
      const at = prices.indexOf(min);
      positions.push(at);
      const [book] = callsOf(ex, 'book');
      expect(book.args).toEqual({ flight_id: list[at].id, price: min });
      const booking = resultsOf(ex, 'book')[0] as { booking_id: string };
      expect(replyOf(ex)).toBe(`Booked ${booking.booking_id}: ${list[at].id} for ${min} (the dearest was ${Math.max(...prices)}).`);
    }
    expect(new Set(positions).size).toBeGreaterThan(2);
    expect(positions.filter((k) => k !== 0).length).toBeGreaterThan(60);
  });
});

describe('a dataset of a fan-out chain', () => {
  function collect(spec: DatasetSpec): Record<FileName, string> {
    const made = prepareDataset(spec);
    if (!made.ok) throw new Error(made.diagnostics.map((d) => d.message).join('\n'));
    const files: Record<FileName, string> = { train: '', test: '' };
    for (const chunk of made.run.chunks({ examplesPerChunk: 9 })) {
      if (chunk.kind === 'error') throw new Error(chunk.error.message);
      files[chunk.file] += chunk.text;
    }
    return files;
  }

  it('shards: the N parts of task-reminders in order are the unsharded file, byte for byte (parallel and serialised, with a split)', () => {
    const project = loadExample('task-reminders');
    const specs: DatasetSpec[] = [
      { project, format: 'openai', seed: 3, selection: { kind: 'even', total: 83 } },
      {
        project,
        format: 'anthropic',
        seed: 4,
        selection: { kind: 'even', total: 70 },
        options: { serializeParallel: true },
        split: { fraction: 0.25, by: 'template' },
      },
    ];
    for (const spec of specs) {
      const whole = collect(spec);
      expect(whole.train.split('\n').length).toBeGreaterThan(50);
      for (const n of [2, 3, 7]) {
        const parts: Record<FileName, string> = { train: '', test: '' };
        for (let k = 1; k <= n; k += 1) {
          const part = collect({ ...spec, shard: { index: k, count: n } });
          parts.train += part.train;
          parts.test += part.test;
        }
        expect(parts, `${spec.format} in ${n} shards`).toEqual(whole);
      }
      expect(collect(spec)).toEqual(whole);
    }
  });

  it('the lines of a dataset hold the examples the generator makes alone (same seed, same index)', () => {
    const project = loadExample('task-reminders');
    const text = collect({ project, format: 'openai', seed: 5, selection: { kind: 'even', total: 40 }, options: { includeTools: false } }).train;
    const g = generatorOf(project);
    text
      .trimEnd()
      .split('\n')
      .forEach((line, i) => {
        const calls = (JSON.parse(line) as { messages: { tool_calls?: { function: { arguments: string } }[] }[] }).messages.flatMap((m) => m.tool_calls ?? []);
        const expected = callMessages(g.example(5, i))
          .flat()
          .map((c) => c.args as JsonValue);
        expect(calls.map((c) => JSON.parse(c.function.arguments) as JsonValue)).toEqual(expected);
      });
  });
});
