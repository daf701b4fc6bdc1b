import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { loadExample } from '../testing/fixtures.ts';
import { parseProject } from '../project/parse.ts';
import { serializeProject } from '../project/serialize.ts';
import type { JsonValue, Project } from '../project/types.ts';
import { collectReferences } from '../refs/parse.ts';
import { planChain } from '../graph/plan.ts';
import { addCall, deleteCalls, moveCalls, renameCall, setArgument } from './calls.ts';
import { addOrder, connect, disconnect, removeOrder } from './connect.ts';
import { copyCalls, pasteCalls } from './clipboard.ts';
import { chainEdges } from './edges.ts';
import { resultFields } from './fields.ts';
import { renameSlot } from './slots.ts';
import type { EditResult } from './types.ts';

const CHAIN = 'book-and-invite';

function withoutBraces(v: JsonValue): JsonValue {
  if (typeof v === 'string') return v.replace(/[{}]/g, '');
  if (Array.isArray(v)) return v.map(withoutBraces);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withoutBraces(x)]));
  return v;
}

/** An operation: picks its targets from the current project with the random numbers it carries. */
type Op = (p: Project) => EditResult;
const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);
const chainOf = (p: Project) => p.chains.find((c) => c.id === CHAIN)!;
const ids = (p: Project) => chainOf(p).calls.map((c) => c.id);

const op: fc.Arbitrary<[string, Op]> = fc.oneof(
  fc.nat().map((n): [string, Op] => ['addCall', (p) => addCall(p, CHAIN, pick(p.tools, n)!.function.name, { x: n % 500, y: n % 300 })]),
  fc
    .tuple(fc.nat(), fc.constantFrom('x', 'rooms', 'book_2', 'date', 'bad id', 'y-1', 'team'))
    .map(([n, name]): [string, Op] => [`rename→${name}`, (p) => renameCall(p, CHAIN, pick(ids(p), n) ?? 'none', name)]),
  fc.array(fc.nat(), { maxLength: 2 }).map((ns): [string, Op] => [
    'delete',
    (p) =>
      deleteCalls(
        p,
        CHAIN,
        ns.map((n) => pick(ids(p), n)).filter((x): x is string => !!x),
      ),
  ]),
  fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()).map(([a, f, b, g]): [string, Op] => [
    'connect',
    (p) => {
      const chain = chainOf(p);
      const from = pick(chain.calls, a);
      const to = pick(chain.calls, b);
      if (!from || !to) return { ok: false, reason: 'empty' };
      const tool = p.tools.find((t) => t.function.name === from.tool)!;
      const toTool = p.tools.find((t) => t.function.name === to.tool)!;
      const field = pick(resultFields(tool), f)!.path;
      const arg = pick(Object.keys((toTool.function.parameters.properties as object) ?? {}), g) ?? 'x';
      return connect(p, CHAIN, { callId: from.id, field }, { callId: to.id, arg });
    },
  ]),
  fc.nat().map((n): [string, Op] => ['disconnect', (p) => disconnect(p, CHAIN, pick(chainEdges(p, chainOf(p)), n)?.id ?? 'none')]),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): [string, Op] => ['addOrder', (p) => addOrder(p, CHAIN, pick(ids(p), a) ?? 'x', pick(ids(p), b) ?? 'y')]),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): [string, Op] => ['removeOrder', (p) => removeOrder(p, CHAIN, pick(ids(p), a) ?? 'x', pick(ids(p), b) ?? 'y')]),
  fc.tuple(fc.nat(), fc.constantFrom('date', 'note', 'room_id'), fc.jsonValue({ maxDepth: 2 })).map(([n, arg, value]): [string, Op] => [
    'setArgument',
    // Literal values only (no braces): a typed reference may close a cycle, which validation reports.
    (p) => setArgument(p, CHAIN, pick(ids(p), n) ?? 'none', arg, withoutBraces(value as JsonValue)),
  ]),
  fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.integer({ min: -50, max: 50 })).map(([ns, d]): [string, Op] => [
    'copyPaste',
    (p) =>
      pasteCalls(
        p,
        CHAIN,
        copyCalls(
          chainOf(p),
          ns.map((n) => pick(ids(p), n)).filter((x): x is string => !!x),
        ),
        { x: d, y: d },
      ),
  ]),
  fc
    .tuple(fc.nat(), fc.integer({ min: -2000, max: 2000 }))
    .map(([n, x]): [string, Op] => ['move', (p) => moveCalls(p, CHAIN, { [pick(ids(p), n) ?? 'none']: { x, y: -x } })]),
  fc
    .constantFrom('day', 'when', 'rooms')
    .map((name): [string, Op] => [`renameSlot→${name}`, (p) => renameSlot(p, CHAIN, pick(Object.keys(chainOf(p).slots ?? {}), name.length)!, name)]),
);

describe('random edit sequences', () => {
  it('keep the project a readable file with no reference to a missing call and no cycle', () => {
    const start = loadExample('room-booking');
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        let p = start;
        for (const [, run] of ops) {
          const before = p;
          const r = run(p);
          if (!r.ok) {
            expect(p).toBe(before);
            continue;
          }
          p = r.project;
          const parsed = parseProject(serializeProject(p));
          expect(parsed.ok, parsed.ok ? '' : parsed.error.message).toBe(true);
          const chain = chainOf(p);
          const calls = new Set(chain.calls.map((c) => c.id));
          const slots = new Set(Object.keys(chain.slots ?? {}));
          expect(calls.size).toBe(chain.calls.length);
          for (const { ref } of collectReferences(chain)) expect(calls.has(ref.root) || slots.has(ref.root), `{${ref.source}}`).toBe(true);
          for (const c of chain.calls) for (const a of c.after ?? []) expect(calls.has(a)).toBe(true);
          expect(planChain(p, chain).ok).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
