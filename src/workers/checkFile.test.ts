import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { openAITools } from '../core/index.ts';
import { prepareDataset, type DatasetSpec } from '../core/generation.ts';
import { loadExample } from '../core/testing/fixtures.ts';
import { checkDatasetFile, type CheckReport } from './checkFile.ts';
import type { LineFindings } from './protocol.ts';

function linesOf(spec: DatasetSpec): string[] {
  const prepared = prepareDataset(spec);
  if (!prepared.ok) throw new Error(prepared.diagnostics.map((d) => d.message).join('; '));
  let text = '';
  for (const chunk of prepared.run.chunks()) if (chunk.kind === 'lines') text += chunk.text;
  return text.split('\n').filter(Boolean);
}

function recorder() {
  const seen = { format: '', detected: false, items: [] as LineFindings[], progress: 0 };
  const report: CheckReport = {
    format: (f, d) => Object.assign(seen, { format: f, detected: d }),
    lines: (items) => seen.items.push(...items),
    progress: () => (seen.progress += 1),
  };
  return { seen, report };
}

/** A Blob whose stream comes in small pieces, as a large file's does. */
function pieces(text: string, size = 97): Blob {
  const bytes = new TextEncoder().encode(text);
  const parts: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.slice(i, i + size));
  return new Blob(parts as BlobPart[]);
}

describe('checkDatasetFile', () => {
  const project = loadExample('room-booking');

  it('finds nothing in a file the export wrote, detecting its format', async () => {
    const lines = linesOf({ project, format: 'hermes', seed: 4, selection: { kind: 'even', total: 25 } });
    const { seen, report } = recorder();
    const outcome = await checkDatasetFile(pieces(lines.join('\n') + '\n'), 'data.jsonl', 'auto', undefined, report);
    expect(outcome).toEqual({ ok: true, format: 'hermes', tally: { lines: 25, badLines: 0, findings: 0, unlisted: 0 } });
    expect(seen).toMatchObject({ format: 'hermes', detected: true, items: [] });
  });

  it('names the broken line by its number in the file (blank lines counted) and the rule it breaks', async () => {
    const lines = linesOf({ project, format: 'openai', seed: 4, selection: { kind: 'even', total: 6 } });
    const record = JSON.parse(lines[3]) as { messages: { tool_calls?: { function: { arguments: unknown } }[] }[] };
    const call = record.messages.find((m) => m.tool_calls)!.tool_calls![0];
    call.function.arguments = JSON.parse(call.function.arguments as string);
    const text = [lines[0], '', lines[1], lines[2], JSON.stringify(record), lines[4], '{"messages": [', lines[5]].join('\r\n');
    const { seen, report } = recorder();
    const outcome = await checkDatasetFile(pieces(text, 50), 'data.jsonl', 'openai', undefined, report);
    expect(outcome).toMatchObject({ ok: true, tally: { lines: 7, badLines: 2 } });
    expect(seen.items.map((i) => i.line)).toEqual([5, 7]);
    expect(seen.items[0].findings.map((f) => f.code)).toContain('arguments-not-string');
    expect(seen.items[1].findings.map((f) => f.code)).toEqual(['not-json']);
  });

  it('checks lines without tools against the tools it is given', async () => {
    const lines = linesOf({ project, format: 'openai', seed: 1, selection: { kind: 'even', total: 3 }, options: { includeTools: false } });
    const bad = JSON.parse(lines[0]) as { messages: { tool_calls?: { function: { name: string } }[] }[] };
    bad.messages.find((m) => m.tool_calls)!.tool_calls![0].function.name = 'no_such_tool';
    const { seen, report } = recorder();
    const outcome = await checkDatasetFile(new Blob([[JSON.stringify(bad), ...lines.slice(1)].join('\n')]), 'x.jsonl', 'openai', openAITools(project), report);
    expect(outcome).toMatchObject({ ok: true, tally: { lines: 3, badLines: 1 } });
    expect(seen.items[0].findings.map((f) => f.code)).toContain('undeclared-tool');
  });

  it('checks a distil zip bundle with its own tools and names the file and line', async () => {
    const fs = loadExample('file-system');
    const prepared = prepareDataset({ project: fs, format: 'distil', seed: 1, selection: { kind: 'even', total: 4 } });
    if (!prepared.ok) throw new Error('refused');
    const lines = linesOf({ project: fs, format: 'distil', seed: 1, selection: { kind: 'even', total: 4 } });
    lines[1] = '{"question": "[]"}';
    const files = { ...prepared.run.bundle!.files, 'train.jsonl': lines.join('\n') + '\n', 'test.jsonl': '' };
    const zip = zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
    const { seen, report } = recorder();
    const outcome = await checkDatasetFile(new Blob([zip as BlobPart]), 'bundle.zip', 'auto', undefined, report);
    expect(outcome).toMatchObject({ ok: true, format: 'distil', tally: { badLines: 1 } });
    expect(seen.items).toHaveLength(1);
    expect(seen.items[0]).toMatchObject({ file: 'train.jsonl', line: 2 });
  });
});
