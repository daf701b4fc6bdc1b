import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT_OK } from '../main.ts';
import { cli, scratchDir } from '../testing.testutil.ts';
import { asMultiTurn, confirmChain, failingChain, outcomeTools, project } from '../../core/generate/outcome.testutil.ts';
import { loadExample } from '../../core/testing/fixtures.ts';

/*
 * The command line on chains that fail or ask (design §6, §7): the plan says what a failure
 * stops and whether the call is on the critical path, generate's summary counts failures,
 * retries, confirmations and refusals, the lines carry them (Anthropic's is_error, serialised
 * retries), and validate reports the new findings.
 */

const SALES = 'public/examples/sales-report.chain.json';
const ROOMS = 'public/examples/room-booking-retry.chain.json';
const ARCHIVE = 'public/examples/archive-cleanup.chain.json';

let dir: string;
beforeAll(() => {
  dir = scratchDir('failures');
});
const at = (name: string) => join(dir, name);
const lines = (name: string) =>
  readFileSync(at(name), 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

type AnthropicBlock = { type: string; text?: string; tool_use_id?: string; is_error?: boolean; name?: string; content?: string };
type AnthropicLine = { messages: { role: string; content: string | AnthropicBlock[] }[] };
type OpenAILine = { messages: { role: string; content: string | null; tool_calls?: { function: { name: string } }[] }[]; parallel_tool_calls: boolean };

/** The summary's line: each share as a number of examples out of `count`. */
function outcomeLine(stderr: string, count: number): { failures: number; retries: number; confirmations: number; refusals: number } {
  const m =
    /^of the examples of chains that fail or ask: ([\d.]+)% hold a failure, ([\d.]+)% a retry, ([\d.]+)% a confirmation \(yes\), ([\d.]+)% a refusal \(no\)$/m.exec(
      stderr,
    );
  expect(m, stderr).not.toBeNull();
  const [failures, retries, confirmations, refusals] = m!.slice(1).map((s) => Math.round((Number(s) / 100) * count));
  return { failures, retries, confirmations, refusals };
}

describe('chainwright plan: what a failure changes', () => {
  it('sales-report: post does not run when dash fails, mail still runs, and dash is on the critical path', () => {
    const r = cli('plan', SALES);
    expect(r.code, r.stderr).toBe(EXIT_OK);
    const dash = r.stdout.split('\n').findIndex((l) => /^\s+dash\s+update_dashboard$/.test(l));
    expect(r.stdout.split('\n')[dash + 1].trim()).toBe(
      'fails in about 30 % of the examples, then not retried: post then does not run; mail still runs (it is on the critical path)',
    );
    expect(r.stdout).toContain('only when dash gave its result, since it needs it');
    expect(r.stdout).toContain('Critical path: sales → dash → post');
    // mail is not on it: its line says nothing about failing.
    expect(r.stdout).not.toMatch(/mail\s+email_report\n\s+fails/);
  });

  it('room-booking-retry and archive-cleanup: a retry adds a turn; a confirmation may stop the call', () => {
    const rooms = cli('plan', ROOMS);
    expect(rooms.code).toBe(EXIT_OK);
    expect(rooms.stdout).toContain(
      'fails in about 20 % of the examples, then retried in the next turn with other arguments, which adds a turn (it is on the critical path)',
    );
    const archive = cli('plan', ARCHIVE);
    expect(archive.code).toBe(EXIT_OK);
    expect(archive.stdout).toContain('asks the user first (yes in about 70 % of the examples); on no it does not run');
  });
});

describe('chainwright generate: chains that fail or ask', () => {
  it('the summary says which share of the examples holds a failure, a retry, a confirmation and a refusal, as the lines do', () => {
    for (const [file, name] of [
      [ROOMS, 'rooms'],
      [SALES, 'sales'],
      [ARCHIVE, 'archive'],
    ]) {
      const r = cli('generate', file, '--format', 'anthropic', '--count', '200', '--seed', '3', '--out', at(`${name}.jsonl`));
      expect(r.code, r.stderr).toBe(EXIT_OK);
      const got = outcomeLine(r.stderr, 200);
      const records = lines(`${name}.jsonl`) as unknown as AnthropicLine[];
      const blocks = (l: AnthropicLine) => l.messages.flatMap((m) => (Array.isArray(m.content) ? m.content : []));
      const failed = records.filter((l) => blocks(l).some((b) => b.is_error === true));
      const retried = records.filter((l) => {
        const uses = blocks(l)
          .filter((b) => b.type === 'tool_use')
          .map((b) => b.name);
        return blocks(l).some((b) => b.is_error) && new Set(uses).size < uses.length;
      });
      // A question: an assistant text message before the last message.
      const asked = records.filter((l) => l.messages.slice(0, -1).some((m) => m.role === 'assistant' && typeof m.content === 'string'));
      const refused = asked.filter((l) => !blocks(l).some((b) => b.name === 'delete_project'));
      expect(got, name).toEqual({
        failures: failed.length,
        retries: name === 'rooms' ? failed.length : 0,
        confirmations: asked.length - refused.length,
        refusals: refused.length,
      });
      expect(retried.length).toBe(name === 'rooms' ? failed.length : 0);
      expect(name === 'archive' ? asked.length : failed.length, name).toBeGreaterThan(20);
    }
    // A chain that neither fails nor asks: no such line.
    const plain = cli('generate', 'public/examples/trip-planning.chain.json', '--count', '20', '--out', at('trip.jsonl'));
    expect(plain.code).toBe(EXIT_OK);
    expect(plain.stderr).not.toContain('fail or ask');
  });

  it('--serialize-parallel: one call per assistant message, each retry right after its error; the file passes check', () => {
    const r = cli('generate', ROOMS, '--format', 'openai', '--count', '150', '--seed', '5', '--serialize-parallel', '--out', at('serial.jsonl'));
    expect(r.code, r.stderr).toBe(EXIT_OK);
    let retries = 0;
    for (const line of lines('serial.jsonl') as unknown as OpenAILine[]) {
      expect(line.parallel_tool_calls).toBe(false);
      line.messages.forEach((m, i) => {
        expect((m.tool_calls ?? []).length).toBeLessThanOrEqual(1);
        if (m.role === 'tool' && typeof m.content === 'string' && m.content.includes('ROOM_TAKEN')) {
          retries += 1;
          expect(line.messages[i + 1].tool_calls?.map((c) => c.function.name)).toEqual(['book_room']);
        }
      });
    }
    expect(retries).toBeGreaterThan(15);
    const checked = cli('check', at('serial.jsonl'), '--format', 'openai');
    expect(checked.code, checked.stdout + checked.stderr).toBe(EXIT_OK);
  });

  it('distil on a multi-turn archive-cleanup: the bundle passes check, and the confirmation is in the questions', () => {
    writeFileSync(at('archive-multi.chain.json'), JSON.stringify(asMultiTurn(loadExample('archive-cleanup')), null, 2));
    mkdirSync(at('distil'), { recursive: true });
    const r = cli('generate', at('archive-multi.chain.json'), '--format', 'distil', '--count', '60', '--seed', '2', '--out', at('distil'));
    expect(r.code, r.stderr).toBe(EXIT_OK);
    const checked = cli('check', at('distil'), '--format', 'distil');
    expect(checked.code, checked.stdout + checked.stderr).toBe(EXIT_OK);
    const questions = readFileSync(join(at('distil'), 'train.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse((JSON.parse(l) as { question: string }).question) as { role: string; content: string }[]);
    expect(questions.some((q) => q.some((t) => t.role === 'assistant' && /Go ahead\?|Shall I delete them\?/.test(t.content)))).toBe(true);
  });
});

describe('chainwright validate: the findings of failures and confirmations', () => {
  it('unconfirmed-destructive, unanswered-decline, failure-without-error and unreported-failure, each with its path (warnings: exit 0)', () => {
    const p = project(outcomeTools(1), [failingChain({ rate: 0.2 }), confirmChain(0.5), { ...confirmChain(0.5), id: 'bare' }]);
    // fail: no error, no errors schema, and a reply without a {failed} variant (one that claims nothing about save:
    // 'Done' there would be reply-contradicts-result, an error).
    p.chains[0].reply = 'Told the team ({note.sent}).';
    // confirm: no {declined} variant.
    p.chains[1].reply = [{ when: { ran: 'log' }, text: 'Done ({log.log_id}).' }, { text: 'Told the team ({note.sent}).' }];
    // bare: the destructive call without confirm.
    delete p.chains[2].calls[1].confirm;
    p.chains[2].reply = 'Done ({log.log_id}, {note.sent}).';
    writeFileSync(at('findings.chain.json'), JSON.stringify(p, null, 2));
    const r = cli('validate', at('findings.chain.json'));
    expect(r.code).toBe(EXIT_OK);
    const found = [...r.stdout.matchAll(/:\d+: (\$[^:]+): warning: .*\[([a-z-]+)\]$/gm)].map((m) => `${m[2]} @ ${m[1]}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'failure-without-error @ $.chains[0].calls[1].failure',
        'unreported-failure @ $.chains[0].calls[1].failure',
        'unanswered-decline @ $.chains[1].calls[1].confirm',
        'unconfirmed-destructive @ $.chains[2].calls[1]',
      ]),
    );
    expect(r.stdout + r.stderr).toContain('0 errors');
  });

  it('the three examples validate with no finding', () => {
    for (const file of [SALES, ROOMS, ARCHIVE]) {
      const r = cli('validate', file);
      expect(r.code).toBe(EXIT_OK);
      expect(r.stdout + r.stderr).toContain('0 errors, 0 warnings');
    }
  });
});
