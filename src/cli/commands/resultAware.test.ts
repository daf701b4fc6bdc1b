import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMATS } from '../../core/generation.ts';
import { EXIT_INVALID, EXIT_OK } from '../main.ts';
import { cli, scratchDir } from '../testing.testutil.ts';

/** The command line on designs that read their results (project format 2: forEach, where, when, reply variants). */

const REMINDERS = 'public/examples/task-reminders.chain.json';
const MEETING = 'public/examples/meeting-prep.chain.json';
/** Every format that writes one JSONL file (distil, a bundle, has its own test below). */
const LINE_FORMATS = FORMATS.filter((f) => !f.bundle).map((f) => f.id);
const COUNT = 40;

let dir: string;
beforeAll(() => {
  dir = scratchDir('result-aware');
});
const at = (name: string) => join(dir, name);

type Json = { [k: string]: unknown };
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Json;
function writeDesign(name: string, edit: (chain: Json & { calls: Json[] }, project: Json) => void, from = REMINDERS): string {
  const project = readJson(from) as Json & { chains: (Json & { calls: Json[] })[] };
  edit(project.chains[0], project);
  writeFileSync(at(name), `${JSON.stringify(project, null, 2)}\n`);
  return at(name);
}

/** The most elements task-reminders' task list may hold (its schema's maxItems: 6). */
const TASKS_MAX = (readJson(REMINDERS) as { tools: { returns: { properties: { tasks?: { maxItems: number } } } }[] }).tools[0].returns.properties.tasks!
  .maxItems;

describe('chainwright plan', () => {
  it(`task-reminders: the fan-out turn says 0 to ${TASKS_MAX} calls, and the call says what it goes through and which elements it takes`, () => {
    const r = cli('plan', REMINDERS);
    expect(r.code, r.stderr).toBe(EXIT_OK);
    expect(TASKS_MAX).toBe(6);
    expect(r.stdout).toContain(`Turn 2 · 0 to ${TASKS_MAX} calls, varies per example`);
    expect(r.stdout).toContain(`0 to ${TASKS_MAX} calls`);
    expect(r.stdout).toMatch(new RegExp(`^ +once for each element of tasks\\.tasks where task\\.priority = high: 0 to ${TASKS_MAX} calls in parallel$`, 'm'));
    expect(r.stdout).toContain('(in an example where it makes no call, the turn is left out and the later turns move up)');
  });

  it('meeting-prep: the conditional call says when it runs and the rate it is steered to', () => {
    const r = cli('plan', MEETING);
    expect(r.code, r.stderr).toBe(EXIT_OK);
    expect(r.stdout).toContain('Turn 2 · 0 to 1 calls, varies per example');
    expect(r.stdout).toMatch(/^ +only when cal\.events\.length > 0 \(steered to hold in about 50 % of the examples\)$/m);
  });

  it("plan --json carries each varying call's variation and each turn's calls_min / calls_max", () => {
    for (const [file, min, max, words] of [
      [REMINDERS, 0, TASKS_MAX, `once for each element of tasks.tasks where task.priority = high: 0 to ${TASKS_MAX} calls in parallel`],
      [MEETING, 0, 1, 'only when cal.events.length > 0 (steered to hold in about 50 % of the examples)'],
    ] as const) {
      const r = cli('plan', file, '--json');
      expect(r.code, r.stderr).toBe(EXIT_OK);
      const [report] = JSON.parse(r.stdout) as {
        explanation: { turns: { calls_min?: number; calls_max?: number; calls: { callId: string; variation?: string }[] }[] };
      }[];
      const [first, second] = report.explanation.turns;
      expect(first.calls_min).toBeUndefined();
      expect(first.calls.every((c) => c.variation === undefined)).toBe(true);
      expect({ min: second.calls_min, max: second.calls_max }).toEqual({ min, max });
      expect(second.calls[0].variation).toBe(words);
    }
  });

  it('a whenRate is reported as given', () => {
    const file = writeDesign('rate.chain.json', (chain) => (chain.calls[1].whenRate = 0.2), MEETING);
    expect(cli('plan', file).stdout).toContain('steered to hold in about 20 % of the examples');
  });
});

describe('chainwright generate and check: the new examples in every format', () => {
  it('the line formats include openai, hf, sharegpt, hermes and anthropic', () => {
    expect(LINE_FORMATS).toEqual(expect.arrayContaining(['openai', 'hf', 'sharegpt', 'hermes', 'anthropic']));
    expect(FORMATS.filter((f) => f.bundle).map((f) => f.id)).toEqual(['distil']);
  });

  for (const file of [REMINDERS, MEETING]) {
    it(`${file.replace(/^.*\/|\.chain\.json$/g, '')}: every line format (and openai serialised) writes lines that check accepts`, () => {
      const base = file === REMINDERS ? 'tr' : 'mp';
      for (const [format, extra] of [...LINE_FORMATS.map((f) => [f, []] as [string, string[]]), ['openai', ['--serialize-parallel']] as [string, string[]]]) {
        const out = at(`${base}-${format}${extra.length ? '-serial' : ''}.jsonl`);
        const g = cli('generate', file, '--format', format, ...extra, '--count', String(COUNT), '--seed', '3', '--out', out);
        expect(g.code, `${file} ${format}: ${g.stderr}`).toBe(EXIT_OK);
        expect(g.stderr).toContain(`wrote ${COUNT} train examples to ${out}`);
        expect(g.stderr).toMatch(file === REMINDERS ? /patterns: loop 100\.0%/ : /patterns: conditional 100\.0%/);
        expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(COUNT);
        const c = cli('check', out, '--format', format);
        expect(c.code, `${file} ${format}: ${c.stdout}`).toBe(EXIT_OK);
        expect(c.stderr).toContain(`${COUNT} lines checked`);
        expect(c.stderr).toContain('all good');
      }
    }, 20_000);
  }

  it('distil: refused for the single-request examples, saying which calls need requests; a multi-turn meeting-prep is written and checked', () => {
    for (const file of [REMINDERS, MEETING]) {
      const r = cli('generate', file, '--format', 'distil', '--count', '10', '--out', at(`refused-${file.length}`));
      expect(r.code).toBe(EXIT_INVALID);
      expect(r.stderr).toMatch(/\$\.chains\[0\]\.calls\[0\]\.requests: error: distil needs a user request before every call.*\[distil-no-step-request/);
      expect(r.stderr).toMatch(/\$\.chains\[0\]\.calls\[1\]\.requests: error: .*\[distil-no-step-request/);
    }
    const file = writeDesign(
      'meeting-steps.chain.json',
      (chain) => {
        chain.calls[0].requests = ['What is on my {calendar} calendar tomorrow?'];
        chain.calls[1].requests = ['If there is anything, add a prep task for today.'];
      },
      MEETING,
    );
    const folder = at('meeting-distil');
    const g = cli('generate', file, '--format', 'distil', '--count', '80', '--seed', '5', '--keep-repeats', '--out', folder);
    expect(g.code, g.stderr).toBe(EXIT_OK);
    // One line per call: the examples where prep was skipped have one, the others two.
    const lines = readFileSync(join(folder, 'train.jsonl'), 'utf8').trimEnd().split('\n').length;
    expect(lines).toBeGreaterThan(80 + 10);
    expect(lines).toBeLessThan(160 - 10);
    const c = cli('check', folder);
    expect(c.code, c.stdout).toBe(EXIT_OK);
    // Without --keep-repeats, the lines that repeat an earlier one (the request alone has few forms) are left out.
    const distinct = at('meeting-distil-distinct');
    expect(cli('generate', file, '--format', 'distil', '--count', '80', '--seed', '5', '--out', distinct).code).toBe(EXIT_OK);
    const kept = readFileSync(join(distinct, 'train.jsonl'), 'utf8').trimEnd().split('\n');
    expect(new Set(kept).size).toBe(kept.length);
    expect(kept.length).toBeLessThan(lines);
  });

  // A multi-turn chain (every call has requests) with a fan-out: serialised, each element's call is its own turn.
  it('a multi-turn chain with a fan-out: distil and openai --serialize-parallel write every example, and check accepts them', () => {
    const file = writeDesign('reminders-steps.chain.json', (chain) => {
      chain.calls[0].requests = ['List my tasks due this week.'];
      chain.calls[1].requests = ['Now add a reminder for each high-priority one.'];
    });
    const d = cli('generate', file, '--format', 'distil', '--count', '40', '--out', at('reminders-distil'));
    const o = cli('generate', file, '--format', 'openai', '--serialize-parallel', '--count', '40', '--out', at('reminders-serial.jsonl'));
    expect({ distil: d.code, openai: o.code }, `${d.stderr}\n${o.stderr}`).toEqual({ distil: EXIT_OK, openai: EXIT_OK });
    expect(cli('check', at('reminders-distil')).code).toBe(EXIT_OK);
    expect(cli('check', at('reminders-serial.jsonl'), '--format', 'openai').code).toBe(EXIT_OK);
  });
});

describe('chainwright validate: a broken version-2 design names each problem with its path and code', () => {
  /** `FILE: path: severity: message [code, line N]` lines. */
  const findings = (text: string) =>
    text
      .trimEnd()
      .split('\n')
      .map((line) => /^.+?: (\$\S*): (error|warning): (.*) \[([a-zA-Z-]+)(?:, line \d+)?\]$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ path: m[1], severity: m[2], message: m[3], code: m[4] }));

  it("the reader's shape checks: a condition with two operators, whenRate 2", () => {
    const file = writeDesign('shape.chain.json', (chain) => {
      chain.calls[1].where = { value: '{task.priority}', eq: 'high', ne: 'low' };
      chain.calls[1].when = { value: '{tasks.tasks.length}', gt: 0 };
      chain.calls[1].whenRate = 2;
    });
    const r = cli('validate', file);
    expect(r.code).toBe(EXIT_INVALID);
    const found = findings(r.stderr);
    expect(found).toContainEqual(expect.objectContaining({ path: '$.chains[0].calls[1].where', severity: 'error', code: 'condition-operator' }));
    expect(found.find((f) => f.code === 'condition-operator')!.message).toContain('found 2 (eq, ne)');
    expect(found).toContainEqual(expect.objectContaining({ path: '$.chains[0].calls[1].whenRate', severity: 'error', code: 'invalid' }));
    expect(found.find((f) => f.path.endsWith('whenRate'))!.message).toContain('found number 2');
    expect(found).toHaveLength(2);
  });

  it('the design checks: where without forEach, an as that clashes with a slot, forEach on a non-array field, a reply reading a conditional call without a guard', () => {
    const file = writeDesign('design.chain.json', (chain) => {
      const calls = chain.calls;
      calls[0].where = { value: '{time}', eq: '09:00' };
      calls.push({
        id: 'clash',
        tool: 'create_reminder',
        forEach: '{tasks.tasks[*]}',
        as: 'time',
        where: { value: '{time.priority}', eq: 'low' },
        args: { task_id: '{time.task_id}', remind_at: '{time.due_date}T08:00' },
      });
      calls.push({ id: 'notalist', tool: 'create_reminder', forEach: '{tasks.due_before}', args: { task_id: 'T-0000', remind_at: '{item}T08:00' } });
      calls.push({
        id: 'maybe',
        tool: 'create_reminder',
        when: { value: '{tasks.tasks.length}', gt: 2 },
        args: { task_id: 'T-0001', remind_at: '2026-01-09T08:00' },
      });
      chain.reply = 'Done: {remind.length} reminders, and {maybe.reminder_id}.';
    });
    const r = cli('validate', file);
    expect(r.code).toBe(EXIT_INVALID);
    const found = findings(r.stdout);
    const expected = [
      { path: '$.chains[0].calls[0].where', severity: 'error', code: 'where-without-forEach' },
      { path: '$.chains[0].calls[2].as', severity: 'error', code: 'as-clash' },
      { path: '$.chains[0].calls[3].forEach', severity: 'error', code: 'forEach-not-a-list' },
      { path: '$.chains[0].reply', severity: 'warning', code: 'unguarded-reference' },
    ];
    for (const e of expected) expect(found, JSON.stringify(e)).toContainEqual(expect.objectContaining(e));
    expect(found.find((f) => f.code === 'as-clash')!.message).toContain('"time" is also a slot');
    expect(found.find((f) => f.code === 'unguarded-reference')!.message).toContain('{maybe.reminder_id}');
    // Each line also says where in the file: FILE:LINE: path.
    expect(r.stdout).toMatch(/design\.chain\.json:\d+: \$\.chains\[0\]\.calls\[0\]\.where: error: .*\[where-without-forEach\]$/m);
    expect(r.stderr).toMatch(/design\.chain\.json: \d+ errors?, \d+ warnings?/);
  });

  it('a guarded reply is not flagged: the same read inside a variant that tests { ran }', () => {
    const file = writeDesign('guarded.chain.json', (chain) => {
      chain.calls.push({
        id: 'maybe',
        tool: 'create_reminder',
        when: { value: '{tasks.tasks.length}', gt: 2 },
        args: { task_id: 'T-0001', remind_at: '2026-01-09T08:00' },
      });
      chain.reply = [{ when: { ran: 'maybe' }, text: 'Done, and {maybe.reminder_id}.' }, { text: 'Done: {remind.length} reminders.' }];
    });
    const r = cli('validate', file);
    expect(r.code, r.stdout).toBe(EXIT_OK);
    expect(findings(r.stdout).filter((f) => f.code === 'unguarded-reference')).toEqual([]);
  });
});
