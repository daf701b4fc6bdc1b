/**
 * Page weight and first paint, measured and printed (not a timed test):
 *
 *   npm run bench:page [-- --runs=5] [-- --no-build]
 *
 * Builds the production site into tmp/page-dist (skip with --no-build) through Vite's API with a
 * small plugin that records what every chunk holds, serves it with `vite preview` on port 4178,
 * and opens it `--runs` times in a fresh headless Chromium (CHROMIUM_PATH, Debian's) profile,
 * each a first visit (the room-booking example is loaded).
 *
 * Printed:
 * - every JavaScript chunk: bytes, gzipped bytes, whether the first visit fetched it, and the
 *   packages or source folders that make most of it;
 * - initial JS (what the first visit fetched before the canvas showed), gzipped;
 * - first contentful paint and first canvas paint (the first call node drawn), the median of
 *   the runs and each run.
 * Goals (issue 11): initial JS ≤ 150 kB gzipped; first canvas paint < 1.2 s.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../playwright.config.ts';
import { build, type Plugin } from 'vite';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const RUNS = Number(arg('runs', '5'));
const PORT = 4178;
const OUT_DIR = 'tmp/page-dist';
const URL_ = `http://127.0.0.1:${PORT}/`;
const INITIAL_GOAL_KB = 150;
const PAINT_GOAL_MS = 1200;

interface ChunkInfo {
  file: string;
  entry: boolean;
  /** Rendered bytes per package (node_modules) or source folder (src/a/b). */
  parts: Map<string, number>;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** "node_modules/@xyflow/react/dist/…" → "@xyflow/react"; "src/core/simulate/x.ts" → "src/core/simulate". */
function owner(id: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (m) return m[1];
  const src = /\/(src\/[^/]+(?:\/[^/.]+)?)\//.exec(id);
  return src ? src[1] : id.replace(/^.*\//, '');
}

function chunkRecorder(into: Map<string, ChunkInfo>): Plugin {
  return {
    name: 'chainwright-chunk-recorder',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const parts = new Map<string, number>();
        for (const [id, m] of Object.entries(chunk.modules)) parts.set(owner(id), (parts.get(owner(id)) ?? 0) + m.renderedLength);
        into.set(chunk.fileName, { file: chunk.fileName, entry: chunk.isEntry, parts });
      }
    },
  };
}

async function waitForServer(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface Visit {
  fcp: number;
  canvas: number;
  /** Scripts the page fetched before the canvas showed, and those its workers fetched. */
  scripts: string[];
  workerScripts: string[];
}

async function visit(): Promise<Visit> {
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const scripts: string[] = [];
    let canvasShown = false;
    const workerScripts: string[] = [];
    page.on('request', (r) => {
      if (canvasShown || r.resourceType() !== 'script') return;
      const file = new URL(r.url()).pathname.replace(/^\//, '');
      // A worker's scripts (its bundle and the chunks it imports) run off the page's thread.
      void r.headerValue('sec-fetch-dest').then((dest) => (dest === 'worker' ? workerScripts : scripts).push(file));
    });
    await page.goto(URL_);
    await page.locator('.react-flow__node').first().waitFor({ state: 'visible', timeout: 60_000 });
    canvasShown = true;
    // The first frame that drew a node: measured in the page, from navigation start.
    const canvas = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
    return { fcp, canvas, scripts, workerScripts };
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const chunks = new Map<string, ChunkInfo>();
  if (!process.argv.includes('--no-build')) {
    console.log(`building the production site into ${OUT_DIR} …`);
    await build({
      logLevel: 'warn',
      build: { outDir: OUT_DIR, emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
      plugins: [chunkRecorder(chunks)],
    });
  }
  if (
    await fetch(URL_).then(
      () => true,
      () => false,
    )
  )
    throw new Error(`port ${PORT} is taken: stop what serves ${URL_} first`);
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--outDir', OUT_DIR, '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], {
    stdio: 'ignore',
    detached: true,
  });
  try {
    await waitForServer(URL_, 30_000);
    const visits: Visit[] = [];
    for (let i = 0; i < RUNS; i++) visits.push(await visit());
    const initial = new Set(visits[0].scripts);
    const inWorkers = new Set(visits[0].workerScripts);

    // Worker chunks are built apart (the plugin sees the page's chunks only): list what the page fetched too.
    // (Vite drops the chunks that held only CSS after the plugin saw them: kept are the files written.)
    const files = new Set([...chunks.keys(), ...initial, ...inWorkers].filter((f) => f.endsWith('.js') && existsSync(join(OUT_DIR, f))));
    const rows = [...files].map((file) => {
      const bytes = readFileSync(join(OUT_DIR, file));
      return { file, raw: bytes.length, gz: gzipSync(bytes).length, initial: initial.has(file), worker: inWorkers.has(file), info: chunks.get(file) };
    });
    rows.sort((a, b) => Number(b.initial) - Number(a.initial) || b.gz - a.gz);
    console.log(
      `\nJavaScript chunks (${rows.length}); "first" = fetched by the page on a first visit before the canvas showed, "worker" = fetched by a worker meanwhile (off the page's thread)`,
    );
    for (const r of rows) {
      const parts = r.info ? [...r.info.parts].sort((a, b) => b[1] - a[1]) : [];
      const total = parts.reduce((a, [, n]) => a + n, 0) || 1;
      const top = parts
        .slice(0, 5)
        .map(([name, n]) => `${name} ${Math.round((n / total) * 100)} %`)
        .join(', ');
      console.log(
        `  ${r.initial ? 'first ' : r.worker ? 'worker' : '      '} ${kb(r.gz).padStart(10)} gz ${kb(r.raw).padStart(11)}  ${r.file}${top ? `\n${' '.repeat(32)}${top}` : ''}`,
      );
    }
    const initialGz = rows.filter((r) => r.initial).reduce((a, r) => a + r.gz, 0);
    const workerGz = rows.filter((r) => r.worker && !r.initial).reduce((a, r) => a + r.gz, 0);
    if (workerGz) console.log(`\nworkers meanwhile: ${kb(workerGz)} gzipped (the reply-variant coverage counted off the page's thread)`);
    console.log(
      `${workerGz ? '' : '\n'}initial JS: ${kb(initialGz)} gzipped in ${initial.size} files (goal ≤ ${INITIAL_GOAL_KB} kB: ${initialGz / 1024 <= INITIAL_GOAL_KB ? 'met' : 'not met'})`,
    );
    const fcps = visits.map((v) => v.fcp);
    const canvases = visits.map((v) => v.canvas);
    console.log(`first contentful paint: median ${median(fcps).toFixed(0)} ms (${fcps.map((x) => x.toFixed(0)).join(', ')})`);
    console.log(
      `first canvas paint:     median ${median(canvases).toFixed(0)} ms (${canvases.map((x) => x.toFixed(0)).join(', ')}) (goal < ${PAINT_GOAL_MS} ms: ${median(canvases) < PAINT_GOAL_MS ? 'met' : 'not met'})`,
    );
    console.log(
      `load average during the runs: ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')} (figures from a busy machine are slower; compare figures of one run only)`,
    );
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
