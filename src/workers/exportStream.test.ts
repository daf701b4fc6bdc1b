import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { checkDistilBundle, prepareDataset, type DatasetRun, type DatasetSpec } from '../core/generation.ts';
import { loadExample } from '../core/testing/fixtures.ts';
import { streamExport } from './exportStream.ts';
import { outputFor } from './preview.ts';
import type { ProgressFigures } from './progress.ts';

function runOf(spec: DatasetSpec): DatasetRun {
  const prepared = prepareDataset(spec);
  if (!prepared.ok) throw new Error(prepared.diagnostics.map((d) => d.message).join('; '));
  return prepared.run;
}

/** The core's own lines of a run, per file, as one text each. */
function coreText(spec: DatasetSpec): Record<string, string> {
  const out: Record<string, string> = {};
  for (const chunk of runOf(spec).chunks()) if (chunk.kind === 'lines') out[chunk.file] = (out[chunk.file] ?? '') + chunk.text;
  return out;
}

function collect(run: DatasetRun, projectName: string, examplesPerChunk = 50, pieceBytes = 16_384) {
  const parts: Uint8Array[] = [];
  const progress: ProgressFigures[] = [];
  let t = 0;
  const outcome = streamExport(
    run,
    outputFor(projectName, run),
    { data: (b) => parts.push(b.slice()), progress: (p) => progress.push(p) },
    { examplesPerChunk, pieceBytes, progressEveryMs: 0, now: () => (t += 1) },
  );
  return { parts, progress, outcome, bytes: new Uint8Array(Buffer.concat(parts)) };
}

describe('streamExport', () => {
  const roomBooking = loadExample('room-booking');
  const fileSystem = loadExample('file-system');

  it('streams a JSONL file in pieces whose bytes are the core’s lines, with progress up to the total', () => {
    const spec: DatasetSpec = { project: roomBooking, format: 'openai', seed: 7, selection: { kind: 'even', total: 230 } };
    const { parts, progress, outcome, bytes } = collect(runOf(spec), roomBooking.name);
    expect(outcome).toMatchObject({ ok: true, examples: 230, bytes: bytes.length });
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.every((p) => p.length <= 16_384)).toBe(true);
    expect(new TextDecoder().decode(bytes)).toBe(coreText(spec).train);
    expect(progress[0].done).toBe(0);
    expect(progress.at(-1)).toMatchObject({ done: 230, total: 230, etaMs: 0 });
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
  });

  it('writes a distil bundle as a zip with the four files, each as the core writes them, and passing the bundle checker', () => {
    const spec: DatasetSpec = {
      project: fileSystem,
      format: 'distil',
      seed: 2,
      selection: { kind: 'even', total: 120 },
      split: { fraction: 0.2, by: 'template' },
    };
    const run = runOf(spec);
    const { outcome, bytes } = collect(run, fileSystem.name, 16);
    expect(outcome.ok).toBe(true);
    const entries = unzipSync(bytes);
    expect(Object.keys(entries).sort()).toEqual(['config.yaml', 'job_description.json', 'test.jsonl', 'train.jsonl']);
    const texts = Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, new TextDecoder().decode(v)]));
    const lines = coreText(spec);
    expect(texts['train.jsonl']).toBe(lines.train);
    expect(texts['test.jsonl']).toBe(lines.test);
    expect(texts['job_description.json']).toBe(run.bundle!.files['job_description.json']);
    expect(checkDistilBundle(texts).findings).toEqual([]);
  });

  it('puts a split of a single-file format into a zip of train.jsonl and test.jsonl', () => {
    const spec: DatasetSpec = {
      project: roomBooking,
      format: 'hf',
      seed: 2,
      selection: { kind: 'even', total: 40 },
      split: { fraction: 0.25, by: 'template' },
    };
    const { bytes } = collect(runOf(spec), roomBooking.name);
    const entries = unzipSync(bytes);
    const lines = coreText(spec);
    expect(new TextDecoder().decode(entries['train.jsonl'])).toBe(lines.train);
    expect(new TextDecoder().decode(entries['test.jsonl'])).toBe(lines.test);
  });

  it('gives the same zip bytes for the same spec', () => {
    const spec: DatasetSpec = { project: fileSystem, format: 'distil', seed: 5, selection: { kind: 'even', total: 30 } };
    expect(collect(runOf(spec), 'x').bytes).toEqual(collect(runOf(spec), 'x').bytes);
  });

  it('stops at a line the checker refuses and returns the error naming the example and the rule', () => {
    const run = runOf({ project: roomBooking, format: 'openai', seed: 1, selection: { kind: 'even', total: 20 } });
    const broken: DatasetRun = {
      ...run,
      *chunks(options) {
        for (const chunk of run.chunks({ ...options, examplesPerChunk: 5 })) {
          if (chunk.kind === 'lines' && chunk.firstExample === 10) {
            yield {
              kind: 'error',
              error: {
                file: 'train',
                example: 10,
                chainId: 'book-and-invite',
                chainExample: 10,
                findings: [{ code: 'arguments-not-string', severity: 'error', path: '$.messages[2]', message: 'x' }],
                message: 'train example 10: [arguments-not-string]',
              },
            };
            return;
          }
          yield chunk;
        }
      },
    };
    const { outcome, bytes } = collect(broken, 'x', 50, 2048);
    expect(outcome).toMatchObject({ ok: false, error: { example: 10, findings: [{ code: 'arguments-not-string' }] } });
    // What was handed on before the error (to be dropped by the page) is the start of the good lines, nothing past them.
    const good = coreText({ project: roomBooking, format: 'openai', seed: 1, selection: { kind: 'even', total: 20 } })
      .train.split('\n')
      .slice(0, 15)
      .map((l) => `${l}\n`)
      .join('');
    const sent = new TextDecoder().decode(bytes);
    expect(sent.length).toBeGreaterThan(0);
    expect(good.startsWith(sent)).toBe(true);
  });
});
