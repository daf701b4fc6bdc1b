import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** Locators and gestures of the designer, by role and accessible name. */

export const canvas = (page: Page) => page.getByRole('region', { name: 'Canvas' });
export const callNode = (page: Page, callId: string) => page.getByRole('group', { name: new RegExp(`^Call ${escape(callId)} · `) });
export const callNodes = (page: Page) => canvas(page).getByRole('group', { name: /^Call / });
export const argumentHandle = (page: Page, callId: string, arg: string) => page.getByLabel(`Argument ${arg} of ${callId}`, { exact: true });
export const fieldHandle = (page: Page, callId: string, field: string) => page.getByLabel(`Result field ${field} of ${callId}`, { exact: true });
export const orderIn = (page: Page, callId: string) => page.getByLabel(`Runs after (order-only) into ${callId}`, { exact: true });
export const orderOut = (page: Page, callId: string) => page.getByLabel(`Run after ${callId} (order-only)`, { exact: true });
export const edge = (page: Page, name: string | RegExp) => canvas(page).getByRole('group', { name });
export const toolCard = (page: Page, tool: string) =>
  page.getByRole('list', { name: 'Tool library' }).getByRole('listitem', { name: new RegExp(`^${escape(tool)},`) });
export const sideTab = (page: Page, name: string | RegExp) => page.getByRole('tablist', { name: 'Details' }).getByRole('tab', { name });
export const turnsList = (page: Page) => page.getByRole('list', { name: 'Turns' });
export const conversation = (page: Page) => page.getByRole('list', { name: 'Conversation' });
export const saveStatus = (page: Page) => page.getByRole('status', { name: 'Autosave' });

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Waits until the canvas stops moving (its first fit happens once the nodes are measured). */
export async function waitForStableViewport(page: Page): Promise<void> {
  const viewport = page.locator('.react-flow__viewport');
  let last = '';
  await expect
    .poll(
      async () => {
        const now = (await viewport.getAttribute('style')) ?? '';
        const stable = now === last && now !== '';
        last = now;
        return stable;
      },
      { intervals: [150] },
    )
    .toBe(true);
}

/** Waits for the designer to show a project (first visit: the room-booking example). */
export async function openDesigner(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Open project' })).toBeVisible();
  await expect(canvas(page)).toBeVisible();
  await waitForStableViewport(page);
}

/** Auto layout, then fit the chain in view: no node covers another's handles. */
export async function tidy(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Auto layout' }).click();
  await fitView(page);
}

/** Accepts "Replace this project?", asked before New project, a file or an example replaces a project with calls or tools. */
export async function acceptReplace(page: Page): Promise<void> {
  const ask = page.getByRole('dialog', { name: 'Replace this project?' });
  await ask.getByRole('button', { name: /^(New project|Open )/ }).click();
  await expect(ask).toHaveCount(0);
}

/** Opens a project file through the "Open project" file picker. */
export async function openFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open project' }).click();
  await (await chooser).setFiles(path);
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  expect(box, 'element on screen').not.toBeNull();
  return { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 };
}

/** A mouse drag from one element's centre to another's, in small steps (as a person drags). */
export async function dragFromTo(page: Page, from: Locator, to: Locator): Promise<void> {
  await from.scrollIntoViewIfNeeded();
  await waitForStableViewport(page);
  const a = await centre(from);
  const b = await centre(to);
  // Nothing (the minimap, another node) may cover the end of the drag.
  const covered = (el: Element, p: { x: number; y: number }) => {
    const top = document.elementFromPoint(p.x, p.y);
    return top && (el === top || el.contains(top)) ? null : `${top?.tagName}.${top?.getAttribute('class')} at ${Math.round(p.x)},${Math.round(p.y)}`;
  };
  expect(await from.evaluate(covered, a), 'what covers the start of the drag').toBeNull();
  expect(await to.evaluate(covered, b), 'what covers the end of the drag').toBeNull();
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + (b.x - a.x) / 3, a.y + (b.y - a.y) / 3, { steps: 4 });
  await page.mouse.move(b.x, b.y, { steps: 8 });
  // Let the canvas take in the last move before the button is released (the machine may be busy):
  // two animation frames, so React Flow has handled the pointer move and drawn its result.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  await page.mouse.move(b.x, b.y);
  await page.mouse.up();
}

/** Drags a tool from the library onto the canvas at (x, y), relative to the canvas' top-left. */
export async function dropTool(page: Page, tool: string, x: number, y: number): Promise<void> {
  await toolCard(page, tool).dragTo(page.locator('.react-flow__pane'), { targetPosition: { x, y } });
}

/**
 * Selects a call by clicking its header, as a person does, and waits until the canvas shows it
 * selected. A click that lands while the view is still settling (a re-fit after the side panel
 * changed) misses the node: it is made again.
 */
export async function selectCall(page: Page, callId: string): Promise<void> {
  // React Flow marks the node's wrapper (the call's group itself or an ancestor) as selected.
  const node = callNode(page, callId).locator('xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " react-flow__node ")]');
  await expect(async () => {
    await callNode(page, callId).locator('.call-card-head').click();
    await expect(node).toHaveClass(/\bselected\b/, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** Fits the whole chain into the canvas (React Flow's control). */
export async function fitView(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Fit View' }).click();
  await waitForStableViewport(page);
}
