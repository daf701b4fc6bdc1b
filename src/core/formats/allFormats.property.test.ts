import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JsonValue } from '../project/types.ts';
import { compileCondition } from '../conditions/evaluate.ts';
import { compileTemplate, UNRESOLVED } from '../generate/compiled.ts';
import { createGenerator } from '../generate/example.ts';
import { describeDesign, randomDesignArb } from '../generate/randomDesign.testutil.ts';
import { callMessages, callsOf, ran, replyOf, resultsOf, transcriptScope, transcriptStatus } from '../generate/resultAware.testutil.ts';
import { distilReadiness } from './distil.ts';
import { allChains, generatorFor, project } from './formats.testutil.ts';
import { FORMATS, formatById, formatContext } from './registry.ts';

describe('every format, every example project', () => {
  it('the registry lists each format once, each declaring an id, a label, a description and its line shape', () => {
    const ids = FORMATS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of FORMATS) {
      expect(f.id, f.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(f.label.trim().length * f.description.trim().length, f.id).toBeGreaterThan(0);
      expect(Number.isFinite(f.detect.specificity), f.id).toBe(true);
      expect(formatById(f.id)).toBe(f);
    }
  });

  it('any generated example of any chain passes every registered checker, with and without serialised turns, tools and system prompt', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allChains),
        fc.nat(1_000_000),
        fc.nat(10_000),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (ref, seed, index, serializeParallel, includeTools, omitSystem) => {
          const p = project(ref.name);
          for (const format of FORMATS) {
            if (format.readiness?.(p, ref.chainId).some((d) => d.severity === 'error')) continue;
            const serialized = serializeParallel || format.needsSerializedTurns === true;
            const example = generatorFor(ref, { serializeParallel: serialized, omitSystem }).example(seed, index);
            const context = formatContext(p, { includeTools, serialized });
            const lines = format.write(example, context);
            expect(lines.length, `${format.id}: ${ref.name}/${ref.chainId}`).toBeGreaterThan(0);
            for (const line of lines) {
              expect(line).not.toContain('\n');
              expect(format.check(line, context.tools), `${format.id}: ${ref.name}/${ref.chainId} seed ${seed} #${index}\n${line}`).toEqual([]);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
    // Generous: other suites may share the machine; this is not a speed test.
  }, 60_000);

  it('distil takes exactly the chains whose every call has its own requests, and refuses the others saying what to add', () => {
    let taken = 0;
    for (const ref of allChains) {
      const p = project(ref.name);
      const chain = p.chains.find((c) => c.id === ref.chainId)!;
      const errors = distilReadiness(p, ref.chainId).filter((d) => d.severity === 'error');
      const missing = chain.calls.filter((c) => !c.requests?.length).map((c) => c.id);
      expect(errors.map((e) => e.callId)).toEqual(missing);
      for (const e of errors) expect(e.message).toMatch(/add "requests" to call/);
      if (!errors.length) taken += 1;
    }
    expect(taken).toBeGreaterThan(0);
    expect(taken).toBeLessThan(allChains.length);
  });
});

describe('random designs that read their results (fan-outs, where, when, reply variants)', () => {
  it("every generated line passes every format's checker (distil where it applies)", () => {
    let distilLines = 0;
    fc.assert(
      fc.property(randomDesignArb, fc.nat(1_000_000), fc.boolean(), fc.boolean(), fc.boolean(), (design, seed, serializeParallel, includeTools, omitSystem) => {
        const p = design.project;
        const context = (serialized: boolean) => formatContext(p, { includeTools, serialized });
        const generators = new Map<boolean, ReturnType<typeof createGenerator>>();
        for (const format of FORMATS) {
          const ready = format.readiness?.(p, design.chainId) ?? [];
          if (ready.some((d) => d.severity === 'error')) {
            // distil takes exactly the multi-turn designs (every call has its own requests).
            expect(format.id === 'distil' && !design.multiTurn).toBe(true);
            continue;
          }
          const serialized = serializeParallel || format.needsSerializedTurns === true;
          if (!generators.has(serialized)) generators.set(serialized, createGenerator(p, design.chainId, { serializeParallel: serialized, omitSystem }));
          const made = generators.get(serialized)!;
          expect(made.ok, `${made.ok ? '' : made.diagnostics.map((d) => d.message).join('; ')}\n${describeDesign(design)}`).toBe(true);
          if (!made.ok) return;
          for (let index = 0; index < 3; index += 1) {
            const example = made.generator.example(seed, index);
            if (serialized) for (const calls of callMessages(example)) expect(calls).toHaveLength(1);
            const lines = format.write(example, context(serialized));
            expect(lines.length).toBeGreaterThan(0);
            if (format.id === 'distil') distilLines += lines.length;
            for (const line of lines) {
              expect(line).not.toContain('\n');
              expect(format.check(line, context(serialized).tools), `${format.id} seed ${seed} #${index}\n${line}\n${describeDesign(design)}`).toEqual([]);
            }
          }
        }
      }),
      { numRuns: 25 },
    );
    expect(distilLines).toBeGreaterThan(0);
  }, 30_000);

  it("fan-out calls are exactly the elements that pass the filter, in order; a call runs iff its condition holds on the transcript's own results; the reply is the first variant that holds", () => {
    const seen = { ran: 0, skipped: 0, filteredOut: 0, zeroCalls: 0, someCalls: 0 };
    fc.assert(
      fc.property(randomDesignArb, fc.nat(1_000_000), fc.boolean(), (design, seed, serializeParallel) => {
        const made = createGenerator(design.project, design.chainId, { serializeParallel });
        if (!made.ok) throw new Error(made.diagnostics.map((d) => d.message).join('; '));
        const chain = design.project.chains[0];
        const [list, fan, cond] = chain.calls;
        const where = design.fanOut.where ? compileCondition(design.fanOut.where) : undefined;
        const when = compileCondition(design.conditional.when);
        const fanArgs = [compileTemplate(fan.args.item_id as string), compileTemplate(fan.args.kind as string)];
        for (let index = 0; index < 6; index += 1) {
          const ex = made.generator.example(seed, index);
          const what = `seed ${seed} #${index}\n${JSON.stringify(ex.messages)}\n${describeDesign(design)}`;
          const scope = transcriptScope(ex, [fan.id]);
          const status = transcriptStatus(ex);
          // The fan-out: one call per passing element, in the list's order, and nothing else.
          const items = (resultsOf(ex, list.id)[0] as { items: JsonValue[] }).items;
          const passing = items.filter((item) => !where || where({ ...scope, [design.fanOut.as]: item }, status));
          const expected = passing.map((item) => fanArgs.map((a) => a.render({ ...scope, [design.fanOut.as]: item })));
          expect(
            callsOf(ex, fan.id).map((c) => [c.args.item_id, c.args.kind]),
            what,
          ).toEqual(expected);
          expect(resultsOf(ex, fan.id)).toHaveLength(passing.length);
          if (passing.length < items.length) seen.filteredOut += 1;
          if (passing.length === 0) seen.zeroCalls += 1;
          else seen.someCalls += 1;
          if (ran(ex, cond.id)) seen.ran += 1;
          else seen.skipped += 1;
          // The conditional call, and the call waiting for it.
          expect(ran(ex, cond.id), what).toBe(when(scope, status));
          if (design.dependent) expect(ran(ex, design.dependent), what).toBe(ran(ex, cond.id));
          if (ran(ex, cond.id)) expect(callsOf(ex, cond.id)[0].args.count).toBe(passing.length);
          // No empty turn; serialised: one call per turn (a fan-out's too, multi-turn included).
          for (const calls of callMessages(ex)) {
            expect(calls.length).toBeGreaterThan(0);
            if (serializeParallel) expect(calls).toHaveLength(1);
          }
          // The reply: the first variant whose condition holds, one of its phrasings.
          if (Array.isArray(chain.reply)) {
            const variant = chain.reply.find((v) => v.when === undefined || compileCondition(v.when)(scope, status))!;
            const texts = (variant.texts ?? [variant.text!]).map((t) => compileTemplate(t, true).render(scope));
            expect(texts, what).toContain(replyOf(ex));
            expect(texts).not.toContain(UNRESOLVED);
          }
        }
      }),
      { numRuns: 60 },
    );
    // The designs exercise both sides of every decision.
    for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(20);
  }, 30_000);

  // Before 15054ac, a multi-turn fan-out's calls stayed in one turn even when serialised: distil threw
  // "2 calls in one assistant turn" and openai (with tools) found them parallel-disallowed.
  it('serializeParallel on a multi-turn chain with a fan-out: one call per assistant turn, and every format takes it', () => {
    const p = structuredClone(project('task-reminders'));
    p.chains[0].calls[0].requests = ['List my tasks due this week.'];
    p.chains[0].calls[1].requests = ['Now add a reminder for each high-priority one.'];
    const made = createGenerator(p, p.chains[0].id, { serializeParallel: true });
    if (!made.ok) throw new Error('refused');
    const context = formatContext(p, { includeTools: true, serialized: true });
    for (let i = 0; i < 50; i += 1) {
      const example = made.generator.example(1, i);
      for (const calls of callMessages(example)) expect(calls).toHaveLength(1);
      for (const format of FORMATS) {
        if (format.readiness?.(p, p.chains[0].id).some((d) => d.severity === 'error')) continue;
        for (const line of format.write(example, context)) expect(format.check(line, context.tools)).toEqual([]);
      }
    }
  });
});
