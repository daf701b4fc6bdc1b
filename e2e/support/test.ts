import { test as base, expect } from '@playwright/test';
import type { BrowserContext } from '@playwright/test';
import { callNodes, openDesigner, tidy } from './designer.ts';

/**
 * The e2e specs' `test` and `expect`: import them from here, not from '@playwright/test'.
 *
 * - Every test is watched (automatic fixture `watched`): after it, its pages must have been quiet
 *   — no console error or uncaught exception, no failed request, no request leaving the page's
 *   origin. A test that provokes an error on purpose names it: `test.use({ quiet: { allow: [...] } })`.
 * - `test.use({ designer: 'example' })` opens the designer before each test, with the example a
 *   first visit shows (room booking, 4 calls); `'tidy'` also lays it out and fits it in view
 *   (no node covers another's handles); `'none'` (the default) leaves the page blank.
 */

/** What the pages of a test did: console errors, failed requests and every request made. */
export interface Watch {
  consoleErrors: string[];
  failedRequests: string[];
  requests: string[];
}

/** What a test makes go wrong on purpose. */
export interface Quiet {
  /**
   * Console errors and failed requests (`<url> <error text>`) that the test expects: one that
   * contains one of these strings or matches one of these patterns is not a failure.
   * Requests that leave the origin are never allowed.
   */
  allow: (string | RegExp)[];
}

/** What the page shows when a test starts. */
export type DesignerStart = 'none' | 'example' | 'tidy';

interface Options {
  quiet: Quiet;
  designer: DesignerStart;
}

interface Fixtures {
  watched: Watch;
  designerOpen: void;
}

/** Listens on the whole browser context: a page the test opens itself is watched too. */
function watchContext(context: BrowserContext): Watch {
  const w: Watch = { consoleErrors: [], failedRequests: [], requests: [] };
  context.on('console', (message) => {
    if (message.type() === 'error') w.consoleErrors.push(message.text().slice(0, 300));
  });
  context.on('weberror', (error) => w.consoleErrors.push(`pageerror: ${error.error().message}`));
  context.on('request', (request) => w.requests.push(request.url()));
  context.on('requestfailed', (request) => w.failedRequests.push(`${request.url()} ${request.failure()?.errorText ?? ''}`.trim()));
  return w;
}

/** No console error, no failed request, and no request beyond the page's own origin (blob: URLs of downloads are the page's own). */
function expectQuiet(w: Watch, baseURL: string | undefined, quiet: Quiet): void {
  const unexpected = (text: string) => !quiet.allow.some((pattern) => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text)));
  expect.soft(w.consoleErrors.filter(unexpected), 'console errors (CSP violations show here)').toEqual([]);
  expect.soft(w.failedRequests.filter(unexpected), 'failed requests').toEqual([]);
  expect.soft(w.requests.length, 'requests seen by the watch').toBeGreaterThan(0);
  const origin = new URL(baseURL ?? 'http://127.0.0.1:4173/').origin;
  expect
    .soft(
      w.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith(`blob:${origin}/`) && !url.startsWith('data:')),
      'requests that left the origin',
    )
    .toEqual([]);
}

export const test = base.extend<Options & Fixtures>({
  quiet: [{ allow: [] }, { option: true }],
  designer: ['none', { option: true }],
  // Set up after the page and checked before it closes: closing a page aborts what is in flight.
  watched: [
    async ({ context, page: _page, quiet, baseURL }, use) => {
      const w = watchContext(context);
      await use(w);
      expectQuiet(w, baseURL, quiet);
    },
    { auto: true, title: 'watch: no console error, no failed or outgoing request' },
  ],
  designerOpen: [
    async ({ page, designer, watched: _watched }, use) => {
      if (designer !== 'none') {
        await openDesigner(page);
        await expect(callNodes(page)).toHaveCount(4);
        if (designer === 'tidy') await tidy(page);
      }
      await use();
    },
    { auto: true, title: 'open the designer' },
  ],
});

export { expect };
