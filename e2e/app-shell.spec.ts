import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/**
 * The first app shell: it opens public/examples/room-booking.chain.json and shows the plan and
 * one generated example. Elements are found by role and accessible name first.
 */

const EXAMPLE_URL = '**/examples/room-booking.chain.json';

interface Watch {
  consoleErrors: string[];
  requests: string[];
}

function watch(page: Page): Watch {
  const w: Watch = { consoleErrors: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') w.consoleErrors.push(message.text().slice(0, 300));
  });
  page.on('pageerror', (error) => w.consoleErrors.push(`pageerror: ${error.message}`));
  page.on('request', (request) => w.requests.push(request.url()));
  return w;
}

const turns = (page: Page) => page.getByRole('list', { name: 'Turns' });
const turn = (page: Page, n: number) => turns(page).getByRole('listitem', { name: new RegExp(`^Turn ${n}\\b`) });
const callIn = (scope: Locator, callId: string) => scope.getByRole('listitem', { name: new RegExp(`^${callId}: `) });
const conversation = (page: Page) => page.getByRole('list', { name: 'Conversation' });
const seedField = (page: Page) => page.getByRole('spinbutton', { name: 'Seed' });
/** The whole conversation as text, to compare one example with another. */
const transcriptText = (page: Page) => () => conversation(page).textContent();

test.describe('app shell', () => {
  test.describe('with the room-booking example', () => {
    let w: Watch;

    test.beforeEach(async ({ page }) => {
      w = watch(page);
      await page.goto('./');
      await expect(page.getByRole('heading', { name: 'Plan', level: 2 })).toBeVisible();
    });

    test.afterEach(async ({ baseURL }) => {
      expect(w.consoleErrors, 'console errors').toEqual([]);
      const origin = new URL(baseURL ?? 'http://127.0.0.1:4173/').origin + '/';
      expect(w.requests.length).toBeGreaterThan(0);
      expect(
        w.requests.filter((url) => !url.startsWith(origin)),
        'requests that left the origin',
      ).toEqual([]);
    });

    test.describe('landmarks', () => {
      test('has a banner with the app name, a main region and labelled panels', async ({ page }) => {
        await expect(page.getByRole('banner')).toContainText('Chainwright');
        await expect(page.getByRole('main')).toBeVisible();
        await expect(page.getByRole('region', { name: 'Plan' })).toBeVisible();
        await expect(page.getByRole('region', { name: 'Example' })).toBeVisible();
        await expect(page.getByRole('main')).toContainText('Room booking and invites');
        await expect(page).toHaveTitle('Room booking and invites · Chainwright');
      });

      test('uses the content security policy in the production build', async ({ page }) => {
        const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        const scriptSrc = /script-src ([^;]*)/.exec(csp ?? '')?.[1].trim().split(/\s+/);
        // Only same-origin scripts (plus eval, which ajv's compiled schema validators need): no remote hosts, no inline.
        expect(scriptSrc).toEqual(["'self'", "'unsafe-eval'"]);
        expect(csp).toContain("connect-src 'self'");
        expect(csp).toContain("object-src 'none'");
      });

      test('panels do not overlap at 1280×800', async ({ page }) => {
        const plan = await page.getByRole('region', { name: 'Plan' }).boundingBox();
        const example = await page.getByRole('region', { name: 'Example' }).boundingBox();
        expect(plan).not.toBeNull();
        expect(example).not.toBeNull();
        expect(plan!.x + plan!.width).toBeLessThanOrEqual(example!.x);
        expect(example!.x + example!.width).toBeLessThanOrEqual(1280);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth).toBeLessThanOrEqual(1280);
      });
    });

    test.describe('plan', () => {
      test('shows three turns: rooms and team in parallel, then book, then invite', async ({ page }) => {
        await expect(turns(page).getByRole('listitem', { name: /^Turn \d/ })).toHaveCount(3);

        const first = turn(page, 1);
        await expect(first.getByRole('heading')).toHaveText(/Turn 1 · 2 calls in parallel/);
        await expect(callIn(first, 'rooms')).toBeVisible();
        await expect(callIn(first, 'team')).toBeVisible();
        await expect(first.getByRole('listitem', { name: /^\w+: / })).toHaveCount(2);

        const second = turn(page, 2);
        await expect(second.getByRole('heading')).toHaveText(/Turn 2 · 1 call/);
        await expect(callIn(second, 'book')).toBeVisible();

        const third = turn(page, 3);
        await expect(third.getByRole('heading')).toHaveText(/Turn 3 · 1 call/);
        await expect(callIn(third, 'invite')).toBeVisible();
      });

      test('says what each call waits for and why', async ({ page }) => {
        const book = callIn(turn(page, 2), 'book');
        await expect(book).toContainText(/waits for rooms/i);
        await expect(book).toContainText('room_id');
        const invite = callIn(turn(page, 3), 'invite');
        await expect(invite).toContainText(/book/);
        await expect(invite).toContainText(/team/);
      });

      test('shows effect badges, the critical path and the latency', async ({ page }) => {
        await expect(callIn(turn(page, 1), 'rooms')).toContainText('read');
        await expect(callIn(turn(page, 2), 'book')).toContainText('write');
        const path = page.getByRole('list', { name: 'Critical path' });
        await expect(path.getByRole('listitem')).toHaveText(['rooms', 'book', 'invite']);
        await expect(page.getByRole('region', { name: 'Plan' })).toContainText('One by one');
        await expect(page.getByRole('region', { name: 'Plan' })).toContainText('As planned');
      });
    });

    test.describe('example', () => {
      test('groups the parallel calls of the first assistant turn', async ({ page }) => {
        const firstCalls = conversation(page).getByRole('listitem', { name: /^Assistant · \d+ tool calls?/ }).first();
        await expect(firstCalls).toHaveAccessibleName(/2 tool calls in parallel/);
        await expect(firstCalls.getByRole('listitem', { name: /^Tool call / })).toHaveCount(2);
        await expect(conversation(page).getByRole('listitem', { name: 'User message' }).first()).toBeVisible();
        await expect(conversation(page).getByRole('listitem', { name: /^Tool result of / })).toHaveCount(4);
        await expect(conversation(page).getByRole('listitem', { name: 'Assistant reply' })).toHaveCount(1);
      });

      test('"Another example" shows a different example', async ({ page }) => {
        const before = await transcriptText(page)();
        await expect(page.getByRole('status', { name: 'Example index' })).toHaveText('0');
        await page.getByRole('button', { name: 'Another example' }).click();
        await expect(page.getByRole('status', { name: 'Example index' })).toHaveText('1');
        await expect.poll(transcriptText(page)).not.toBe(before);
      });

      test('the seed changes the example, and the same seed gives the same example back', async ({ page }) => {
        const seed = seedField(page);
        const original = await seed.inputValue();
        const before = await transcriptText(page)();

        await seed.fill(String(Number(original) + 41));
        await expect.poll(transcriptText(page)).not.toBe(before);

        await seed.fill(original);
        await expect.poll(transcriptText(page)).toBe(before);
      });

      test('the raw view shows one openai JSONL line', async ({ page }) => {
        await page.getByRole('tab', { name: /Raw JSONL/ }).click();
        await expect(page.getByRole('tab', { name: /Raw JSONL/ })).toHaveAttribute('aria-selected', 'true');
        const raw = page.getByRole('tabpanel').getByLabel('openai JSONL line');
        const text = await raw.innerText();
        expect(text).not.toContain('\n');
        const record = JSON.parse(text) as Record<string, unknown>;
        expect(Object.keys(record)).toEqual(expect.arrayContaining(['messages', 'tools', 'parallel_tool_calls']));
        expect(Array.isArray(record.messages)).toBe(true);
        expect(Array.isArray(record.tools)).toBe(true);
        expect(typeof record.parallel_tool_calls).toBe('boolean');

        await page.getByRole('tab', { name: 'Conversation' }).click();
        await expect(conversation(page)).toBeVisible();
      });
    });
  });

  test.describe('with a project that has errors', () => {
    test('lists the diagnostics with their JSON path and generates nothing', async ({ page }) => {
      const doc = JSON.parse(readFileSync('public/examples/room-booking.chain.json', 'utf8'));
      doc.chains[0].calls[2].args.room_id = '{rooms.rooms[0].room_key}';
      await page.route(EXAMPLE_URL, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(doc) }));
      await page.goto('./');
      const diagnostics = page.getByRole('region', { name: 'Diagnostics' });
      await expect(diagnostics).toContainText('room_key');
      await expect(diagnostics).toContainText('$.chains[0].calls[2].args.room_id');
      await expect(page.getByRole('region', { name: 'Example' })).toContainText('No example can be generated');
      await expect(page.getByRole('list', { name: 'Conversation' })).toHaveCount(0);
    });
  });

  test.describe('when the example cannot be opened', () => {
    test('shows a parse error with its message and place', async ({ page }) => {
      await page.route(EXAMPLE_URL, (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: '{\n  "format": "chainwright-project",\n  "version": 1,\n  oops\n}' }),
      );
      await page.goto('./');
      const alert = page.getByRole('alert');
      await expect(alert.getByRole('heading', { name: 'Could not open the project' })).toBeVisible();
      await expect(alert).toContainText('not valid JSON');
      await expect(alert).toContainText('Line');
    });

    test('shows a version that is too new with its JSON path', async ({ page }) => {
      await page.route(EXAMPLE_URL, (route) =>
        route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({ format: 'chainwright-project', version: 999, name: 'Future', tools: [], chains: [] }),
        }),
      );
      await page.goto('./');
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('newer Chainwright');
      await expect(alert).toContainText('$.version');
    });

    test('shows a fetch failure', async ({ page }) => {
      await page.route(EXAMPLE_URL, (route) => route.fulfill({ status: 404, body: 'not found' }));
      await page.goto('./');
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('could not be fetched');
      await expect(alert).toContainText('404');
    });
  });
});
