/**
 * Test-only: a fast-check arbitrary of small random designs that read their results: a list
 * tool whose items have an enum field, a fan-out over the list with a random `where` (eq, ne,
 * in or notIn on the enum, or none), a conditional call with a random `when` on a number or a
 * length (the list's, or the fan-out's count), optionally a call that waits for the
 * conditional one, and random reply variants. Single-request or multi-turn (every call with
 * its own requests). Every design is valid (no error diagnostics).
 */
import fc from 'fast-check';
import type { Call, Chain, JsonValue, Project, ReplyVariant } from '../project/types.ts';
import type { Condition } from '../conditions/types.ts';
import { project, tool } from './resultAware.testutil.ts';

export interface RandomDesign {
  project: Project;
  chainId: string;
  /** The fan-out call's id, its element name, and its filter. */
  fanOut: { id: string; as: string; where: Condition | undefined };
  /** The conditional call and its condition. */
  conditional: { id: string; when: Condition };
  /** A call that waits for the conditional one (so it runs only when that one ran). */
  dependent: string | undefined;
  multiTurn: boolean;
}

const KINDS = ['alpha', 'beta', 'gamma', 'delta'];

const whereArb: fc.Arbitrary<(as: string, kinds: string[]) => Condition | undefined> = fc.oneof(
  fc.constant(() => undefined),
  fc.tuple(fc.constantFrom('eq', 'ne'), fc.nat(3)).map(
    ([op, k]) =>
      (as: string, kinds: string[]) =>
        ({ value: `{${as}.kind}`, [op]: kinds[k % kinds.length] }) as Condition,
  ),
  fc.tuple(fc.constantFrom('in', 'notIn'), fc.subarray([0, 1, 2, 3], { minLength: 1, maxLength: 3 })).map(
    ([op, ks]) =>
      (as: string, kinds: string[]) =>
        ({ value: `{${as}.kind}`, [op]: [...new Set(ks.map((k) => kinds[k % kinds.length]))] }) as Condition,
  ),
  // A combination, so that steering meets all/any/not too.
  fc.nat(3).map(
    (k) => (as: string, kinds: string[]) =>
      ({
        any: [
          { value: `{${as}.kind}`, eq: kinds[k % kinds.length] },
          { value: `{${as}.score}`, gte: 40 },
        ],
      }) as Condition,
  ),
  fc.nat(3).map((k) => (as: string, kinds: string[]) => ({ not: { value: `{${as}.kind}`, eq: kinds[k % kinds.length] } }) as Condition),
);

/** A test on a number or a length the chain knows before the conditional call. */
const whenArb: fc.Arbitrary<(list: string, fan: string) => Condition> = fc
  .tuple(fc.constantFrom('items-length', 'total', 'fan-length'), fc.constantFrom('gt', 'gte', 'lt', 'lte', 'eq', 'ne'), fc.nat(100))
  .map(([what, op, n]) => (list: string, fan: string) => {
    if (what === 'total') return { value: `{${list}.total}`, [op]: 10 + (n % 80) } as Condition;
    const value = what === 'items-length' ? `{${list}.items.length}` : `{${fan}.length}`;
    return { value, [op]: 1 + (n % 3) } as Condition;
  });

const variantPool = (list: string, fan: string, cond: string): ReplyVariant[] => [
  { when: { ran: cond }, text: `Followed up on {${fan}.length} items (ok: {${cond}.ok}).` },
  { when: { value: `{${fan}.length}`, eq: 0 }, texts: [`None of the {${list}.items.length} items needed handling.`, 'Nothing to handle.'] },
  { when: { value: `{${list}.total}`, gt: 50 }, text: `Many in total ({${list}.total}); handled {${fan}.length}.` },
  { when: { all: [{ value: `{${fan}.length}`, gte: 2 }, { not: { ran: cond } }] }, text: `Handled {${fan}.length}: {${fan}[*].handled_id}.` },
];

export const randomDesignArb: fc.Arbitrary<RandomDesign> = fc
  .record({
    kinds: fc.integer({ min: 2, max: 4 }),
    maxItems: fc.integer({ min: 2, max: 6 }),
    as: fc.constantFrom(undefined, 'it', 'entry'),
    where: whereArb,
    when: whenArb,
    whenRate: fc.constantFrom(0.1, 0.3, 0.5, 0.7, 0.9),
    dependent: fc.boolean(),
    multiTurn: fc.boolean(),
    variants: fc.subarray([0, 1, 2, 3]),
    fallback: fc.constantFrom<'texts' | 'string' | 'none'>('texts', 'texts', 'string', 'none'),
    ids: fc.constantFrom<string[]>(['list', 'handle', 'check', 'after'], ['l', 'f', 'c', 'd'], ['search', 'each', 'maybe', 'then']),
  })
  .map(({ kinds, maxItems, as, where, when, whenRate, dependent, multiTurn, variants, fallback, ids }): RandomDesign => {
    const [L, F, C, D] = ids;
    const kindList = KINDS.slice(0, kinds);
    const element = as ?? 'item';
    const whereCond = where(element, kindList);
    const whenCond = when(L, F);
    const tools = [
      tool(
        'list_items',
        { query: { type: 'string' } },
        {
          type: 'object',
          properties: {
            total: { type: 'integer', minimum: 0, maximum: 100 },
            items: {
              type: 'array',
              minItems: 0,
              maxItems,
              items: {
                type: 'object',
                properties: {
                  id: { type: 'string', pattern: '^I-[0-9]{4}$' },
                  kind: { type: 'string', enum: kindList },
                  score: { type: 'integer', minimum: 0, maximum: 50 },
                },
                required: ['id', 'kind', 'score'],
              },
            },
          },
          required: ['total', 'items'],
        },
      ),
      tool(
        'handle_item',
        { item_id: { type: 'string' }, kind: { type: 'string', enum: kindList } },
        { type: 'object', properties: { handled_id: { type: 'string', pattern: '^H-[0-9]{3}$' } }, required: ['handled_id'] },
      ),
      tool(
        'follow_up',
        { count: { type: 'integer', minimum: 0 }, note: { type: 'string' } },
        { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] },
        ['count'],
      ),
      tool('log_event', { text: { type: 'string' } }, { type: 'object', properties: { logged: { type: 'boolean', const: true } }, required: ['logged'] }),
    ];
    const fan: Call = { id: F, tool: 'handle_item', forEach: `{${L}.items[*]}`, args: { item_id: `{${element}.id}`, kind: `{${element}.kind}` } };
    if (as !== undefined) fan.as = as;
    if (whereCond) fan.where = whereCond;
    const calls: Call[] = [
      { id: L, tool: 'list_items', args: { query: '{q}' } },
      fan,
      { id: C, tool: 'follow_up', when: whenCond, whenRate, args: { count: `{${F}.length}`, note: `Handled {${F}.length} of {${L}.items.length}.` } },
    ];
    if (dependent) calls.push({ id: D, tool: 'log_event', args: { text: `Follow-up ok: {${C}.ok}` } });
    if (multiTurn) {
      calls[0].requests = ['Search for {q}.', 'Look up {q} for me.'];
      calls[1].requests = ['Handle each of them that fits.'];
      calls[2].requests = ['Follow up if it makes sense.'];
      if (dependent) calls[3].requests = ['Log it.'];
    }
    const pool = variantPool(L, F, C);
    let reply: Chain['reply'];
    const chosen = variants.map((k) => pool[k]);
    if (fallback === 'none') reply = chosen.length ? [...chosen, { text: `Handled {${F}.length}.` }] : undefined;
    else if (fallback === 'string' && chosen.length === 0) reply = `Searched {q}: {${L}.items.length} items, {${F}.length} handled.`;
    else reply = [...chosen, { texts: [`Searched {q}: {${L}.items.length} items, {${F}.length} handled.`, `Done: {${F}.length} of {${L}.items.length}.`] }];
    const chain: Chain = { id: 'random', slots: { q: { oneOf: ['red', 'blue', 'green'] } }, calls };
    if (!multiTurn) chain.requests = ['Find the {q} items and handle the ones that fit.', 'Go through the {q} items and deal with the right ones.'];
    if (reply !== undefined) chain.reply = reply;
    return {
      project: project(tools, [chain]),
      chainId: 'random',
      fanOut: { id: F, as: element, where: whereCond },
      conditional: { id: C, when: whenCond },
      dependent: dependent ? D : undefined,
      multiTurn,
    };
  });

/** For messages: the design's calls and reply as JSON (a failing property prints it). */
export function describeDesign(d: RandomDesign): string {
  const chain = d.project.chains[0];
  return JSON.stringify({ calls: chain.calls, reply: chain.reply as JsonValue }, null, 1);
}
