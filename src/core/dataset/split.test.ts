import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exampleTexts, loadExample } from '../testing/fixtures.ts';
import { prepareDataset, type DatasetRun, type FileName } from './stream.ts';

function run(name: string, seed: number, split: { fraction: number; by: 'template' | 'slot' }, total = 200): DatasetRun {
  const made = prepareDataset({ project: loadExample(name), format: 'openai', seed, selection: { kind: 'even', total }, split });
  if (!made.ok) throw new Error(made.diagnostics[0].message);
  return made.run;
}

/** The first user message of every line the run writes to `file`. */
function firstRequests(r: DatasetRun, file: FileName): string[] {
  let text = '';
  for (const chunk of r.chunks({ examplesPerChunk: 500 })) {
    if (chunk.kind === 'error') throw new Error(chunk.error.message);
    if (chunk.file === file) text += chunk.text;
  }
  const lines = text ? text.trimEnd().split('\n') : [];
  return lines.map((l) => (JSON.parse(l) as { messages: { role: string; content: string }[] }).messages.find((m) => m.role === 'user')!.content);
}

describe('train/test split by template', () => {
  it('test examples use only held-out templates, train only the others, and no test request occurs in train (every example project)', () => {
    for (const name of Object.keys(exampleTexts)) {
      for (const seed of [1, 2]) {
        const r = run(name, seed, { fraction: 0.3, by: 'template' });
        const report = r.split!;
        expect(report.train + report.test).toBe(200);
        const byChain = new Map(report.chains.map((c) => [c.chainId, c]));
        for (const [file, side] of [
          ['train', 'trainTemplates'],
          ['test', 'testTemplates'],
        ] as const) {
          for (const e of r.sample(1000, file)) {
            const c = byChain.get(e.chainId)!;
            if (c.split && e.requestIndex >= 0) expect(c[side], `${name}/${e.chainId} ${file}`).toContain(e.requestIndex);
          }
        }
        for (const c of report.chains.filter((x) => x.split)) expect(c.testTemplates!.filter((t) => c.trainTemplates!.includes(t))).toEqual([]);
        const train = new Set(firstRequests(r, 'train'));
        expect(
          firstRequests(r, 'test').filter((q) => train.has(q)),
          name,
        ).toEqual([]);
      }
    }
  }, 60_000);

  it('reports chains that cannot be split and keeps them in train', () => {
    const r = run('file-system', 1, { fraction: 0.2, by: 'template' });
    for (const c of r.split!.chains) {
      if (!c.split) expect(c).toMatchObject({ test: 0, reason: expect.stringContaining('needs at least 2') });
    }
  });
});

describe('train/test split by slot value', () => {
  it('no held-out slot value ever occurs in train; test uses only held-out values', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(0.1, 0.25, 0.5), (seed, fraction) => {
        const r = run('trip-planning', seed, { fraction, by: 'slot' }, 150);
        const train = r.sample(1000, 'train');
        const test = r.sample(1000, 'test');
        expect(train.length + test.length).toBe(150);
        for (const c of r.split!.chains.filter((x) => x.split)) {
          for (const s of c.slots!) {
            const key = (v: unknown) => JSON.stringify(v);
            const trainValues = train.filter((e) => e.chainId === c.chainId).map((e) => e.slots[s.slot]);
            const testValues = test.filter((e) => e.chainId === c.chainId).map((e) => e.slots[s.slot]);
            expect(
              trainValues.filter((v) => s.isTest(v)),
              `${c.chainId}.${s.slot}`,
            ).toEqual([]);
            expect(
              testValues.filter((v) => !s.isTest(v)),
              `${c.chainId}.${s.slot}`,
            ).toEqual([]);
            const inTest = new Set(testValues.map(key));
            expect(trainValues.filter((v) => inTest.has(key(v)))).toEqual([]);
            if (s.kind === 'values') expect(s.testValues!.filter((v) => s.trainValues!.map(key).includes(key(v)))).toEqual([]);
          }
        }
      }),
      { numRuns: 6 },
    );
  }, 60_000);
});
