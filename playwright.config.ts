import { availableParallelism } from 'node:os';
import { defineConfig, devices } from '@playwright/test';

const PORT = 4173;
const HOST = '127.0.0.1';
export const BASE_URL = `http://${HOST}:${PORT}/`;

/**
 * End-to-end tests run against the production build (`vite build` + `vite preview`) on the
 * system's Chromium (Debian's package). Never `playwright install`: the machine cannot download
 * browsers; run `scripts/ensure-chromium.sh` instead. The network is closed, so Chromium's
 * background services are switched off.
 */
/** How Chromium is started, here and by the benchmarks that drive it (bench/*.measure.ts). */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

const CHROMIUM = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1280, height: 800 },
  launchOptions: CHROMIUM_LAUNCH,
};

/**
 * The canvas speed measurement (e2e/perf/*.measure.ts) is not part of the test run: it
 * prints figures. Run it with `PERF=1 timeout 600 npx playwright test --project=perf`.
 */
// No trace: recording one (DOM snapshots, screencast) takes CPU from the page being measured.
const PERF_PROJECT = { name: 'perf', testMatch: /perf\/.*\.measure\.ts$/, use: { ...CHROMIUM, trace: 'off' as const }, timeout: 300_000 };

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  // Two workers even on two cores: most of a test's time is the page waiting (for a frame, a
  // worker, a debounce), not the CPU. Measured on this 2-core machine kind: the suite took
  // 10–11 min on one worker (Playwright's default there) and about half that on two.
  workers: Math.max(2, Math.floor(availableParallelism() / 2)),
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: BASE_URL,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    serviceWorkers: 'block',
  },
  projects: [{ name: 'chromium', use: CHROMIUM }, ...(process.env.PERF ? [PERF_PROJECT] : [])],
  webServer: {
    command: `npx vite build && npx vite preview --port ${PORT} --strictPort --host ${HOST}`,
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
