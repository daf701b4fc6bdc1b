import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { distilReadiness } from './distil.ts';
import { allChains, generatorFor, project } from './formats.testutil.ts';
import { FORMATS, formatContext } from './registry.ts';

describe('every format, every example project', () => {
  it('has six formats with distinct ids', () => {
    expect(FORMATS.map((f) => f.id).sort()).toEqual(['anthropic', 'distil', 'eval', 'eval-bfcl', 'eval-nestful', 'eval-taskbench', 'hermes', 'hf', 'openai', 'sharegpt']);
  });

  it('any generated example of any chain passes all six checkers, with and without serialised turns, tools and system prompt', () => {
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
