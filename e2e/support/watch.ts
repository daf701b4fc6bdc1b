import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** What a page did that a test must check afterwards: console errors and every request it made. */
export interface Watch {
  consoleErrors: string[];
  requests: string[];
}

export function watch(page: Page): Watch {
  const w: Watch = { consoleErrors: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') w.consoleErrors.push(message.text().slice(0, 300));
  });
  page.on('pageerror', (error) => w.consoleErrors.push(`pageerror: ${error.message}`));
  page.on('request', (request) => w.requests.push(request.url()));
  return w;
}

/** No console error, and no request beyond the page's own origin (blob: URLs of downloads are the page's own). */
export function expectQuiet(w: Watch, baseURL: string | undefined): void {
  expect(w.consoleErrors, 'console errors').toEqual([]);
  const origin = new URL(baseURL ?? 'http://127.0.0.1:4173/').origin;
  expect(w.requests.length).toBeGreaterThan(0);
  expect(
    w.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith(`blob:${origin}/`) && !url.startsWith('data:')),
    'requests that left the origin',
  ).toEqual([]);
}
