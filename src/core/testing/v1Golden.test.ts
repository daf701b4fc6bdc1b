import { describe, expect, it } from 'vitest';
import { parseProject } from '../project/parse.ts';
import { prepareDataset } from '../dataset/stream.ts';
import golden from './v1/golden-200-seed7.txt?raw';

/**
 * Project format 2 must not change what a version-1 design generates: the v1 copies of the
 * examples (src/core/testing/v1, `"version": 1`) are migrated on reading and must still give
 * byte-identical files. golden-200-seed7.txt holds the sha256 of each file as version 1's
 * command line wrote it: `generate FILE --format F --count 200 --seed 7 --out X`
 * (`openai-serial`: `--format openai --serialize-parallel`). The bytes are made here in-process
 * through the dataset API, as `generate` makes them (prepareDataset, then every chunk's lines,
 * each ending with "\n").
 *
 * When a change to the generator changes what a seed produces on purpose, rewrite the list with
 *   UPDATE_GOLDEN=1 npx vitest run src/core/testing/v1Golden.test.ts
 * and give the reason in the commit message.
 */

const files = import.meta.glob('./v1/*.chain.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const v1: Record<string, string> = Object.fromEntries(Object.entries(files).map(([path, text]) => [path.replace(/^.*\/([^/]+)\.chain\.json$/, '$1'), text]));

interface Golden {
  hash: string;
  name: string;
  format: string;
}
const expected: Golden[] = golden
  .trim()
  .split('\n')
  .map((line) => {
    const m = /^([0-9a-f]{64}) ([a-z0-9-]+)\.([a-z-]+)\.jsonl$/.exec(line.trim());
    if (!m) throw new Error(`golden-200-seed7.txt: cannot read "${line}"`);
    return { hash: m[1], name: m[2], format: m[3] };
  });

const COUNT = 200;
const SEED = 7;

/**
 * All 36 files take several seconds, so by default a subset runs in which every design and
 * every output appear (each design in two outputs, each output for two designs); set
 * CHAINWRIGHT_GOLDEN=all to check all 36.
 */
const SUBSET: Record<string, string[]> = {
  'file-system': ['openai-serial', 'hf'],
  'incident-response': ['sharegpt', 'openai'],
  'q4-planning': ['anthropic', 'hermes'],
  'room-booking': ['openai-serial', 'anthropic'],
  'tasks-and-calendar': ['hermes', 'hf'],
  'trip-planning': ['openai', 'sharegpt'],
};
const ALL = (import.meta.env.CHAINWRIGHT_GOLDEN as string | undefined) === 'all';
const UPDATE = (import.meta.env.UPDATE_GOLDEN as string | undefined) === '1';

/** The file `generate` writes for a v1 design with these options. */
function generateFile(name: string, format: string): string {
  const parsed = parseProject(v1[name]);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.error.message}`);
  const serial = format === 'openai-serial';
  const made = prepareDataset({
    project: parsed.project,
    format: serial ? 'openai' : format,
    seed: SEED,
    selection: { kind: 'even', total: COUNT },
    options: { serializeParallel: serial, includeSystem: true, includeTools: true, uniqueRequests: false },
  });
  if (!made.ok) throw new Error(`${name}/${format}: ${made.diagnostics.map((d) => d.message).join('; ')}`);
  let text = '';
  for (const chunk of made.run.chunks({ examplesPerChunk: 512 })) {
    if (chunk.kind === 'error') throw new Error(chunk.error.message);
    text += chunk.text;
  }
  return text;
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('version-1 designs generate byte-identical files after the migration to format 2', () => {
  const names = Object.keys(v1).sort();

  it('the golden list covers every v1 copy in six outputs, and the copies are version 1', () => {
    expect(names).toEqual(['file-system', 'incident-response', 'q4-planning', 'room-booking', 'tasks-and-calendar', 'trip-planning']);
    expect(expected).toHaveLength(36);
    for (const name of names) {
      expect((JSON.parse(v1[name]) as { version: number }).version, name).toBe(1);
      expect(
        expected
          .filter((g) => g.name === name)
          .map((g) => g.format)
          .sort(),
      ).toEqual(['anthropic', 'hermes', 'hf', 'openai', 'openai-serial', 'sharegpt']);
      const parsed = parseProject(v1[name]);
      expect(parsed.ok && parsed.migrated.length > 0, `${name} is migrated on reading`).toBe(true);
    }
  });

  it('the default subset names every design and every output twice', () => {
    expect(Object.keys(SUBSET).sort()).toEqual(names);
    const outputs = Object.values(SUBSET).flat();
    for (const format of new Set(expected.map((g) => g.format)))
      expect(
        outputs.filter((f) => f === format),
        format,
      ).toHaveLength(2);
  });

  if (UPDATE) {
    it('rewrites golden-200-seed7.txt (UPDATE_GOLDEN=1)', async () => {
      const lines: string[] = [];
      for (const g of expected) lines.push(`${await sha256(generateFile(g.name, g.format))} ${g.name}.${g.format}.jsonl`);
      // Test-only and on request: src/core itself never touches the file system.
      const fs = await import('node:fs');
      fs.writeFileSync(new URL('./v1/golden-200-seed7.txt', import.meta.url), lines.join('\n') + '\n');
    }, 120_000);
    return;
  }

  // One test per design, so that each stays well under the time a unit test may take.
  for (const name of Object.keys(SUBSET)) {
    const outputs = expected.filter((x) => x.name === name && (ALL || SUBSET[name].includes(x.format)));
    it(`${name}: ${COUNT} examples, seed ${SEED}, as ${outputs.map((g) => g.format).join(', ')}`, async () => {
      for (const g of outputs) {
        const text = generateFile(name, g.format);
        expect(text.endsWith('\n') && text.split('\n').length - 1, `${name}.${g.format}: one line per example`).toBe(COUNT);
        expect(await sha256(text), `${name}.${g.format}.jsonl`).toBe(g.hash);
      }
    });
  }
});
