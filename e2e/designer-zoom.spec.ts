import { argumentHandle, callNode, canvas } from './support/designer.ts';
import { expect, test } from './support/test.ts';

/** Zoomed far out, the canvas draws boxes, headers and wires only; zooming in brings the field names back. */

test.describe('zoom level of detail', () => {
  test.use({ designer: 'example' });

  test('field names hide below the readable zoom and come back, with the wires still attached', async ({ page }) => {
    const fieldName = callNode(page, 'book').locator('.port-name', { hasText: 'room_id' }).first();
    const edgePaths = canvas(page).locator('.react-flow__edge path.dependency-path');
    await expect(fieldName).toBeVisible();
    const edgeCount = await edgePaths.count();
    const pathBefore = await edgePaths.first().getAttribute('d');

    const zoomOut = page.getByRole('button', { name: 'Zoom Out' });
    const far = page.locator('.canvas.is-far');
    for (let i = 0; i < 8 && (await far.count()) === 0; i += 1) await zoomOut.click();
    await expect(far).toHaveCount(1);
    await expect(fieldName).toBeHidden();
    await expect(callNode(page, 'book').getByText('book_room')).toBeVisible(); // the header stays
    await expect(edgePaths).toHaveCount(edgeCount);
    // Layout is unchanged: the handles keep their place, so the wires keep their ends (in flow coordinates).
    expect(await edgePaths.first().getAttribute('d')).toBe(pathBefore);
    await expect(argumentHandle(page, 'book', 'room_id')).toBeHidden();

    await page.getByRole('button', { name: 'Fit View' }).click();
    await expect(fieldName).toBeVisible();
    await expect(argumentHandle(page, 'book', 'room_id')).toBeVisible();
  });
});
