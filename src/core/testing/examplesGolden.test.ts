import { describe, expect, it } from 'vitest';
import { parseProject } from '../project/parse.ts';
import { prepareDataset } from '../dataset/stream.ts';
import { FORMATS } from '../formats/registry.ts';
import golden from './golden/examples-50-seed7.txt?raw';

/**
 * What a seed produces, for every example project × every export format: any change to what
 * `generate public/examples/X.chain.json --format F --count 50 --seed 7` writes is a visible,
 * reviewed change. golden/examples-50-seed7.txt holds one line per pair:
 *
 *   <sha256> <example>.<format>      the bytes `generate` writes (made here in-process, as the
 *                                    CLI makes them: prepareDataset, then every chunk's lines,
 *                                    each ending with "\n"); for a bundle format (distil) the
 *                                    bundle: each file in name order as "== name\n" + its text
 *   refused <example>.<format> <code>   the format does not take the design (the first code)
 *
 * When a change to the generator or a format changes the output on purpose, rewrite the list
 *   UPDATE_GOLDEN=1 npx vitest run src/core/testing/examplesGolden.test.ts
 * and give the reason in the commit message (which pairs changed, and why).
 */

const files = import.meta.glob('../../../public/examples/*.chain.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const examples: Record<string, string> = Object.fromEntries(
  Object.entries(files).map(([path, text]) => [path.replace(/^.*\/([^/]+)\.chain\.json$/, '$1'), text]),
);
const COUNT = 50;
const SEED = 7;
const UPDATE = (import.meta.env.UPDATE_GOLDEN as string | undefined) === '1';

/** What `generate` writes for this example and format: the file's bytes, or the bundle's; or the code that refused it. */
function output(name: string, format: string): { text: string } | { refused: string } {
  const parsed = parseProject(examples[name]);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.error.message}`);
  const made = prepareDataset({
    project: parsed.project,
    format,
    seed: SEED,
    selection: { kind: 'even', total: COUNT },
    options: { serializeParallel: false, includeSystem: true, includeTools: true, uniqueRequests: false },
  });
  if (!made.ok) return { refused: made.diagnostics.find((d) => d.severity === 'error')?.code ?? made.diagnostics[0]?.code ?? 'refused' };
  const byFile = new Map<string, string>();
  for (const chunk of made.run.chunks({ examplesPerChunk: 512 })) {
    if (chunk.kind === 'error') throw new Error(`${name}.${format}: ${chunk.error.message}`);
    byFile.set(chunk.file, (byFile.get(chunk.file) ?? '') + chunk.text);
  }
  if (!made.run.bundle) return { text: [...byFile.values()].join('') };
  const bundle = new Map<string, string>(Object.entries(made.run.bundle.files));
  for (const [file, text] of byFile) bundle.set(made.run.bundle.splitFiles[file as 'train' | 'test'] ?? file, text);
  return {
    text: [...bundle.keys()]
      .sort()
      .map((k) => `== ${k}\n${bundle.get(k)!}`)
      .join(''),
  };
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function goldenLine(name: string, format: string): Promise<string> {
  const out = output(name, format);
  return 'refused' in out ? `refused ${name}.${format} ${out.refused}` : `${await sha256(out.text)} ${name}.${format}`;
}

const expected = new Map(
  golden
    .trim()
    .split('\n')
    .filter((l) => l.trim())
    .map((line) => {
      const m = /^(?:[0-9a-f]{64}|refused) ([a-z0-9-]+\.[a-z0-9-]+)(?: [a-z0-9-]+)?$/.exec(line.trim());
      if (!m) throw new Error(`examples-50-seed7.txt: cannot read "${line}"`);
      return [m[1], line.trim()] as const;
    }),
);

describe(`every example project in every export format: ${COUNT} examples, seed ${SEED}`, () => {
  const names = Object.keys(examples).sort();
  const formats = FORMATS.map((f) => f.id);

  if (UPDATE) {
    it('rewrites golden/examples-50-seed7.txt (UPDATE_GOLDEN=1)', async () => {
      const lines: string[] = [];
      for (const name of names) for (const format of formats) lines.push(await goldenLine(name, format));
      // Test-only and on request: src/core itself never touches the file system.
      const fs = await import('node:fs');
      fs.writeFileSync(new URL('./golden/examples-50-seed7.txt', import.meta.url), lines.join('\n') + '\n');
    }, 120_000);
    return;
  }

  it('the list has one line per example and format, and nothing else', () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect([...expected.keys()].sort()).toEqual(names.flatMap((n) => formats.map((f) => `${n}.${f}`)).sort());
  });

  // One test per example, so that a change names the example; the formats of each in turn.
  for (const name of names) {
    it(name, async () => {
      const got: string[] = [];
      const want: string[] = [];
      for (const format of formats) {
        got.push(await goldenLine(name, format));
        want.push(expected.get(`${name}.${format}`) ?? `(no line for ${name}.${format})`);
      }
      expect(got).toEqual(want);
    });
  }
});
