import { describe, expect, it } from 'vitest';
import type { Call, JsonValue, Project } from '../project/types.ts';
import { validateProject } from '../compile/compileProject.ts';
import { formatContext } from '../formats/registry.ts';
import { toAnthropicRecord } from '../formats/anthropic.ts';
import { loadExample } from '../testing/fixtures.ts';
import {
  asMultiTurn,
  callFor,
  callMessages,
  callsOf,
  errorsOf,
  expectRetries,
  failingChain,
  formatFindings,
  formatsFor,
  generatorOf,
  outcomeTools,
  project,
  range,
  ran,
  replyOf,
  shape,
  toolMessages,
} from './outcome.testutil.ts';

/*
 * Failures (design §6, docs/project-format.md "Failures"): `failure: { rate, error, recover }`.
 * In `rate` of the examples the call's result is its error (`error: true` on the tool message);
 * "retry" / {retryWith} make the call again in the next assistant turn with a new id and
 * succeed; "report" makes no retry, the calls that need the result do not run, the others do,
 * and a `{ "failed": id }` reply variant applies.
 */

const ROOMS = loadExample('room-booking-retry');
const SALES = loadExample('sales-report');

/** The failing design with `failure` on `save` (and extra keys on the call). */
const failing = (failure: NonNullable<Call['failure']>, extra: Partial<Call> = {}, minItems = 0): Project =>
  project(outcomeTools(minItems), [failingChain(failure, extra)]);
const LOCKED = { error: { code: 'LOCKED', message: 'Item {save.item_id} is locked.' } };

describe('the error share is steered', () => {
  for (const [rate, recover] of [
    [0.2, 'report'],
    [0.6, 'report'],
    [0.6, 'retry'],
  ] as const) {
    it(`rate ${rate} (${recover}): the share of examples with an error is within 5 points over 1000 examples`, () => {
      const g = generatorOf(failing({ rate, error: LOCKED, recover }));
      const examples = range(1000).map((i) => g.example(11, i));
      const failed = examples.filter((ex) => errorsOf(ex).length > 0);
      expect(Math.abs(failed.length / 1000 - rate)).toBeLessThanOrEqual(0.05);
      for (const ex of examples) {
        // One error at most, always save's; the outcome says the same.
        expect(errorsOf(ex).map((m) => m.callId)).toEqual(failed.includes(ex) ? ['save'] : []);
        expect(ex.outcome?.failed ?? []).toEqual(failed.includes(ex) ? ['save'] : []);
        expect(ex.outcome?.retried ?? []).toEqual(failed.includes(ex) && recover === 'retry' ? ['save'] : []);
      }
    });
  }
});

describe('recover "retry" / {retryWith}: a retry always follows its error', () => {
  it('room-booking-retry: the next assistant turn books rooms[1] (retryWith) with a new id, and it succeeds', () => {
    const g = generatorOf(ROOMS);
    let retries = 0;
    for (const i of range(200)) {
      const ex = g.example(2, i);
      const rooms = (toolMessages(ex).find((m) => m.callId === 'rooms')!.result as { rooms: { room_id: string }[] }).rooms;
      retries += expectRetries(ex, (failed) => ({ ...failed.args, room_id: rooms[1].room_id }));
      const failed = errorsOf(ex, 'book').length > 0;
      expect(callsOf(ex, 'book')).toHaveLength(failed ? 2 : 1);
      // The invitations read the booking that succeeded.
      const booked = toolMessages(ex)
        .filter((m) => m.callId === 'book' && !m.error)
        .map((m) => m.result as { booking_id: string });
      expect(booked).toHaveLength(1);
      expect(callsOf(ex, 'invite')[0].args.booking_id).toBe(booked[0].booking_id);
      expect(shape(ex)).toEqual([
        'user',
        'calls:rooms+team',
        'tool:rooms',
        'tool:team',
        'calls:book',
        ...(failed ? ['error:book', 'calls:book'] : []),
        'tool:book',
        'calls:invite',
        'tool:invite',
        'reply',
      ]);
    }
    expect(retries).toBeGreaterThan(20);
    expect(retries).toBeLessThan(70);
  });

  it('"retry": the same arguments again; {retryWith}: the changed ones (references filled in), over the call\'s own', () => {
    const same = generatorOf(failing({ rate: 0.5, error: LOCKED, recover: 'retry' }));
    const changed = generatorOf(failing({ rate: 0.5, error: LOCKED, recover: { retryWith: { item_id: '{list.items[1].item_id}', copies: 2 } } }));
    let a = 0;
    let b = 0;
    for (const i of range(120)) {
      const ex = same.example(4, i);
      a += expectRetries(ex, (failed) => failed.args);
      const other = changed.example(4, i);
      const items = (toolMessages(other)[0].result as { items: { item_id: string }[] }).items;
      b += expectRetries(other, () => ({ item_id: items[1].item_id, copies: 2 }));
      // A retried call ran: what needs it runs, and the reply is not the failed variant.
      for (const e of [ex, other]) {
        expect(ran(e, 'log')).toBe(true);
        expect(replyOf(e)).toMatch(/^Saved S-\d{4} \(log L-\d{4}\)/);
      }
    }
    expect(a).toBeGreaterThan(35);
    expect(b).toBeGreaterThan(35);
  });

  it('--serialize-parallel: each call, the retry included, in its own turn, the retry right after its error', () => {
    const g = generatorOf(ROOMS, undefined, { serializeParallel: true });
    let retries = 0;
    for (const i of range(120)) {
      const ex = g.example(2, i);
      for (const calls of callMessages(ex)) expect(calls).toHaveLength(1);
      const rooms = (toolMessages(ex).find((m) => m.callId === 'rooms')!.result as { rooms: { room_id: string }[] }).rooms;
      retries += expectRetries(ex, (failed) => ({ ...failed.args, room_id: rooms[1].room_id }), true);
    }
    expect(retries).toBeGreaterThan(10);
  });
});

describe("a fan-out's failure is its first call's", () => {
  const fanOut = (recover: 'retry' | 'report') =>
    project(outcomeTools(2, 4), [
      {
        id: 'each',
        requests: ['Save every item of {folder}.'],
        slots: { folder: { oneOf: ['inbox', 'archive'] } },
        calls: [
          { id: 'list', tool: 'list_items', args: { folder: '{folder}' } },
          {
            id: 'save',
            tool: 'save_item',
            forEach: '{list.items[*]}',
            as: 'it',
            args: { item_id: '{it.item_id}', copies: 1 },
            failure: { rate: 1, error: { error: { code: 'LOCKED', message: '{save.item_id} is locked.' } }, recover },
          },
          { id: 'log', tool: 'log_result', args: { ref: '{save[0].saved_id}' } },
        ],
        reply: [{ when: { failed: 'save' }, text: 'Saving failed: {save[0]}.' }, { text: 'Saved {save.length} (log {log.log_id}).' }],
      },
    ]);

  for (const serializeParallel of [false, true]) {
    it(`retry${serializeParallel ? ', serialised' : ''}: element 0 fails (its own id in the error), its retry follows, the others succeed`, () => {
      const g = generatorOf(fanOut('retry'), undefined, { serializeParallel });
      for (const i of range(50)) {
        const ex = g.example(1, i);
        const items = (toolMessages(ex)[0].result as { items: { item_id: string }[] }).items;
        const [error] = errorsOf(ex);
        expect(errorsOf(ex)).toHaveLength(1);
        expect(callFor(ex, error.id).element).toBe(0);
        expect(error.result).toEqual({ error: { code: 'LOCKED', message: `${items[0].item_id} is locked.` } });
        expect(expectRetries(ex, (failed) => failed.args, serializeParallel)).toBe(1);
        expect(callsOf(ex, 'save').map((c) => c.element)).toEqual(serializeParallel ? [0, 0, ...range(items.length).slice(1)] : [...range(items.length), 0]);
        if (serializeParallel) for (const calls of callMessages(ex)) expect(calls).toHaveLength(1);
        // The list of the fan-out's results holds the retry's in element 0's place.
        const saved = toolMessages(ex).filter((m) => m.callId === 'save' && !m.error);
        expect(callsOf(ex, 'log')[0].args.ref).toBe((saved.find((m) => callFor(ex, m.id).element === 0)!.result as { saved_id: string }).saved_id);
      }
    });
  }

  it('report: the other elements still run, what needs the fan-out does not, the failed variant reads the error', () => {
    const g = generatorOf(fanOut('report'));
    for (const i of range(50)) {
      const ex = g.example(1, i);
      const items = (toolMessages(ex)[0].result as { items: JsonValue[] }).items;
      expect(callsOf(ex, 'save')).toHaveLength(items.length);
      expect(errorsOf(ex)).toHaveLength(1);
      expect(ran(ex, 'log')).toBe(false);
      expect(replyOf(ex)).toBe(`Saving failed: ${JSON.stringify(errorsOf(ex)[0].result)}.`);
    }
  });
});

describe('recover "report": dependents do not run, independent calls do, the {failed} variant is chosen exactly when it failed', () => {
  it('sales-report: when dash fails, post does not run and mail still does; the reply says so', () => {
    const g = generatorOf(SALES);
    const failedTexts = /^(I emailed the report to .+, but the dashboard could not be updated|The report went to .+\. Updating the dashboard failed)/;
    let failed = 0;
    for (const i of range(200)) {
      const ex = g.example(3, i);
      const didFail = errorsOf(ex, 'dash').length > 0;
      failed += didFail ? 1 : 0;
      expect(callsOf(ex, 'dash')).toHaveLength(1);
      expect(ran(ex, 'mail')).toBe(true);
      expect(ran(ex, 'post')).toBe(!didFail);
      expect(failedTexts.test(replyOf(ex)), replyOf(ex)).toBe(didFail);
      expect(replyOf(ex).startsWith('Done: ')).toBe(!didFail);
      expect(ex.outcome?.failed ?? []).toEqual(didFail ? ['dash'] : []);
      expect(ex.outcome?.retried ?? []).toEqual([]);
      expect(shape(ex)).toEqual([
        'user',
        'calls:sales',
        'tool:sales',
        'calls:mail+dash',
        'tool:mail',
        didFail ? 'error:dash' : 'tool:dash',
        ...(didFail ? [] : ['calls:post', 'tool:post']),
        'reply',
      ]);
    }
    expect(failed).toBeGreaterThan(35);
    expect(failed).toBeLessThan(100);
  });

  it('the failing design: log (needs save) does not run, note (beside it) does; {save} in the failed variant is the error result', () => {
    const g = generatorOf(failing({ rate: 0.5, error: LOCKED }));
    for (const i of range(120)) {
      const ex = g.example(8, i);
      const [error] = errorsOf(ex, 'save');
      expect(ran(ex, 'note')).toBe(true);
      expect(ran(ex, 'log')).toBe(error === undefined);
      if (error) {
        // Inside `error`, {save.item_id} is the call's own argument.
        expect(error.result).toEqual({ error: { code: 'LOCKED', message: `Item ${callsOf(ex, 'save')[0].args.item_id as string} is locked.` } });
        expect(replyOf(ex)).toBe(`Saving failed: ${JSON.stringify(error.result)}. I still told the team (true).`);
      } else expect(replyOf(ex)).toMatch(/^Saved S-\d{4} \(log L-\d{4}\) and told the team \(true\)\.$/);
    }
  });
});

describe('the error result', () => {
  it("room-booking-retry: {book.room_id} inside the error is the failing call's own argument", () => {
    const g = generatorOf(ROOMS);
    let seen = 0;
    for (const i of range(100)) {
      const ex = g.example(9, i);
      for (const e of errorsOf(ex)) {
        seen += 1;
        expect(e.result).toEqual({
          error: { code: 'ROOM_TAKEN', message: `Room ${callFor(ex, e.id).args.room_id as string} was booked by someone else a moment ago.` },
        });
      }
    }
    expect(seen).toBeGreaterThan(5);
  });

  it('without "error": drawn from the tool\'s "errors" schema; without that either: a generic {"error": {"code", "message"}}', () => {
    const withSchema = failing({ rate: 1 });
    withSchema.tools[1].errors = {
      type: 'object',
      properties: {
        error: {
          type: 'object',
          properties: { code: { type: 'string', const: 'QUOTA' }, retry_after_s: { type: 'integer', minimum: 1, maximum: 60 } },
          required: ['code', 'retry_after_s'],
        },
      },
      required: ['error'],
    };
    for (const i of range(20)) {
      const [e] = errorsOf(generatorOf(withSchema).example(1, i));
      const err = (e.result as { error: { code: string; retry_after_s: number } }).error;
      expect(err.code).toBe('QUOTA');
      expect(Number.isInteger(err.retry_after_s) && err.retry_after_s >= 1 && err.retry_after_s <= 60).toBe(true);
    }
    const [generic] = errorsOf(generatorOf(failing({ rate: 1 })).example(1, 0));
    expect(generic.result).toEqual({ error: { code: 'TOOL_ERROR', message: 'save_item could not complete the request.' } });
  });
});

describe('formats', () => {
  const designs: [string, Project][] = [
    ['room-booking-retry', ROOMS],
    ['sales-report', SALES],
    ['failing, retryWith', failing({ rate: 0.5, error: LOCKED, recover: { retryWith: { item_id: '{list.items[1].item_id}' } } })],
  ];
  for (const [name, single] of designs) {
    for (const multi of [false, true]) {
      it(`${name}${multi ? ' (multi-turn)' : ''}: every line passes every format's checker, serialised or not`, () => {
        const p = multi ? asMultiTurn(single) : single;
        const chainId = p.chains[0].id;
        expect(formatsFor(p, chainId)).toEqual(
          multi ? ['openai', 'hf', 'distil', 'sharegpt', 'hermes', 'anthropic'] : ['openai', 'hf', 'sharegpt', 'hermes', 'anthropic'],
        );
        const generators = new Map([false, true].map((s) => [s, generatorOf(p, chainId, { serializeParallel: s })]));
        let failures = 0;
        for (const serialized of [false, true]) {
          for (const i of range(15)) {
            const example = (s: boolean) => generators.get(s)!.example(6, i);
            if (errorsOf(example(serialized)).length) failures += 1;
            expect(formatFindings(p, chainId, example, serialized, i % 2 === 0)).toEqual([]);
          }
        }
        expect(failures).toBeGreaterThan(0);
      });
    }
  }

  it('anthropic: is_error: true exactly on the tool_result blocks of failed calls', () => {
    for (const p of [ROOMS, SALES]) {
      const g = generatorOf(p);
      const context = formatContext(p, { includeTools: false });
      let flagged = 0;
      for (const i of range(60)) {
        const ex = g.example(1, i);
        const failedIds = new Set(errorsOf(ex).map((m) => m.id));
        const blocks = toAnthropicRecord(ex, p, { tools: context.tools, includeTools: false }).messages.flatMap((m) =>
          Array.isArray(m.content) ? m.content : [],
        );
        for (const b of blocks as { type: string; tool_use_id?: string; is_error?: boolean }[]) {
          if (b.type !== 'tool_result') continue;
          const failed = failedIds.has(b.tool_use_id!);
          expect('is_error' in b).toBe(failed);
          if (failed) {
            expect(b.is_error).toBe(true);
            flagged += 1;
          }
        }
      }
      expect(flagged).toBeGreaterThan(5);
    }
  });
});

describe('determinism', () => {
  it('the same seed gives the same examples (failures, retries and all) from two generators; another seed others', () => {
    for (const p of [ROOMS, SALES, failing({ rate: 0.5, error: LOCKED, recover: 'retry' })]) {
      for (const serializeParallel of [false, true]) {
        const a = generatorOf(p, undefined, { serializeParallel });
        const b = generatorOf(p, undefined, { serializeParallel });
        const first = range(25).map((i) => a.example(21, i));
        // In another order, from another generator: the same.
        expect(
          range(25)
            .reverse()
            .map((i) => b.example(21, i))
            .reverse(),
        ).toEqual(first);
        expect(first.filter((ex) => ex.outcome).length).toBeGreaterThan(0);
        expect(range(25).map((i) => a.example(22, i))).not.toEqual(first);
      }
    }
  });
});

describe('validation', () => {
  // validateProject caches by identity (projects are immutable): validate a copy of each edit.
  const codes = (p: Project, code: string) =>
    validateProject(structuredClone(p))
      .filter((d) => d.code === code)
      .map((d) => `${d.severity} ${d.code} @ ${d.path}`);

  it('failure-without-error: no "error" and no "errors" schema on the tool', () => {
    expect(codes(failing({ rate: 0.2 }), 'failure-without-error')).toEqual(['warning failure-without-error @ $.chains[0].calls[1].failure']);
    expect(codes(failing({ rate: 0.2, error: LOCKED }), 'failure-without-error')).toEqual([]);
    const withSchema = failing({ rate: 0.2 });
    withSchema.tools[1].errors = { type: 'object', properties: { code: { type: 'string' } } };
    expect(codes(withSchema, 'failure-without-error')).toEqual([]);
  });

  it('unreported-failure: "report" (the default) with a rate above 0 and no {failed} reply variant', () => {
    const p = failing({ rate: 0.2, error: LOCKED });
    p.chains[0].reply = [{ when: { ran: 'log' }, text: 'Saved {save.saved_id} (log {log.log_id}).' }, { text: 'Done.' }];
    expect(codes(p, 'unreported-failure')).toEqual(['warning unreported-failure @ $.chains[0].calls[1].failure']);
    expect(codes(failing({ rate: 0.2, error: LOCKED }), 'unreported-failure')).toEqual([]);
    const retried = structuredClone(p);
    retried.chains[0].calls[1].failure!.recover = 'retry';
    expect(codes(retried, 'unreported-failure')).toEqual([]);
    const never = structuredClone(p);
    never.chains[0].calls[1].failure!.rate = 0;
    expect(codes(never, 'unreported-failure')).toEqual([]);
  });

  it('inside "error" the call\'s own id reads its arguments (no self-reference); other references are checked', () => {
    expect(validateProject(failing({ rate: 0.2, error: LOCKED })).filter((d) => d.severity === 'error')).toEqual([]);
    const bad = failing({ rate: 0.2, error: { error: { message: '{lits.items}' } } });
    expect(codes(bad, 'unknown-call')).toEqual(['error unknown-call @ $.chains[0].calls[1].failure.error.error.message']);
  });

  it('a retryWith argument the tool does not have is unknown-arg', () => {
    expect(codes(failing({ rate: 0.2, error: LOCKED, recover: { retryWith: { item: 'x' } } }), 'unknown-arg')).toEqual([
      'warning unknown-arg @ $.chains[0].calls[1].failure.recover.retryWith.item',
    ]);
  });

  it('the examples have none of these findings', () => {
    for (const p of [ROOMS, SALES]) expect(validateProject(p)).toEqual([]);
  });
});
