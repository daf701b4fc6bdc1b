/**
 * Browser export figures, measured and printed (not a timed test):
 *
 *   node --import tsx bench/export.measure.ts [--count=100000] [--format=openai] [--no-build]
 *
 * Builds the production site into tmp/perf-dist (skip with --no-build), serves it with
 * `vite preview` on port 4179, opens it in Debian's Chromium (CHROMIUM_PATH), loads the
 * trip-planning example and exports `--count` examples of its six-call chain plan-trip (three
 * turns, as `npm run bench` in Node) through the "Export dataset" dialog with "Download".
 *
 * Printed:
 * - time from the click on Download to the download (generation, checking every line, the
 *   transfer of every chunk to the page and the Blob), and examples/s;
 * - peak JS heap of the page and of the export worker, sampled every 100 ms over CDP
 *   (`Runtime.getHeapUsage`; the worker is reached with `Target.setAutoAttach`), and their sum;
 * - the page's longest frames while it runs: Long Animation Frames (PerformanceObserver
 *   `long-animation-frame`), long tasks, and the largest gap between requestAnimationFrame
 *   callbacks.
 * Goals (issue 5): ≤ 10 s for 100 000 examples, peak JS heap < 300 MB, no frame > 100 ms.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const COUNT = Number(arg('count', '100000'));
const FORMAT = arg('format', 'openai');
const PORT = 4179;
const OUT_DIR = 'tmp/perf-dist';
const URL_ = `http://127.0.0.1:${PORT}/`;

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

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

/** Samples the heap of the page and of every worker (non-flat CDP sessions to the worker targets). */
async function heapSampler(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const workers = new Map<string, { url: string; peak: number; last: number }>();
  let nextId = 1;
  const waiting = new Map<number, string>();
  cdp.on('Target.attachedToTarget', (e) => workers.set(e.sessionId, { url: e.targetInfo.url, peak: 0, last: 0 }));
  cdp.on('Target.detachedFromTarget', (e) => waiting.forEach((sid, id) => sid === e.sessionId && waiting.delete(id)));
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const message = JSON.parse(e.message) as { id?: number; result?: { usedSize?: number } };
    if (message.id === undefined || !waiting.has(message.id)) return;
    waiting.delete(message.id);
    const w = workers.get(e.sessionId);
    if (w && message.result?.usedSize !== undefined) {
      w.last = message.result.usedSize;
      w.peak = Math.max(w.peak, w.last);
    }
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  let pagePeak = 0;
  let sumPeak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        pagePeak = Math.max(pagePeak, usedSize);
        for (const sid of workers.keys()) {
          const id = nextId++;
          waiting.set(id, sid);
          await cdp
            .send('Target.sendMessageToTarget', { sessionId: sid, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) })
            .catch(() => waiting.delete(id));
        }
        sumPeak = Math.max(sumPeak, usedSize + [...workers.values()].reduce((a, w) => a + w.last, 0));
      } catch {
        return; // the page is gone
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    reset() {
      pagePeak = 0;
      sumPeak = 0;
      for (const w of workers.values()) w.peak = 0;
    },
    async stop() {
      running = false;
      await loop;
      return { pagePeak, sumPeak, workers: [...workers.values()] };
    },
  };
}

/** CPU seconds used so far by Chromium's renderer processes (the page's thread, its workers, their GC). */
async function rendererCpu(browser: Browser): Promise<number> {
  const session = await browser.newBrowserCDPSession();
  const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; cpuTime: number }[] };
  await session.detach();
  return processInfo.filter((p) => p.type === 'renderer').reduce((a, p) => a + p.cpuTime, 0);
}

/** Installs frame watchers in the page; `read` returns what they saw since `start`. */
async function frameWatch(page: Page) {
  // A string, not a function: tsx would wrap named functions in a helper the page does not have.
  await page.evaluate(`(() => {
    const f = (window.__frames = { loaf: [], longtasks: [], maxGap: 0, running: true, last: performance.now() });
    for (const type of ['long-animation-frame', 'longtask']) {
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) (type === 'longtask' ? f.longtasks : f.loaf).push(e.duration);
        }).observe({ type, buffered: false });
      } catch {}
    }
    const tick = (t) => {
      if (!f.running) return;
      f.maxGap = Math.max(f.maxGap, t - f.last);
      f.last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  return () =>
    page.evaluate(() => {
      const f = (window as unknown as { __frames: { loaf: number[]; longtasks: number[]; maxGap: number; running: boolean } }).__frames;
      f.running = false;
      return { loaf: f.loaf, longtasks: f.longtasks, maxGap: f.maxGap };
    });
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    console.log(`building the production site into ${OUT_DIR} …`);
    const built = spawnSync('npx', ['vite', 'build', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('vite build failed');
  }
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--outDir', OUT_DIR, '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], {
    stdio: 'ignore',
    detached: true,
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await waitForServer(URL_, 30_000);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await page.goto(URL_);
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('button', { name: /Trip planning/ }).click();
    await page.getByRole('dialog', { name: 'Examples' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Export dataset' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export dataset' });
    await dialog.getByRole('radio', { name: 'A count per chain' }).check();
    const counts = dialog.getByRole('list', { name: 'Examples per chain' });
    const boxes = counts.getByRole('textbox');
    for (let i = 0; i < (await boxes.count()); i += 1) await boxes.nth(i).fill('0');
    await counts.getByRole('textbox', { name: /\(plan-trip\)/ }).fill(String(COUNT));
    await dialog.getByLabel('Format').selectOption(FORMAT);
    await dialog
      .getByRole('definition')
      .filter({ hasText: new RegExp(`^${COUNT.toLocaleString('en-US')}$`) })
      .waitFor({ timeout: 30_000 });

    const heap = await heapSampler(page);
    const pageCdp = await page.context().newCDPSession(page);
    await pageCdp.send('Performance.enable');
    const taskSeconds = async () => (await pageCdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
    const load = loadavg()[0];
    {
      heap.reset();
      const frames = await frameWatch(page);
      const downloading = page.waitForEvent('download', { timeout: 300_000 });
      const cpu0 = await rendererCpu(browser);
      const task0 = await taskSeconds();
      const t0 = Date.now();
      await dialog.getByRole('button', { name: 'Download' }).click();
      const download = await downloading;
      const ms = Date.now() - t0;
      const cpu = (await rendererCpu(browser)) - cpu0;
      const mainThread = (await taskSeconds()) - task0;
      const seen = await frames();
      const { pagePeak, sumPeak, workers } = await heap.stop();
      const size = statSync((await download.path())!).size;
      const status = await dialog.getByRole('status').innerText();
      const longest = Math.max(0, ...seen.loaf);
      console.log(`\n${COUNT.toLocaleString('en-US')} ${FORMAT} examples of trip-planning/plan-trip (6 calls, 3 turns), Chromium ${browser.version()}`);
      console.log(
        `  machine               ${availableParallelism()} cores, load average ${load.toFixed(1)} when it started (other work slows the wall-clock figure; the CPU figures below do not depend on it)`,
      );
      console.log(
        `  click → download      ${(ms / 1000).toFixed(2)} s wall   (${Math.round((COUNT / ms) * 1000).toLocaleString('en-US')} examples/s; goal ≤ 10 s for 100 000)`,
      );
      console.log(
        `  renderer CPU time     ${cpu.toFixed(2)} s   (${Math.round(COUNT / cpu).toLocaleString('en-US')} examples per CPU second: worker + page + GC threads)`,
      );
      console.log(`  page main thread busy ${mainThread.toFixed(2)} s   (CDP TaskDuration)`);
      console.log(`  file                  ${mb(size)}  ${download.suggestedFilename()}`);
      console.log(`  page says             ${status}`);
      console.log(`  peak JS heap, page    ${mb(pagePeak)}`);
      for (const w of workers) console.log(`  peak JS heap, worker  ${mb(w.peak)}  ${w.url.split('/').pop()}`);
      console.log(`  peak JS heap, sum     ${mb(sumPeak)}   (goal < 300 MB)`);
      console.log(
        `  long animation frames ${seen.loaf.length} (> 50 ms), longest ${longest.toFixed(0)} ms; long tasks ${seen.longtasks.length}, longest ${Math.max(0, ...seen.longtasks).toFixed(0)} ms; largest rAF gap ${seen.maxGap.toFixed(0)} ms   (goal: no frame > 100 ms)`,
      );
    }
  } finally {
    await browser.close();
    try {
      if (server.pid) process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
