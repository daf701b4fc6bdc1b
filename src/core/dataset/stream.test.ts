import { describe, expect, it } from 'vitest';
import type { Project } from '../project/types.ts';
import { FORMATS } from '../formats/registry.ts';
import { exampleTexts, loadExample } from '../testing/fixtures.ts';
import { prepareDataset, type DatasetRun, type DatasetSpec, type FileName } from './stream.ts';

function prepare(spec: Partial<DatasetSpec> & { project: Project }): DatasetRun {
  const made = prepareDataset({ format: 'openai', seed: 5, selection: { kind: 'mix', total: 120 }, ...spec });
  if (!made.ok) throw new Error(made.diagnostics.map((d) => `${d.path}: ${d.message}`).join('\n'));
  return made.run;
}

/** Every file's text, and the error chunk if any. */
function collect(run: DatasetRun, examplesPerChunk = 7): { files: Record<FileName, string>; error?: string } {
  const files: Record<FileName, string> = { train: '', test: '' };
  for (const chunk of run.chunks({ examplesPerChunk })) {
    if (chunk.kind === 'error') return { files, error: chunk.error.message };
    files[chunk.file] += chunk.text;
  }
  return { files };
}

const trip = loadExample('trip-planning');

describe('a dataset run', () => {
  it('is deterministic: the same spec gives the same bytes, another seed others', () => {
    const a = collect(prepare({ project: trip }));
    const b = collect(prepare({ project: trip }), 50);
    expect(a.error).toBeUndefined();
    expect(a.files.train.split('\n')).toHaveLength(121);
    expect(b.files.train).toBe(a.files.train);
    expect(collect(prepare({ project: trip, seed: 6 })).files.train).not.toBe(a.files.train);
  }, 30_000);

  it('shards: the N parts in order are the unsharded file, byte for byte (split and unique requests too)', () => {
    const specs: Partial<DatasetSpec>[] = [
      { selection: { kind: 'mix', total: 97 } },
      { selection: { kind: 'mix', total: 120 }, split: { fraction: 0.2, by: 'template' }, options: { uniqueRequests: true } },
      { selection: { kind: 'even', total: 61 }, split: { fraction: 0.25, by: 'slot' }, options: { serializeParallel: true, includeTools: false } },
    ];
    for (const spec of specs) {
      const whole = collect(prepare({ project: trip, ...spec }));
      expect(whole.error).toBeUndefined();
      for (const n of [2, 3, 7]) {
        const parts = { train: '', test: '' };
        for (let k = 1; k <= n; k += 1) {
          const part = collect(prepare({ project: trip, ...spec, shard: { index: k, count: n } }));
          expect(part.error).toBeUndefined();
          parts.train += part.files.train;
          parts.test += part.files.test;
        }
        expect(parts, `${JSON.stringify(spec)} in ${n} shards`).toEqual(whole.files);
      }
    }
  }, 60_000);

  it('distil leaves out a line that repeats an earlier one of train or test, shard by shard as whole, and counts it', () => {
    const fs = loadExample('file-system');
    const spec: Partial<DatasetSpec> = { format: 'distil', selection: { kind: 'even', total: 90 }, split: { fraction: 0.2, by: 'template' } };
    const lines = (files: Record<FileName, string>) => [...files.train.split('\n'), ...files.test.split('\n')].filter(Boolean);
    const count = (run: DatasetRun) => {
      let repeated = 0;
      for (const chunk of run.chunks({ examplesPerChunk: 7 })) if (chunk.kind === 'lines') repeated += chunk.repeated;
      return repeated;
    };
    const whole = collect(prepare({ project: fs, ...spec }));
    const all = collect(prepare({ project: fs, ...spec, options: { keepRepeatedLines: true } }));
    const kept = lines(whole.files);
    expect(new Set(kept).size).toBe(kept.length);
    // The same lines as keeping every one, each at its first place.
    expect(kept).toEqual([...new Set(lines(all.files))]);
    expect(count(prepare({ project: fs, ...spec }))).toBe(lines(all.files).length - kept.length);
    expect(kept.length).toBeLessThan(lines(all.files).length);
    for (const n of [2, 5]) {
      const parts = { train: '', test: '' };
      for (let k = 1; k <= n; k += 1) {
        const part = collect(prepare({ project: fs, ...spec, shard: { index: k, count: n } }));
        parts.train += part.files.train;
        parts.test += part.files.test;
      }
      expect(parts, `${n} shards`).toEqual(whole.files);
    }
  }, 30_000);

  it('writes every format of the registry, every line checked, for every example project', () => {
    for (const name of Object.keys(exampleTexts)) {
      const project = loadExample(name);
      for (const format of FORMATS) {
        const made = prepareDataset({ project, format: format.id, seed: 2, selection: { kind: 'even', total: 12 } });
        if (!made.ok) {
          // Only a format's readiness may refuse (distil without per-step requests), and it says what to add.
          expect(
            made.diagnostics.every((d) => d.code.startsWith(`${format.id}-`)),
            `${name}/${format.id}: ${made.diagnostics.map((d) => d.message).join('; ')}`,
          ).toBe(true);
          continue;
        }
        const { files, error } = collect(made.run);
        expect(error, `${name}/${format.id}`).toBeUndefined();
        for (const line of files.train.trimEnd().split('\n')) expect(format.check(line, made.run.tools)).toEqual([]);
      }
    }
  }, 60_000);

  it('stops at the first line the checker refuses, naming the example, the chain and the rule', () => {
    const p = structuredClone(trip);
    p.tools.push({
      type: 'function',
      function: { name: 'tag', parameters: { type: 'object', properties: { ids: { type: 'array', items: { type: 'integer' } } }, required: ['ids'] } },
    });
    p.chains[1].calls.push({ id: 'tagged', tool: 'tag', args: { ids: ['{weather.city}'] } });
    const { error } = collect(prepare({ project: p, selection: { kind: 'counts', counts: [{ chainId: 'weather-only', count: 3 }] } }));
    expect(error).toMatch(
      /^train example 0 \(chain "weather-only", its example 0\): \$\.messages\[\d+\]\.tool_calls\[0\]\.function\.arguments: .*\[arguments-schema\]/,
    );
  });

  it('onLine: each line is handed over as it is made, the same lines in the same order as the chunks carry', () => {
    const spec = { project: trip, split: { fraction: 0.2, by: 'template' as const } };
    const chunked = collect(prepare(spec));
    const handed: Record<FileName, string> = { train: '', test: '' };
    const counted: Record<FileName, number> = { train: 0, test: 0 };
    const tails = new Set<string>();
    const onLine = (file: FileName, text: string, tail: string) => {
      handed[file] += `${text}${tail}\n`;
      tails.add(tail);
    };
    for (const chunk of prepare(spec).chunks({ examplesPerChunk: 7, onLine })) {
      expect(chunk.kind).toBe('lines');
      if (chunk.kind !== 'lines') continue;
      expect(chunk.texts).toEqual([]);
      counted[chunk.file] += chunk.lines;
    }
    expect(handed.train).toBe(chunked.files.train);
    expect(handed.test).toBe(chunked.files.test);
    expect(counted.train).toBe(chunked.files.train.split('\n').length - 1);
    expect(counted.test).toBeGreaterThan(0);
    // openai lines with tools: the tools are one tail, the same on every line.
    expect(tails.size).toBe(1);
    expect([...tails][0]).toMatch(/^,"tools":\[.*\],"parallel_tool_calls":true\}$/);

    // A format without such a tail hands on whole lines.
    const hf = { ...spec, format: 'hf' as const };
    let whole = '';
    for (const chunk of prepare(hf).chunks({
      examplesPerChunk: 7,
      onLine: (file, text, tail) => {
        if (file === 'train') whole += `${text}${tail}\n`;
        tails.add(`hf:${tail}`);
      },
    }))
      expect(chunk.kind).toBe('lines');
    expect(whole).toBe(collect(prepare(hf)).files.train);
    expect(tails.has('hf:')).toBe(true);
    expect(tails.size).toBe(2);
  }, 30_000);

  it('refuses what it cannot do, with the place', () => {
    const bad = (spec: Partial<DatasetSpec>) => {
      const made = prepareDataset({ project: trip, format: 'openai', seed: 1, selection: { kind: 'mix', total: 10 }, ...spec });
      return made.ok ? [] : made.diagnostics.map((d) => d.code);
    };
    expect(bad({ format: 'csv' })).toEqual(['unknown-format']);
    expect(bad({ selection: { kind: 'even', total: 5, chains: ['nope'] } })).toEqual(['unknown-chain']);
    expect(bad({ shard: { index: 3, count: 2 } })).toEqual(['invalid']);
    expect(bad({ split: { fraction: 1, by: 'template' } })).toEqual(['invalid']);
    expect(
      bad({
        selection: {
          kind: 'mix',
          total: 10,
          chains: ['weather-only'],
          mix: { single: 0, 'sequential-2': 1, 'parallel-2': 0, 'sequential-3plus': 0, mixed: 0, loop: 0, conditional: 0 },
        },
      }),
    ).toEqual(['mix-no-chain']);
    expect(bad({ selection: { kind: 'counts', counts: [{ chainId: 'flights-and-weather', count: 500 }] }, options: { uniqueRequests: true } })).toEqual([]);
    const weatherOnly = structuredClone(trip);
    weatherOnly.chains[1].slots = { city: { oneOf: ['Rome', 'Oslo'] }, date: '2026-01-09' };
    const space = prepareDataset({
      project: weatherOnly,
      format: 'openai',
      seed: 1,
      selection: { kind: 'counts', counts: [{ chainId: 'weather-only', count: 7 }] },
      options: { uniqueRequests: true },
    });
    expect(space.ok === false && space.diagnostics[0]).toMatchObject({
      code: 'request-space-too-small',
      path: '$.chains[1]',
      message: expect.stringContaining('at most 6 different requests'),
    });
  });

  it('unique requests: no two examples of a file share their first user message', () => {
    const run = prepare({ project: trip, selection: { kind: 'mix', total: 300 }, options: { uniqueRequests: true } });
    const { files, error } = collect(run);
    expect(error).toBeUndefined();
    const firstUser = files.train
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { messages: { role: string; content: string }[] }).messages.find((m) => m.role === 'user')!.content);
    expect(new Set(firstUser).size).toBe(300);
  });
});
