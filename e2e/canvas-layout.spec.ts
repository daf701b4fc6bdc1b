import type { Page } from '@playwright/test';
import { argumentHandle, callNode, callNodes, dragFromTo, dropTool, fieldHandle, fitView } from './support/designer.ts';
import { expect, test } from './support/test.ts';

/**
 * New calls land in a free spot of their turn's column, and follow the layout when a
 * connection changes their turn, unless the user has placed them (issue 17).
 */

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(page: Page, callId: string): Promise<Box> {
  const box = await callNode(page, callId).boundingBox();
  expect(box, `${callId} drawn`).not.toBeNull();
  return box!;
}

/** Pairs of calls whose boxes overlap. */
async function overlaps(page: Page): Promise<string[]> {
  return callNodes(page).evaluateAll((nodes) => {
    const out: string[] = [];
    const boxes = nodes.map((n) => ({ id: n.getAttribute('data-id'), r: n.getBoundingClientRect() }));
    for (const a of boxes)
      for (const b of boxes) {
        if (a.id! >= b.id!) continue;
        if (a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom) out.push(`${a.id} × ${b.id}`);
      }
    return out;
  });
}

async function quickAdd(page: Page, tool: string): Promise<void> {
  const field = page.getByRole('searchbox', { name: 'Quick add' });
  await field.fill(tool);
  await field.press('Enter');
}

test.describe('where new calls go', () => {
  test.use({ designer: 'example' });

  test('added and dropped calls land in the first turn’s column, on no other call', async ({ page }) => {
    await quickAdd(page, 'book_room');
    await expect(callNodes(page)).toHaveCount(5);
    await dropTool(page, 'send_invites', 300, 200);
    await expect(callNodes(page)).toHaveCount(6);
    expect(await overlaps(page)).toEqual([]);
    const first = (await boxOf(page, 'rooms')).x;
    // Nothing feeds them yet: they run in the first turn.
    expect((await boxOf(page, 'room')).x).toBeCloseTo(first, 0);
    expect((await boxOf(page, 'invites')).x).toBeCloseTo(first, 0);
  });

  test('a connection moves an unplaced call into its turn’s column; a call the user placed stays', async ({ page }) => {
    await quickAdd(page, 'book_room');
    await quickAdd(page, 'book_room');
    await expect(callNodes(page)).toHaveCount(6);
    await fitView(page);
    // The user drags room_2 a little: it is placed.
    const head = callNode(page, 'room_2').locator('.call-card-head');
    const start = (await head.boundingBox())!;
    await page.mouse.move(start.x + 20, start.y + 10);
    await page.mouse.down();
    await page.mouse.move(start.x + 20, start.y + 40, { steps: 6 });
    await page.mouse.up();
    const placed = await boxOf(page, 'room_2');

    await dragFromTo(page, fieldHandle(page, 'rooms', 'rooms[].room_id'), argumentHandle(page, 'room', 'room_id'));
    // room now waits for rooms: the second turn, book's column.
    await expect.poll(async () => Math.round((await boxOf(page, 'room')).x - (await boxOf(page, 'book')).x)).toBe(0);

    await dragFromTo(page, fieldHandle(page, 'rooms', 'rooms[].room_id'), argumentHandle(page, 'room_2', 'room_id'));
    await expect(page.getByRole('group', { name: /room_2\.room_id ← \{rooms\./ })).toHaveCount(1);
    const after = await boxOf(page, 'room_2');
    expect(Math.round(after.x)).toBe(Math.round(placed.x));
    expect(Math.round(after.y)).toBe(Math.round(placed.y));
    expect(Math.round(after.x)).not.toBe(Math.round((await boxOf(page, 'book')).x));
  });
});
