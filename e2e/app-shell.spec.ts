import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { callNode, canvas, conversation, openDesigner, sideTab, turnsList } from './support/designer.ts';
import { expect, test } from './support/test.ts';

/**
 * The designer on a first visit: it opens public/examples/room-booking.chain.json, draws the
 * chain on the canvas and explains it; the preview shows one generated example. Elements are
 * found by role and accessible name first.
 */

const EXAMPLE_URL = '**/examples/room-booking.chain.json';

const turn = (page: Page, n: number) => turnsList(page).getByRole('listitem', { name: new RegExp(`^Turn ${n}\\b`) });
const callIn = (scope: Locator, callId: string) => scope.getByRole('listitem', { name: new RegExp(`^${callId}: `) });
const seedField = (page: Page) => page.getByRole('spinbutton', { name: 'Seed' });
/** The whole conversation as text, to compare one example with another. */
const transcriptText = (page: Page) => () => conversation(page).textContent();

test.describe('app shell', () => {
  test.describe('with the room-booking example', () => {
    test.use({ designer: 'example' });

    test.describe('landmarks', () => {
      test('has a banner with the main controls, a main region and labelled panes', async ({ page }) => {
        const banner = page.getByRole('banner');
        await expect(banner).toContainText('Chainwright');
        await expect(banner).toContainText('Room booking and invites');
        for (const name of ['New project', 'Open project', 'Save project', 'Examples', 'Undo', 'Redo', 'Auto layout']) {
          await expect(banner.getByRole('button', { name, exact: true })).toBeVisible();
        }
        await expect(page.getByRole('main')).toBeVisible();
        await expect(page.getByRole('complementary', { name: 'Tools' })).toBeVisible();
        await expect(page.getByRole('region', { name: 'Canvas' })).toBeVisible();
        await expect(page.getByRole('complementary', { name: 'Details' })).toBeVisible();
        await expect(page.getByRole('region', { name: 'Inspector' })).toBeVisible();
        await expect(page).toHaveTitle('Room booking and invites · Chainwright');
      });

      test('uses the content security policy in the production build', async ({ page }) => {
        const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        const scriptSrc = /script-src ([^;]*)/
          .exec(csp ?? '')?.[1]
          .trim()
          .split(/\s+/);
        // Only same-origin scripts (plus eval, which ajv's compiled schema validators need): no remote hosts, no inline.
        expect(scriptSrc).toEqual(["'self'", "'unsafe-eval'"]);
        expect(csp).toContain("connect-src 'self'");
        expect(csp).toContain("object-src 'none'");
      });

      test('the three panes sit side by side at 1280×800 without overlapping', async ({ page }) => {
        for (const tab of ['Inspector', 'Why this order', 'Preview', /^Problems/]) {
          await sideTab(page, tab).click();
          const library = await page.getByRole('complementary', { name: 'Tools' }).boundingBox();
          const canvasBox = await page.getByRole('region', { name: 'Canvas' }).boundingBox();
          const side = await page.getByRole('complementary', { name: 'Details' }).boundingBox();
          const header = await page.getByRole('banner').boundingBox();
          for (const box of [library, canvasBox, side, header]) expect(box).not.toBeNull();
          expect(library!.x + library!.width).toBeLessThanOrEqual(canvasBox!.x + 0.5);
          expect(canvasBox!.x + canvasBox!.width).toBeLessThanOrEqual(side!.x + 0.5);
          expect(side!.x + side!.width).toBeLessThanOrEqual(1280);
          for (const box of [library, canvasBox, side]) {
            expect(box!.y).toBeGreaterThanOrEqual(header!.y + header!.height - 0.5);
            expect(box!.y + box!.height).toBeLessThanOrEqual(800.5);
          }
          expect(canvasBox!.width).toBeGreaterThan(500);
          const scroll = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
          expect(scroll.w).toBeLessThanOrEqual(1280);
          expect(scroll.h).toBeLessThanOrEqual(800);
        }
      });
    });

    test.describe('canvas', () => {
      test('draws each call with its arguments on the left and its result fields on the right', async ({ page }) => {
        const rooms = callNode(page, 'rooms');
        await expect(rooms).toContainText('find_available_rooms');
        await expect(rooms.getByLabel('Argument date of rooms', { exact: true })).toBeAttached();
        await expect(rooms.getByLabel('Result field rooms[].room_id of rooms', { exact: true })).toBeAttached();
        const arg = await rooms.getByLabel('Argument date of rooms', { exact: true }).boundingBox();
        const field = await rooms.getByLabel('Result field rooms[].room_id of rooms', { exact: true }).boundingBox();
        const box = await rooms.boundingBox();
        expect(arg!.x).toBeLessThan(box!.x + 10);
        expect(field!.x + field!.width).toBeGreaterThan(box!.x + box!.width - 10);
        await expect(canvas(page).getByText('rooms.rooms[min:capacity].room_id', { exact: true })).toBeVisible();
        await expect(canvas(page).getByText('team.members[*].email', { exact: true })).toBeVisible();
      });

      test('shows the turns as labelled bands and marks the critical path', async ({ page }) => {
        await expect(canvas(page).getByText('Turn 1 · 2 calls in parallel', { exact: true })).toBeVisible();
        await expect(canvas(page).getByText('Turn 2 · 1 call', { exact: true })).toBeVisible();
        await expect(canvas(page).getByText('Turn 3 · 1 call', { exact: true })).toBeVisible();
        for (const id of ['rooms', 'book', 'invite']) await expect(callNode(page, id).getByLabel('On the critical path')).toBeVisible();
        await expect(callNode(page, 'team').getByLabel('On the critical path')).toHaveCount(0);
      });

      test('selecting a call highlights its ancestors and descendants and dims the rest', async ({ page }) => {
        await callNode(page, 'book').locator('.call-card-head').click();
        await expect(callNode(page, 'book')).toHaveClass(/lineage-focus/);
        await expect(callNode(page, 'rooms')).toHaveClass(/lineage-ancestor/);
        await expect(callNode(page, 'invite')).toHaveClass(/lineage-descendant/);
        await expect(callNode(page, 'team')).not.toHaveClass(/lineage-/);
        const opacity = (callId: string) =>
          callNode(page, callId)
            .locator('.call-card')
            .evaluate((el) => Number(getComputedStyle(el).opacity));
        expect(await opacity('team')).toBeLessThan(0.5);
        expect(await opacity('rooms')).toBe(1);
        await expect(page.getByRole('region', { name: 'Inspector' }).getByRole('heading', { name: 'Call book' })).toBeVisible();
      });
    });

    test.describe('why this order', () => {
      test.beforeEach(async ({ page }) => sideTab(page, 'Why this order').click());

      test('shows three turns: rooms and team in parallel, then book, then invite', async ({ page }) => {
        await expect(turnsList(page).getByRole('listitem', { name: /^Turn \d/ })).toHaveCount(3);
        const first = turn(page, 1);
        await expect(first.getByRole('heading')).toHaveText(/Turn 1 · 2 calls in parallel/);
        await expect(callIn(first, 'rooms')).toBeVisible();
        await expect(callIn(first, 'team')).toBeVisible();
        await expect(first.getByRole('listitem', { name: /^\w+: / })).toHaveCount(2);
        await expect(callIn(first, 'rooms')).toContainText("neither needs the other's result");
        await expect(turn(page, 2).getByRole('heading')).toHaveText(/Turn 2 · 1 call/);
        await expect(callIn(turn(page, 2), 'book')).toBeVisible();
        await expect(turn(page, 3).getByRole('heading')).toHaveText(/Turn 3 · 1 call/);
        await expect(callIn(turn(page, 3), 'invite')).toBeVisible();
      });

      test('says what each call waits for and which field it needs', async ({ page }) => {
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
        const why = page.getByRole('region', { name: 'Why this order' });
        await expect(why).toContainText('One by one');
        await expect(why).toContainText('As planned');
      });
    });

    test.describe('preview', () => {
      test.beforeEach(async ({ page }) => sideTab(page, 'Preview').click());

      test('groups the parallel calls of the first assistant turn', async ({ page }) => {
        const firstCalls = conversation(page)
          .getByRole('listitem', { name: /^Assistant · \d+ tool calls?/ })
          .first();
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
        const raw = page.getByLabel('openai JSONL line');
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
    test('lists the diagnostics with their JSON path, marks the node, generates nothing; a click selects the field', async ({ page }) => {
      const doc = JSON.parse(readFileSync('public/examples/room-booking.chain.json', 'utf8'));
      doc.chains[0].calls[2].args.room_id = '{rooms.rooms[0].room_key}';
      await page.route(EXAMPLE_URL, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(doc) }));
      await openDesigner(page);
      await expect(callNode(page, 'book').getByRole('img', { name: /1 error/ })).toBeVisible();
      await expect(callNode(page, 'rooms').getByRole('img', { name: /error/ })).toHaveCount(0);

      await sideTab(page, /^Problems/).click();
      const problems = page.getByRole('region', { name: 'Problems' });
      await expect(problems).toContainText('room_key');
      await expect(problems).toContainText('$.chains[0].calls[2].args.room_id');

      await problems.getByRole('button', { name: /room_key/ }).click();
      const inspector = page.getByRole('region', { name: 'Inspector' });
      await expect(inspector.getByRole('heading', { name: 'Call book' })).toBeVisible();
      await expect(inspector.getByRole('combobox', { name: 'Reference for room_id' })).toBeFocused();
      await expect(callNode(page, 'book').locator('.call-card')).toHaveClass(/is-selected/);

      await sideTab(page, 'Preview').click();
      await expect(page.getByRole('region', { name: 'Example' })).toContainText('No example can be generated');
      await expect(conversation(page)).toHaveCount(0);
    });
  });

  test.describe('when the first example cannot be opened', () => {
    test('shows a parse error with its message and place', async ({ page }) => {
      await page.route(EXAMPLE_URL, (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: '{\n  "format": "chainwright-project",\n  "version": 1,\n  oops\n}' }),
      );
      await page.goto('./');
      const alert = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Could not open the project' }) });
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
      const alert = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Could not open the project' }) });
      await expect(alert).toContainText('newer Chainwright');
      await expect(alert).toContainText('$.version');
    });

    test.describe('with a 404', () => {
      // The browser reports the refused fetch of the example on the console; nothing else may go wrong.
      test.use({ quiet: { allow: ['Failed to load resource: the server responded with a status of 404 (Not Found)'] } });

      test('shows a fetch failure', async ({ page }) => {
        await page.route(EXAMPLE_URL, (route) => route.fulfill({ status: 404, body: 'not found' }));
        await page.goto('./');
        const alert = page.getByRole('alert').filter({ hasText: 'Could not load' });
        await expect(alert).toContainText('404');
      });
    });
  });
});
