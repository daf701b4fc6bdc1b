import { describe, expect, it } from 'vitest';
import type { JsonValue, Project } from '../project/types.ts';
import { parseProject } from '../project/parse.ts';
import { validateProject } from '../compile/compileProject.ts';
import { readDistilRecord, toDistilRecords } from '../formats/distil.ts';
import { loadExample } from '../testing/fixtures.ts';
import { isCallsMessage, type Example } from './types.ts';
import {
  asMultiTurn,
  callMessages,
  callsOf,
  confirmChain,
  formatFindings,
  formatsFor,
  generatorOf,
  outcomeTools,
  project,
  questionsOf,
  range,
  ran,
  replyOf,
  shape,
  toolMessages,
} from './outcome.testutil.ts';

/*
 * Confirmations (design §7, docs/project-format.md "Confirmations"): `confirm: { ask, yes, no,
 * yesRate }`. Before the turn holding the call the assistant asks (a text message, no calls)
 * and the user answers; yes: the call runs; no: it and what needs it do not run, and a
 * `{ "declined": id }` reply variant applies. A fan-out asks once for its whole group.
 */

const ARCHIVE = loadExample('archive-cleanup');
const YES = ['Yes, delete them.', 'Go ahead.', 'Yes please.'];
const NO = ['No, keep them for now.', "Wait, don't delete anything.", 'No.'];
const listInWords = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
const projectsOf = (ex: Example) =>
  (toolMessages(ex).find((m) => m.callId === 'old')!.result as { projects: { project_id: string; name: string; task_count: number }[] }).projects;

describe('archive-cleanup: list → confirm once → delete each', () => {
  for (const serializeParallel of [false, true]) {
    it(`asks exactly once before the group, and not at all when the list is empty${serializeParallel ? ' (serialised: then one call per turn)' : ''}`, () => {
      const g = generatorOf(ARCHIVE, undefined, { serializeParallel });
      const seen = { empty: 0, yes: 0, no: 0 };
      for (const i of range(200)) {
        const ex = g.example(4, i);
        const what = JSON.stringify(ex.messages);
        const projects = projectsOf(ex);
        const questions = questionsOf(ex);
        if (projects.length === 0) {
          seen.empty += 1;
          expect(questions, what).toEqual([]);
          expect(shape(ex)).toEqual(['user', 'calls:old', 'tool:old', 'reply']);
          expect(replyOf(ex)).toBe('You have no archived projects, so there was nothing to delete.');
          expect(ex.outcome).toBeUndefined();
          continue;
        }
        expect(questions, what).toHaveLength(1);
        const [q] = questions;
        // Right after the list's result; it names the whole group.
        expect(shape(ex).slice(0, q.at + 2)).toEqual(['user', 'calls:old', 'tool:old', 'ask', 'user']);
        expect(q.text).toContain(listInWords(projects.map((p) => p.name)));
        // Worded for one project or many alike ("tasks included"), with no "project(s)".
        expect(q.text).toMatch(/tasks included|with every task/);
        expect(q.text).not.toContain('(s)');
        const answer = ex.messages[q.at + 1] as { text: string };
        const no = NO.includes(answer.text);
        expect(no || YES.includes(answer.text), answer.text).toBe(true);
        if (no) {
          seen.no += 1;
          expect(ran(ex, 'wipe')).toBe(false);
          expect(shape(ex).slice(q.at + 2)).toEqual(['reply']);
          expect(['OK, I deleted nothing', 'Understood, nothing was deleted']).toContain(
            replyOf(ex).replace(/^(OK, I deleted nothing|Understood, nothing was deleted).*$/, '$1'),
          );
          // The reply names what stays: every project listed.
          expect(replyOf(ex)).toContain(listInWords(projects.map((p) => p.name)));
          expect(ex.outcome).toEqual({ failed: [], retried: [], confirmed: [], declined: ['wipe'] });
        } else {
          seen.yes += 1;
          // The whole group follows the answer, one call per element, in the list's order.
          expect(callsOf(ex, 'wipe').map((c) => c.args.project_id)).toEqual(projects.map((p) => p.project_id));
          expect(isCallsMessage(ex.messages[q.at + 2])).toBe(true);
          const calls = callMessages(ex).slice(1);
          expect(calls.map((c) => c.length)).toEqual(serializeParallel ? projects.map(() => 1) : [projects.length]);
          expect(replyOf(ex)).toMatch(/^(Deleted|Done:)/);
          // One project: said in the singular, with the tasks its delete reported (the list's own count).
          if (projects.length === 1) expect(replyOf(ex)).toMatch(new RegExp(`its ${projects[0].task_count} tasks`));
          else expect(replyOf(ex)).toMatch(new RegExp(`^Deleted ${projects.length} archived projects|\\(${projects.length} projects deleted\\)\\.$`));
          for (const m of toolMessages(ex).filter((t) => t.callId === 'wipe'))
            expect((m.result as { tasks_deleted: number }).tasks_deleted).toBe(
              projects.find((p) => p.project_id === (m.result as { project_id: string }).project_id)!.task_count,
            );
          expect(ex.outcome).toEqual({ failed: [], retried: [], confirmed: ['wipe'], declined: [] });
        }
      }
      for (const [k, n] of Object.entries(seen)) expect(n, k).toBeGreaterThan(20);
    });
  }

  it('yesRate 0.7: the share of yes among the examples that ask is within 5 points', () => {
    const g = generatorOf(ARCHIVE);
    const asked = range(1000)
      .map((i) => g.example(12, i))
      .filter((ex) => ex.outcome);
    expect(asked.length).toBeGreaterThan(400);
    const yes = asked.filter((ex) => ex.outcome!.confirmed.length === 1).length / asked.length;
    expect(Math.abs(yes - 0.7)).toBeLessThanOrEqual(0.05);
  });
});

describe('a declined call and the calls that need it never appear; the declined variant is the reply', () => {
  for (const fanOut of [false, true]) {
    it(`${fanOut ? 'a fan-out' : 'one call'}: wipe and log (reads wipe) are left out on no; note (beside them) runs either way`, () => {
      const g = generatorOf(project(outcomeTools(fanOut ? 0 : 1), [confirmChain(0.5, fanOut)]));
      const seen = { yes: 0, no: 0, notAsked: 0 };
      for (const i of range(200)) {
        const ex = g.example(2, i);
        const items = (toolMessages(ex)[0].result as { items: JsonValue[] }).items;
        const declined = ex.outcome?.declined.includes('wipe') ?? false;
        expect(ran(ex, 'note')).toBe(true);
        if (items.length === 0) {
          // An empty fan-out: nothing to ask about; what needs it sees an empty list and runs.
          seen.notAsked += 1;
          expect(questionsOf(ex)).toEqual([]);
          expect(shape(ex)).toEqual(['user', 'calls:list', 'tool:list', 'calls:note', 'tool:note', 'calls:log', 'tool:log', 'reply']);
          continue;
        }
        expect(questionsOf(ex)).toHaveLength(1);
        if (declined) {
          seen.no += 1;
          expect(ran(ex, 'wipe')).toBe(false);
          expect(ran(ex, 'log')).toBe(false);
          expect(shape(ex)).toEqual(['user', 'calls:list', 'tool:list', 'ask', 'user', 'calls:note', 'tool:note', 'reply']);
          expect(replyOf(ex)).toBe('Nothing was deleted; I told the team (true).');
        } else {
          seen.yes += 1;
          const wipes = fanOut ? items.map(() => 'wipe') : ['wipe'];
          expect(shape(ex)).toEqual([
            'user',
            'calls:list',
            'tool:list',
            'ask',
            'user',
            `calls:${[...wipes, 'note'].join('+')}`,
            ...wipes.map(() => 'tool:wipe'),
            'tool:note',
            'calls:log',
            'tool:log',
            'reply',
          ]);
          expect(replyOf(ex)).toMatch(/^Done \(L-\d{4}\); I told the team \(true\)\.$/);
        }
      }
      expect(seen.yes).toBeGreaterThan(30);
      expect(seen.no).toBeGreaterThan(30);
      if (fanOut) expect(seen.notAsked).toBeGreaterThan(5);
    });
  }

  it('yesRate 0 and 1: always no, always yes', () => {
    for (const rate of [0, 1]) {
      const g = generatorOf(project(outcomeTools(1), [confirmChain(rate)]));
      for (const i of range(50)) expect(ran(g.example(1, i), 'wipe')).toBe(rate === 1);
    }
  });
});

describe("formats and distil's history", () => {
  const designs: [string, Project][] = [
    ['archive-cleanup', ARCHIVE],
    ['archive-cleanup (multi-turn)', asMultiTurn(ARCHIVE)],
    ['confirmed fan-out', project(outcomeTools(0), [confirmChain(0.5, true)])],
    ['confirmed call', project(outcomeTools(1), [confirmChain(0.5)])],
  ];
  for (const [name, p] of designs) {
    it(`${name}: every line passes every format's checker, serialised or not`, () => {
      const chainId = p.chains[0].id;
      expect(formatsFor(p, chainId)).toHaveLength(name.includes('multi-turn') ? 6 : 5);
      const generators = new Map([false, true].map((s) => [s, generatorOf(p, chainId, { serializeParallel: s })]));
      const asked = { yes: 0, no: 0 };
      for (const serialized of [false, true]) {
        for (const i of range(25)) {
          const example = (s: boolean) => generators.get(s)!.example(3, i);
          const o = example(serialized).outcome;
          if (o?.confirmed.length) asked.yes += 1;
          if (o?.declined.length) asked.no += 1;
          expect(formatFindings(p, chainId, example, serialized, i % 2 === 1)).toEqual([]);
        }
      }
      expect(asked.yes).toBeGreaterThan(0);
      expect(asked.no).toBeGreaterThan(0);
    });
  }

  it('distil (multi-turn archive-cleanup): the question and the answer are turns of the history the delete is asked with', () => {
    const p = asMultiTurn(ARCHIVE);
    const g = generatorOf(p, undefined, { serializeParallel: true });
    let checked = 0;
    for (const i of range(40)) {
      const ex = g.example(5, i);
      if (!ex.outcome?.confirmed.length) continue;
      const [q] = questionsOf(ex);
      const records = toDistilRecords(ex).map(readDistilRecord);
      expect(records).toHaveLength(1 + projectsOf(ex).length);
      const first = records[1].question;
      expect(first.slice(-3)).toEqual([
        { role: 'user', content: p.chains[0].calls[1].requests![0] },
        { role: 'assistant', content: q.text },
        { role: 'user', content: (ex.messages[q.at + 1] as { text: string }).text },
      ]);
      expect(records[1].answer).toEqual({ name: 'delete_project', parameters: callsOf(ex, 'wipe')[0].args });
      // The next delete of the group follows the previous one, without a request of its own.
      if (records.length > 2) expect(records[2].question.slice(-1)[0]).toMatchObject({ role: 'assistant', content: '' });
      checked += 1;
    }
    expect(checked).toBeGreaterThan(5);
  });

  // The user's "no" opens the next step of a multi-turn chain, so that no two user messages
  // follow each other (distil, anthropic's and sharegpt's checkers all need the alternation).
  it('multi-turn, declined, then a later step: user and assistant still alternate (every checker passes)', () => {
    const p = asMultiTurn(project(outcomeTools(1), [confirmChain(0)]));
    const g = generatorOf(p, undefined, { serializeParallel: true });
    const ex = g.example(1, 0);
    const roles = ex.messages.map((m) => m.role);
    expect(roles.some((r, i) => r === 'user' && roles[i + 1] === 'user')).toBe(false);
    expect(formatFindings(p, p.chains[0].id, () => ex, true)).toEqual([]);
  });
});

describe('determinism', () => {
  it('the same seed gives the same questions, answers and calls from two generators; another seed others', () => {
    for (const p of [ARCHIVE, project(outcomeTools(0), [confirmChain(0.5, true)])]) {
      const a = generatorOf(p);
      const b = generatorOf(p);
      const first = range(40).map((i) => a.example(8, i));
      expect(range(40).map((i) => b.example(8, i))).toEqual(first);
      expect(range(40).map((i) => a.example(9, i))).not.toEqual(first);
    }
  });
});

describe('validation', () => {
  // validateProject caches by identity (projects are immutable): validate a copy of each edit.
  const codes = (p: Project, code: string) =>
    validateProject(structuredClone(p))
      .filter((d) => d.code === code)
      .map((d) => `${d.severity} ${d.code} @ ${d.path}`);
  const confirmed = () => project(outcomeTools(1), [confirmChain(0.5)]);

  it("unconfirmed-destructive: a destructive tool's call without confirm", () => {
    const p = confirmed();
    delete p.chains[0].calls[1].confirm;
    p.chains[0].reply = 'Done ({log.log_id}, {note.sent}).';
    expect(codes(p, 'unconfirmed-destructive')).toEqual(['warning unconfirmed-destructive @ $.chains[0].calls[1]']);
    expect(codes(confirmed(), 'unconfirmed-destructive')).toEqual([]);
    // A write tool is not asked about.
    p.tools[2].effect = 'write';
    expect(codes(p, 'unconfirmed-destructive')).toEqual([]);
  });

  it('unanswered-decline: a confirm without a {declined} reply variant', () => {
    const p = confirmed();
    p.chains[0].reply = [{ when: { ran: 'log' }, text: 'Done ({log.log_id}).' }, { text: 'Told the team ({note.sent}).' }];
    expect(codes(p, 'unanswered-decline')).toEqual(['warning unanswered-decline @ $.chains[0].calls[1].confirm']);
    expect(codes(confirmed(), 'unanswered-decline')).toEqual([]);
    // Named inside a combination, it counts.
    p.chains[0].reply[0].when = { any: [{ declined: 'wipe' }, { not: { ran: 'log' } }] };
    expect(codes(p, 'unanswered-decline')).toEqual([]);
  });

  it('a reply that reads a declinable call without a guard is unguarded-reference; after the {declined} variant it is guarded', () => {
    const p = confirmed();
    p.chains[0].reply = 'Done ({log.log_id}).';
    expect(codes(p, 'unguarded-reference')).toEqual(['warning unguarded-reference @ $.chains[0].reply']);
    expect(codes(confirmed(), 'unguarded-reference')).toEqual([]);
  });

  it('the question is checked like any template; the example has no findings', () => {
    const p = confirmed();
    p.chains[0].calls[1].confirm!.ask = ['Delete {list.itms[0].name}?'];
    expect(codes(p, 'unknown-field')).toEqual(['error unknown-field @ $.chains[0].calls[1].confirm.ask[0]']);
    expect(validateProject(ARCHIVE)).toEqual([]);
  });

  it('the reader refuses a malformed failure or confirm (invalid, with the path)', () => {
    const bad: [(p: Project) => void, string][] = [
      [(p) => (p.chains[0].calls[1].confirm!.ask = []), '$.chains[0].calls[1].confirm.ask'],
      [(p) => (p.chains[0].calls[1].confirm!.yesRate = 1.5), '$.chains[0].calls[1].confirm.yesRate'],
      [(p) => delete (p.chains[0].calls[1].confirm as { no?: string[] }).no, '$.chains[0].calls[1].confirm'],
      [(p) => (p.chains[0].calls[1].failure = { rate: -0.1 }), '$.chains[0].calls[1].failure.rate'],
      [(p) => (p.chains[0].calls[1].failure = { rate: 0.1, recover: 'again' as never }), '$.chains[0].calls[1].failure.recover'],
      [(p) => (p.chains[0].calls[1].failure = { rate: 0.1, recover: { retryWith: {}, also: 1 } as never }), '$.chains[0].calls[1].failure.recover'],
    ];
    for (const [breakIt, path] of bad) {
      const p = confirmed();
      breakIt(p);
      const parsed = parseProject(JSON.stringify(p));
      expect(parsed.ok, path).toBe(false);
      if (!parsed.ok)
        expect(
          parsed.diagnostics.map((d) => `${d.code} @ ${d.path}`),
          path,
        ).toContainEqual(expect.stringMatching(new RegExp(`^invalid @ ${path.replace(/[$.[\]]/g, '\\$&')}`)));
    }
    expect(parseProject(JSON.stringify(confirmed())).ok).toBe(true);
  });
});
