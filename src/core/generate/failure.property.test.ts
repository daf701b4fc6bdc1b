import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Call, Chain, Project, ReplyVariant } from '../project/types.ts';
import { validateProject } from '../compile/compileProject.ts';
import { formatContext } from '../formats/registry.ts';
import { toAnthropicRecord } from '../formats/anthropic.ts';
import { isCallsMessage, type Example } from './types.ts';
import {
  asMultiTurn,
  callMessages,
  callsOf,
  errorsOf,
  expectRetries,
  formatFindings,
  formatsFor,
  generatorOf,
  outcomeTools,
  project,
  questionsOf,
  ran,
  replyOf,
  toolMessages,
} from './outcome.testutil.ts';

/*
 * Random small designs with a call that may fail (random rate and recovery, one call or a
 * fan-out) and a confirmed delete (random yesRate, one call or a fan-out, beside the failing
 * call or after it), with optional calls that need each of them and one that needs neither;
 * single-request or multi-turn. Every example keeps the rules of design §6 and §7, and every
 * line passes every training format's checker (distil only for multi-turn chains).
 */

interface Design {
  project: Project;
  recover: 'retry' | 'report' | 'retryWith';
  saveFanOut: boolean;
  wipeFanOut: boolean;
  /** wipe waits for save (`after`): a reported failure of save stops it too. */
  wipeAfterSave: boolean;
  log: boolean;
  audit: boolean;
  note: boolean;
  multiTurn: boolean;
  yes: string[];
  no: string[];
  /** The reply variants' texts in order: `failed`, `declined`, then the fallback. */
  variants: ('failed' | 'declined')[];
}

const FAILED_TEXT = 'Saving failed: {save}.';
const DECLINED_TEXT = 'You said no: nothing was deleted in {folder}.';
const FALLBACK_TEXT = 'All done in {folder}.';

const designArb: fc.Arbitrary<Design> = fc
  .record({
    rate: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
    recover: fc.constantFrom<Design['recover']>('retry', 'report', 'retryWith'),
    defaultRecover: fc.boolean(),
    saveFanOut: fc.boolean(),
    wipeFanOut: fc.boolean(),
    wipeAfterSave: fc.boolean(),
    yesRate: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
    minItems: fc.integer({ min: 0, max: 1 }),
    maxItems: fc.integer({ min: 1, max: 4 }),
    log: fc.boolean(),
    audit: fc.boolean(),
    note: fc.boolean(),
    multiTurn: fc.boolean(),
    declinedFirst: fc.boolean(),
  })
  .map((r): Design => {
    const save: Call = r.saveFanOut
      ? { id: 'save', tool: 'save_item', forEach: '{list.items[*]}', as: 'it', args: { item_id: '{it.item_id}', copies: 1 } }
      : { id: 'save', tool: 'save_item', args: { item_id: '{list.items[0].item_id}', copies: 1 } };
    save.failure = { rate: r.rate, error: { error: { code: 'LOCKED', message: '{save.item_id} is locked.' } } };
    if (r.recover === 'retry') save.failure.recover = 'retry';
    if (r.recover === 'retryWith') save.failure.recover = { retryWith: { copies: 2 } };
    if (r.recover === 'report' && !r.defaultRecover) save.failure.recover = 'report';
    const yes = ['Yes.', 'Go ahead.'];
    const no = ['No.', 'Keep them.'];
    const wipe: Call = r.wipeFanOut
      ? {
          id: 'wipe',
          tool: 'delete_item',
          forEach: '{list.items[*]}',
          as: 'w',
          args: { item_id: '{w.item_id}' },
          confirm: { ask: ['Delete {list.items[*].name}?', 'Remove these {list.items.length}?'], yes, no, yesRate: r.yesRate },
        }
      : {
          id: 'wipe',
          tool: 'delete_item',
          args: { item_id: '{list.items[0].item_id}' },
          confirm: { ask: ['Delete {list.items[0].name}?'], yes, no, yesRate: r.yesRate },
        };
    if (r.wipeAfterSave) wipe.after = ['save'];
    const calls: Call[] = [{ id: 'list', tool: 'list_items', args: { folder: '{folder}' } }, save, wipe];
    if (r.log) calls.push({ id: 'log', tool: 'log_result', args: { ref: r.saveFanOut ? 'saved {save.length}' : '{save.saved_id}' } });
    if (r.audit) calls.push({ id: 'audit', tool: 'log_result', args: { ref: r.wipeFanOut ? 'deleted {wipe.length}' : '{wipe.item_id}' } });
    if (r.note) calls.push({ id: 'note', tool: 'notify', args: { text: 'Looked at {list.items.length} items in {folder}.' } });
    const variants: Design['variants'] = r.declinedFirst ? ['declined', 'failed'] : ['failed', 'declined'];
    const reply: ReplyVariant[] = [
      ...variants.map((v): ReplyVariant =>
        v === 'failed' ? { when: { failed: 'save' }, text: FAILED_TEXT } : { when: { declined: 'wipe' }, text: DECLINED_TEXT },
      ),
      { text: FALLBACK_TEXT },
    ];
    const chain: Chain = { id: 'random', requests: ['Tidy up {folder}.'], slots: { folder: { oneOf: ['inbox', 'archive', 'drafts'] } }, calls, reply };
    const single = project(outcomeTools(r.minItems, r.maxItems), [chain]);
    return {
      project: r.multiTurn ? asMultiTurn(single) : single,
      recover: r.recover,
      saveFanOut: r.saveFanOut,
      wipeFanOut: r.wipeFanOut,
      wipeAfterSave: r.wipeAfterSave,
      log: r.log,
      audit: r.audit,
      note: r.note,
      multiTurn: r.multiTurn,
      yes,
      no,
      variants,
    };
  });

const describeDesign = (d: Design) =>
  JSON.stringify({ ...d, project: d.project.chains[0].calls.map(({ id, forEach, failure, confirm, after }) => ({ id, forEach, failure, confirm, after })) });

/** What the transcript says about the example, and the rules it must keep. */
function expectRules(d: Design, ex: Example, serialized: boolean): { declined: boolean; failed: boolean } {
  const what = `${JSON.stringify(ex.messages)}\n${describeDesign(d)}`;
  const items = (toolMessages(ex).find((m) => m.callId === 'list')!.result as { items: { item_id: string; name: string }[] }).items;
  const errors = errorsOf(ex);
  // Only save fails, once at most (a fan-out: its first call).
  expect(
    errors.every((m) => m.callId === 'save'),
    what,
  ).toBe(true);
  expect(errors.length, what).toBeLessThanOrEqual(1);
  if (errors.length && d.saveFanOut) expect(callsOf(ex, 'save').find((c) => c.id === errors[0].id)!.element).toBe(0);
  const failed = errors.length === 1 && d.recover === 'report';
  // A retry follows each error of a call that recovers, with the retry's arguments.
  const retries = d.recover === 'report' ? 0 : expectRetries(ex, (c) => (d.recover === 'retryWith' ? { ...c.args, copies: 2 } : c.args), serialized);
  expect(retries, what).toBe(d.recover === 'report' ? 0 : errors.length);
  expect(callsOf(ex, 'save'), what).toHaveLength((d.saveFanOut ? items.length : 1) + retries);
  // Without a retry each element is called once (a fan-out's other elements still run after its failure).
  if (d.saveFanOut && d.recover === 'report')
    expect(
      callsOf(ex, 'save').map((c) => c.element),
      what,
    ).toEqual(items.map((_, k) => k));

  // The confirmation: asked once, right before the group, exactly when the group has calls to make.
  const wipeWouldRun = !(d.wipeAfterSave && failed) && !(d.wipeFanOut && items.length === 0);
  const questions = questionsOf(ex);
  expect(questions, what).toHaveLength(wipeWouldRun ? 1 : 0);
  let declined = false;
  if (questions.length) {
    const [q] = questions;
    const answer = ex.messages[q.at + 1];
    expect(answer.role, what).toBe('user');
    const text = (answer as { text: string }).text;
    // In a multi-turn chain a "no" that leaves the step without calls opens the next step's request.
    declined = d.no.some((n) => text === n || (d.multiTurn && text.startsWith(`${n} `)));
    expect(declined || d.yes.includes(text), what).toBe(true);
    const names = items.map((x) => x.name);
    const inWords = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    expect(d.wipeFanOut ? [`Delete ${inWords}?`, `Remove these ${items.length}?`] : [`Delete ${items[0].name}?`], what).toContain(q.text);
    // Before the question: a user message (single-turn, after a tool's result) or the step's request.
    expect(ex.messages[q.at - 1].role, what).toBe(d.multiTurn ? 'user' : 'tool');
    if (!declined) {
      // The next assistant message makes the group's calls (the first of them, serialised).
      const next = ex.messages.slice(q.at + 2).find(isCallsMessage)!;
      expect(
        next.calls.some((c) => c.callId === 'wipe'),
        what,
      ).toBe(true);
      expect(
        ex.messages.slice(q.at + 2).findIndex((m) => m.role !== 'user'),
        what,
      ).toBe(0);
    }
  }
  expect(ex.outcome?.declined ?? [], what).toEqual(declined ? ['wipe'] : []);
  expect(ex.outcome?.confirmed ?? [], what).toEqual(questions.length && !declined ? ['wipe'] : []);
  expect(ex.outcome?.failed ?? [], what).toEqual(errors.length ? ['save'] : []);

  // Who runs: what needs a reported failure or a refusal does not; the rest does.
  expect(callsOf(ex, 'wipe'), what).toHaveLength(wipeWouldRun && !declined ? (d.wipeFanOut ? items.length : 1) : 0);
  if (d.log) expect(ran(ex, 'log'), what).toBe(!failed);
  // (An empty fan-out ran, with no calls: what needs it runs.)
  if (d.audit) expect(ran(ex, 'audit'), what).toBe(!(d.wipeAfterSave && failed) && !declined);
  if (d.note) expect(ran(ex, 'note'), what).toBe(true);

  // The reply: the first variant that holds; {failed} exactly when save failed unrecovered.
  const holds = { failed, declined };
  const first = d.variants.find((v) => holds[v]);
  const folder = ex.slots.folder as string;
  const expected =
    first === 'failed'
      ? `Saving failed: ${JSON.stringify(
          d.saveFanOut
            ? toolMessages(ex)
                .filter((m) => m.callId === 'save')
                .map((m) => m.result)
            : errors[0].result,
        )}.`
      : first === 'declined'
        ? `You said no: nothing was deleted in ${folder}.`
        : `All done in ${folder}.`;
  expect(replyOf(ex), what).toBe(expected);

  // User and assistant alternate, also when a multi-turn chain goes on after a refusal (the answer opens the next step).
  expect(
    ex.messages.some((m, i) => m.role === 'user' && ex.messages[i + 1]?.role === 'user'),
    what,
  ).toBe(false);
  return { declined, failed };
}

describe('random designs with a failing call and a confirmed call', () => {
  it("are valid, keep every rule of failures and confirmations, and every line passes every format's checker", () => {
    const seen = { failed: 0, retried: 0, declined: 0, confirmed: 0, multiTurnLines: 0 };
    fc.assert(
      fc.property(designArb, fc.nat(1_000_000), fc.boolean(), fc.boolean(), (d, seed, serializeParallel, includeTools) => {
        const p = d.project;
        expect(
          validateProject(p).filter((x) => x.severity === 'error'),
          describeDesign(d),
        ).toEqual([]);
        expect(formatsFor(p, 'random')).toHaveLength(d.multiTurn ? 6 : 5);
        const generators = new Map([false, true].map((s) => [s, generatorOf(p, 'random', { serializeParallel: s })]));
        const context = formatContext(p, { includeTools: false });
        for (let index = 0; index < 4; index += 1) {
          const example = (s: boolean) => generators.get(s)!.example(seed, index);
          const ex = example(serializeParallel);
          if (serializeParallel) for (const calls of callMessages(ex)) expect(calls).toHaveLength(1);
          const { declined, failed } = expectRules(d, ex, serializeParallel);
          if (failed) seen.failed += 1;
          if (errorsOf(ex).length && !failed) seen.retried += 1;
          if (declined) seen.declined += 1;
          if (ex.outcome?.confirmed.length) seen.confirmed += 1;
          // Anthropic: is_error exactly on the failed result.
          const flagged = toAnthropicRecord(ex, p, { tools: context.tools, includeTools: false })
            .messages.flatMap((m) => (Array.isArray(m.content) ? m.content : []))
            .filter((b) => (b as { is_error?: boolean }).is_error === true)
            .map((b) => (b as { tool_use_id: string }).tool_use_id);
          expect(flagged).toEqual(errorsOf(ex).map((m) => m.id));
          // The other generator's example (serialised or not) keeps the rules too; formats read both.
          expectRules(d, example(!serializeParallel), !serializeParallel);
          expectRules(d, example(true), true);
          expect(formatFindings(p, 'random', example, serializeParallel, includeTools), describeDesign(d)).toEqual([]);
          if (d.multiTurn) seen.multiTurnLines += 1;
        }
        // Same seed, another generator: the same example.
        expect(generatorOf(p, 'random', { serializeParallel }).example(seed, 0)).toEqual(generators.get(serializeParallel)!.example(seed, 0));
      }),
      // A fixed seed: the counts below say the runs met every outcome, and with a random seed a run
      // of 120 examples sometimes met fewer than four failures (0 once in CI). FC_SEED explores others.
      { numRuns: 30, seed: Number(process.env.FC_SEED ?? 2) },
    );
    for (const [k, n] of Object.entries(seen)) expect(n, k).toBeGreaterThan(3);
  }, 30_000);
});
