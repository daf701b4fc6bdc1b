import { describe, expect, it } from 'vitest';
import type { Call, Project } from '../project/types.ts';
import { loadExample } from '../testing/fixtures.ts';
import { CALENDAR_TOOLS, callsOf, generatorOf, prepChain, project, range, ran, resultsOf, share, tool } from './resultAware.testutil.ts';

const N = 1000;
/** Design §4: over 1000 examples, within ±5 points. */
const TOLERANCE = 0.05;

function withRate(base: Project, callId: string, rate: number): Project {
  const p = structuredClone(base);
  const call = p.chains[0].calls.find((c) => c.id === callId)!;
  call.whenRate = rate;
  return p;
}

describe('steering: a when holds in about whenRate of the examples', () => {
  const meetingPrep = loadExample('meeting-prep');

  for (const rate of [0.5, 0.2, 0.9]) {
    it(`meeting-prep, whenRate ${rate}: prep runs in ${rate * 100} % ± 5 points of ${N} examples`, () => {
      const p = rate === 0.5 ? meetingPrep : withRate(meetingPrep, 'prep', rate);
      expect(p.chains[0].calls[1].whenRate).toBe(rate);
      const g = generatorOf(p);
      const examples = range(N).map((i) => g.example(7, i));
      const got = share(examples, (ex) => ran(ex, 'prep'));
      expect(Math.abs(got - rate), `ran in ${got}`).toBeLessThanOrEqual(TOLERANCE);
      // Steering changes the result, not the rule: the call runs exactly when its condition holds on what the calendar returned.
      for (const ex of examples) expect(ran(ex, 'prep')).toBe((resultsOf(ex, 'cal')[0] as { events: unknown[] }).events.length > 0);
    });
  }

  it('the default rate is 0.5, and another seed gives another draw within the same band', () => {
    const p = structuredClone(meetingPrep);
    delete p.chains[0].calls[1].whenRate;
    const g = generatorOf(p);
    for (const seed of [1, 2]) {
      const got = share(
        range(N).map((i) => g.example(seed, i)),
        (ex) => ran(ex, 'prep'),
      );
      expect(Math.abs(got - 0.5)).toBeLessThanOrEqual(TOLERANCE);
    }
  });

  it("a condition on a field (not a length): the steered value is inside the field's schema and the rate holds", () => {
    const tools = structuredClone(CALENDAR_TOOLS);
    const events = (tools[0].returns!.properties as { events: { items: { properties: Record<string, unknown> } } }).events.items.properties;
    events.attendees = { type: 'integer', minimum: 1, maximum: 40 };
    (tools[0].returns!.properties as { events: { items: { required: string[] } } }).events.items.required.push('attendees');
    const chain = prepChain({ when: { value: '{cal.events[0].attendees}', gte: 10 }, whenRate: 0.3 });
    const g = generatorOf(project(tools, [chain]));
    const examples = range(N).map((i) => g.example(3, i));
    const first = (ex: (typeof examples)[number]) => (resultsOf(ex, 'cal')[0] as { events: { attendees: number }[] }).events[0];
    expect(Math.abs(share(examples, (ex) => ran(ex, 'prep')) - 0.3)).toBeLessThanOrEqual(TOLERANCE);
    for (const ex of examples) {
      const a = first(ex).attendees;
      expect(Number.isInteger(a) && a >= 1 && a <= 40, String(a)).toBe(true);
      expect(ran(ex, 'prep')).toBe(a >= 10);
    }
  });
});

describe("steering: a when on a fan-out's count", () => {
  /** task-reminders with a notification after the reminders, only when some were set. */
  function withNotify(rate: number, when: Call['when'] = { value: '{remind.length}', gt: 0 }): Project {
    const p = structuredClone(loadExample('task-reminders'));
    p.tools.push(structuredClone(CALENDAR_TOOLS[3]));
    p.chains[0].calls.push({ id: 'notify', tool: 'notify', when, whenRate: rate, args: { message: 'Set {remind.length} reminders.' } });
    return p;
  }

  it('{remind.length} gt 0: notify runs exactly when reminders were set, and reads their count', () => {
    const g = generatorOf(withNotify(0.3));
    const examples = range(300).map((i) => g.example(11, i));
    for (const ex of examples) {
      const n = callsOf(ex, 'remind').length;
      expect(ran(ex, 'notify')).toBe(n > 0);
      if (n > 0) expect(callsOf(ex, 'notify')[0].args.message).toBe(`Set ${n} reminders.`);
    }
    expect(new Set(examples.map((ex) => ran(ex, 'notify'))).size).toBe(2);
  });

  // With a `where`, the list's length is drawn among those that can reach the count the example wants
  // (before 15054ac it was drawn first, and gt 0 at 0.3 gave ~0.25, at 0.8 ~0.65).
  for (const rate of [0.3, 0.8]) {
    it(`{remind.length} gt 0 with whenRate ${rate}: notify runs in ${rate * 100} % ± 5 points of ${N} examples`, () => {
      const g = generatorOf(withNotify(rate));
      const got = share(
        range(N).map((i) => g.example(11, i)),
        (ex) => ran(ex, 'notify'),
      );
      expect(Math.abs(got - rate), `notify ran in ${got}`).toBeLessThanOrEqual(TOLERANCE);
    });
  }

  it('a count threshold ({remind.length} gte 2): notify runs exactly above it, and the counts on each side stay varied', () => {
    const g = generatorOf(withNotify(0.5, { value: '{remind.length}', gte: 2 }));
    const examples = range(N).map((i) => g.example(12, i));
    const counts = examples.map((ex) => callsOf(ex, 'remind').length);
    expect(new Set(counts.filter((n) => n >= 2)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(counts.filter((n) => n < 2))).toEqual(new Set([0, 1]));
    examples.forEach((ex, i) => expect(ran(ex, 'notify')).toBe(counts[i] >= 2));
  });

  it('a count threshold ({remind.length} gte 2) with whenRate 0.5: holds in 50 % ± 5 points', () => {
    const g = generatorOf(withNotify(0.5, { value: '{remind.length}', gte: 2 }));
    const got = share(
      range(N).map((i) => g.example(12, i)),
      (ex) => ran(ex, 'notify'),
    );
    expect(Math.abs(got - 0.5), `notify ran in ${got}`).toBeLessThanOrEqual(TOLERANCE);
  });

  it("without a where, a count target holds in about whenRate (the list's length is chosen to fit)", () => {
    const p = structuredClone(loadExample('task-reminders'));
    p.tools.push(structuredClone(CALENDAR_TOOLS[3]));
    delete p.chains[0].calls[1].where;
    p.chains[0].reply = 'Set {remind.length} reminders.';
    p.chains[0].calls.push({
      id: 'notify',
      tool: 'notify',
      when: { value: '{remind.length}', gte: 3 },
      whenRate: 0.4,
      args: { message: 'Set {remind.length} reminders.' },
    });
    const g = generatorOf(p);
    const examples = range(N).map((i) => g.example(13, i));
    const got = share(examples, (ex) => ran(ex, 'notify'));
    expect(Math.abs(got - 0.4), `notify ran in ${got}`).toBeLessThanOrEqual(TOLERANCE);
    for (const ex of examples) expect(ran(ex, 'notify')).toBe(callsOf(ex, 'remind').length >= 3);
  });
});

describe('determinism', () => {
  const names = ['task-reminders', 'meeting-prep'];

  it('the same (project, chain, seed, index) gives the same example, from any generator, in any order', () => {
    for (const name of names) {
      const a = generatorOf(loadExample(name));
      const b = generatorOf(loadExample(name));
      const inOrder = range(60).map((i) => a.example(21, i));
      for (const i of [59, 3, 17, 0, 42]) expect(b.example(21, i), `${name} #${i}`).toEqual(inOrder[i]);
      for (const i of [5, 5, 30]) expect(a.example(21, i)).toEqual(inOrder[i]);
      expect(JSON.stringify(b.example(22, 3))).not.toBe(JSON.stringify(inOrder[3]));
    }
  });

  it("steering draws from the example's own stream: what a generator made before does not change the next example", () => {
    const p = loadExample('meeting-prep');
    const g1 = generatorOf(p);
    const g2 = generatorOf(p);
    for (let i = 0; i < 50; i += 1) g2.example(99, i);
    for (const i of range(20)) expect(g2.example(5, i)).toEqual(g1.example(5, i));
  });
});

describe('a fan-out over a list another call reads at [0]', () => {
  it('keeps at least one element (the length is drawn from the tightened list), so the read never fails', () => {
    const list = tool(
      'list_items',
      { folder: { type: 'string' } },
      {
        type: 'object',
        properties: {
          items: {
            type: 'array',
            minItems: 0,
            maxItems: 1,
            items: { type: 'object', properties: { item_id: { type: 'string', pattern: '^I-[0-9]{4}$' } }, required: ['item_id'] },
          },
        },
        required: ['items'],
      },
    );
    const save = tool(
      'save_item',
      { item_id: { type: 'string' } },
      { type: 'object', properties: { saved_id: { type: 'string', pattern: '^S-[0-9]{4}$' } }, required: ['saved_id'] },
    );
    const wipe = tool(
      'delete_item',
      { item_id: { type: 'string' } },
      { type: 'object', properties: { deleted: { type: 'boolean', const: true } }, required: ['deleted'] },
    );
    const g = generatorOf(
      project(
        [list, save, wipe],
        [
          {
            id: 'tidy',
            requests: ['Tidy up the inbox.'],
            calls: [
              { id: 'list', tool: 'list_items', args: { folder: 'inbox' } },
              { id: 'save', tool: 'save_item', args: { item_id: '{list.items[0].item_id}' } },
              { id: 'wipe', tool: 'delete_item', forEach: '{list.items[*]}', as: 'w', args: { item_id: '{w.item_id}' } },
            ],
            reply: 'Saved {save.saved_id}.',
          },
        ],
      ),
    );
    for (const i of range(200)) expect((resultsOf(g.example(999859, i), 'list')[0] as { items: unknown[] }).items).toHaveLength(1);
  });
});

describe('steering: a list grown to a drawn length does not repeat a name', () => {
  // task-reminders draws how many tasks are high priority and grows the list to fit; its 14
  // titles (an enum) once gave one list in six two tasks of the same title.
  for (const [example, call, list] of [
    ['task-reminders', 'tasks', 'tasks'],
    ['archive-cleanup', 'old', 'projects'],
  ] as const) {
    it(`${example}: no two items of ${call}'s ${list} share a title or a name over 300 examples`, () => {
      const g = generatorOf(loadExample(example));
      let lists = 0;
      for (const i of range(300)) {
        for (const result of resultsOf(g.example(5, i), call)) {
          const items = (result as Record<string, unknown>)[list] as Record<string, unknown>[];
          for (const key of ['title', 'name']) {
            const names = items.map((item) => item[key]).filter((v) => typeof v === 'string');
            expect(new Set(names).size, `${example} #${i}: ${names.join(', ')}`).toBe(names.length);
          }
          lists += 1;
        }
      }
      expect(lists).toBeGreaterThan(200);
    });
  }
});
