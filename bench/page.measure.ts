/**
 * Page weight and first paint, measured and printed (not a timed test):
 *
 *   npm run bench:page [-- --runs=5] [-- --no-build] [-- --port=4178]
 *
 * Builds the production site into tmp/page-dist (skip with --no-build) through Vite's API with a
 * small plugin that records what every chunk holds, serves it with `vite preview` on port 4178 (or --port),
 * and opens it `--runs` times in a fresh headless Chromium (CHROMIUM_PATH, Debian's) profile,
 * each a first visit (the room-booking example is loaded).
 *
 * Printed:
 * - every JavaScript chunk: bytes, gzipped bytes, whether the first visit fetched it, and the
 *   packages or source folders that make most of it;
 * - initial JS (what the first visit started to fetch before the frame that drew the first call
 *   node), gzipped;
 * - first contentful paint and first canvas paint (that frame, timed in the page), the median
 *   of the runs and each run.
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
const PORT = Number(arg('port', '4178'));
// Another port, another folder: two measurements can run side by side.
const OUT_DIR = PORT === 4178 ? 'tmp/page-dist' : `tmp/page-dist-${PORT}`;
const URL_ = `http://127.0.0.1:${PORT}/`;
const INITIAL_GOAL_KB = 150;
const PAINT_GOAL_MS = 1200;

interface ChunkInfo {
  file: string;
  entry: boolean;
  /** The chunks it imports statically (loaded before it runs). */
  imports: string[];
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
        into.set(chunk.fileName, { file: chunk.fileName, entry: chunk.isEntry, imports: chunk.imports, parts });
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
  /** Scripts the page started to fetch before the canvas's first frame, and those its workers fetched. */
  scripts: string[];
  workerScripts: string[];
}

declare global {
  interface Window {
    __canvasPaint?: number;
  }
}

async function visit(): Promise<Visit> {
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    // The first frame that draws a call node (React Flow keeps a node hidden until it has measured
    // it), timed in the page from navigation start: no round trip to this process in the figure.
    // (A string, not a function: tsx would wrap the named inner function in a helper the page lacks.)
    await context.addInitScript(`
      requestAnimationFrame(function frame() {
        const drawn = [...document.querySelectorAll('.react-flow__node')].some((n) => n.style.visibility !== 'hidden');
        if (drawn) window.__canvasPaint = performance.now();
        else requestAnimationFrame(frame);
      });
    `);
    const page = await context.newPage();
    const workerScripts = new Set<string>();
    page.on('request', (r) => {
      if (r.resourceType() !== 'script') return;
      const file = new URL(r.url()).pathname.replace(/^\//, '');
      // A worker's scripts (its bundle and the chunks it imports) run off the page's thread.
      // (A request made as the browser closes has no headers left to read: not one to count.)
      r.headerValue('sec-fetch-dest').then(
        (dest) => dest === 'worker' && workerScripts.add(file),
        () => undefined,
      );
    });
    await page.goto(URL_);
    const canvas = await (await page.waitForFunction(() => window.__canvasPaint, undefined, { timeout: 60_000 })).jsonValue();
    if (typeof canvas !== 'number') throw new Error('the canvas paint time is missing');
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
    // What the page asked for before that frame (a view loaded later — on demand, or once the page is idle — is not).
    const before = await page.evaluate(
      (t) =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.startTime <= t && new URL(e.name).pathname.endsWith('.js'))
          .map((e) => new URL(e.name).pathname.replace(/^\//, '')),
      canvas,
    );
    return { fcp, canvas, scripts: before.filter((f) => !workerScripts.has(f)), workerScripts: [...workerScripts] };
  } finally {
    await browser.close();
  }
}

/**
 * The floor under "initial JS": the packages the page needs before it can draw one call node,
 * with no line of Chainwright — React DOM and React Flow (with the minimap, controls and
 * background the canvas shows), zustand with zundo (the store and its undo history), dagre (the
 * layout of calls without a saved position). Built by the same bundler, minified and gzipped
 * as the page's chunks, so the two figures compare.
 */
const FLOOR_PARTS: { label: string; code: string }[] = [
  {
    label: 'React DOM + React Flow',
    code: `import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlow, ReactFlowProvider, MiniMap, Controls, Background } from '@xyflow/react';
const nodes = [{ id: 'a', position: { x: 0, y: 0 }, data: {} }];
createRoot(document.getElementById('root')).render(h(ReactFlowProvider, null, h(ReactFlow, { nodes, edges: [] }, h(MiniMap), h(Controls), h(Background))));`,
  },
  {
    label: '+ zustand, zundo, dagre',
    code: `import { createStore } from 'zustand';
import { temporal } from 'zundo';
import dagre from '@dagrejs/dagre';
const store = createStore(temporal(() => ({ n: 1 })));
const g = new dagre.graphlib.Graph();
g.setGraph({});
dagre.layout(g);
globalThis.floor = [store, g];`,
  },
];

async function gzippedBundle(code: string): Promise<number> {
  const id = '\0floor-entry';
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, sourcemap: false, reportCompressedSize: false, rolldownOptions: { input: id } },
    plugins: [{ name: 'floor-entry', resolveId: (source) => (source === id ? id : null), load: (loaded) => (loaded === id ? code : null) }],
  });
  const outputs = (Array.isArray(out) ? out : [out]) as { output: { type: string; code?: string }[] }[];
  return outputs.flatMap((o) => o.output).reduce((a, chunk) => a + (chunk.type === 'chunk' && chunk.code ? gzipSync(chunk.code).length : 0), 0);
}

async function stackFloor(): Promise<string> {
  let code = '';
  const figures: string[] = [];
  for (const part of FLOOR_PARTS) {
    code += `${part.code}\n`;
    figures.push(`${part.label} ${kb(await gzippedBundle(code))}`);
  }
  return figures.join('; ');
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
    // "first": fetched before the canvas's first frame in most runs (a view loaded once the page is idle can fall either side).
    const runsWith = new Map<string, number>();
    for (const v of visits) for (const f of new Set(v.scripts)) runsWith.set(f, (runsWith.get(f) ?? 0) + 1);
    const initial = new Set([...runsWith].filter(([, n]) => n > visits.length / 2).map(([f]) => f));
    const inWorkers = new Set(visits.flatMap((v) => v.workerScripts));

    // Worker chunks are built apart (the plugin sees the page's chunks only): list what the page fetched too.
    // (Vite drops the chunks that held only CSS after the plugin saw them: kept are the files written.)
    const files = new Set([...chunks.keys(), ...runsWith.keys(), ...inWorkers].filter((f) => f.endsWith('.js') && existsSync(join(OUT_DIR, f))));
    const rows = [...files].map((file) => {
      const bytes = readFileSync(join(OUT_DIR, file));
      return { file, raw: bytes.length, gz: gzipSync(bytes).length, initial: initial.has(file), worker: inWorkers.has(file), info: chunks.get(file) };
    });
    rows.sort((a, b) => Number(b.initial) - Number(a.initial) || b.gz - a.gz);
    console.log(
      `\nJavaScript chunks (${rows.length}); "first" = fetched by the page on a first visit before the canvas's first frame (in most runs), "worker" = fetched by a worker (off the page's thread)`,
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
    const gzOf = new Map(rows.map((r) => [r.file, r.gz]));
    const initialGz = rows.filter((r) => r.initial).reduce((a, r) => a + r.gz, 0);
    const perRun = visits.map((v) => [...new Set(v.scripts)].reduce((a, f) => a + (gzOf.get(f) ?? 0), 0));
    // What the browser must load before the page's code runs at all: the entry chunk and its static imports.
    const entry = [...chunks.values()].find((c) => c.entry);
    const startGraph = new Set<string>();
    const walk = (file: string) => {
      if (startGraph.has(file) || !gzOf.has(file)) return;
      startGraph.add(file);
      for (const i of chunks.get(file)?.imports ?? []) walk(i);
    };
    if (entry) walk(entry.file);
    const startGraphGz = [...startGraph].reduce((a, f) => a + (gzOf.get(f) ?? 0), 0);
    const workerGz = rows.filter((r) => r.worker && !r.initial).reduce((a, r) => a + r.gz, 0);
    if (workerGz) console.log(`\nworkers meanwhile: ${kb(workerGz)} gzipped (the reply-variant coverage counted off the page's thread)`);
    console.log(
      `${workerGz ? '' : '\n'}initial JS: ${kb(initialGz)} gzipped in ${initial.size} files (goal ≤ ${INITIAL_GOAL_KB} kB: ${initialGz / 1024 <= INITIAL_GOAL_KB ? 'met' : 'not met'}; each run: ${perRun.map(kb).join(', ')})`,
    );
    console.log(`the stack's floor, gzipped, before any code of ours: ${await stackFloor()}`);
    if (entry) console.log(`entry chunk and its static imports: ${kb(startGraphGz)} gzipped in ${startGraph.size} files (needed before the page's code runs)`);
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
