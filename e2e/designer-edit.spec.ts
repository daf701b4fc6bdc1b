import { argumentHandle, callNode, callNodes, canvas, dragFromTo, edge, fieldHandle, orderIn, orderOut, selectCall } from './support/designer.ts';
import { expect, test } from './support/test.ts';

/** Editing the room-booking example on the canvas: connections, refusals, selection, clipboard, chains. */

test.describe('editing on the canvas', () => {
  test.use({ designer: 'tidy' });

  test('a connection that would close a cycle is refused, naming the cycle, and changes nothing', async ({ page }) => {
    const edges = canvas(page).locator('.react-flow__edge');
    const before = await edges.count();
    await dragFromTo(page, fieldHandle(page, 'invite', 'invitation_id'), argumentHandle(page, 'rooms', 'min_capacity'));
    const notice = page.getByRole('alert').filter({ hasText: 'cycle' });
    await expect(notice).toContainText('invite → rooms → book → invite');
    await expect(edges).toHaveCount(before);

    // The same for an order-only dependency drawn between headers.
    await dragFromTo(page, orderOut(page, 'invite'), orderIn(page, 'book'));
    await expect(page.getByRole('alert').filter({ hasText: 'cycle' })).toContainText('invite → book → invite');
    await expect(edges).toHaveCount(before);
    // Nothing to undo: the refusals changed nothing, nor did the auto layout of beforeEach (the
    // example has no saved positions: its calls already follow the layout).
    await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  });

  test('an order-only dependency is drawn dashed from the header handles, and deleting the edge removes it', async ({ page }) => {
    await dragFromTo(page, orderOut(page, 'team'), orderIn(page, 'book'));
    const order = edge(page, 'book runs after team (order only)');
    await expect(order).toHaveCount(1);
    await expect(order).toHaveClass(/edge-order/);
    const dash = await order.locator('path.dependency-path').evaluate((p) => getComputedStyle(p).strokeDasharray);
    expect(dash).not.toBe('none');

    // Edges are focusable: Enter selects the focused one, Delete removes the selection.
    await order.focus();
    await page.keyboard.press('Enter');
    await expect(order).toHaveClass(/selected/);
    await page.keyboard.press('Delete');
    await expect(order).toHaveCount(0);
  });

  test('a type mismatch is allowed but flagged on the edge', async ({ page }) => {
    await dragFromTo(page, fieldHandle(page, 'rooms', 'rooms[]'), argumentHandle(page, 'book', 'title'));
    const mismatch = edge(page, /^book\.title ← \{rooms\.rooms\[0\]\} \(type mismatch\)$/);
    await expect(mismatch).toHaveCount(1);
    await expect(mismatch).toHaveClass(/edge-mismatch/);
    await expect(page.getByRole('status').filter({ hasText: 'type mismatch' })).toBeVisible();
  });

  test('Delete removes the selected call; multi-select, copy and paste keep references inside the group', async ({ page }) => {
    await selectCall(page, 'book');
    await callNode(page, 'invite')
      .locator('.call-card-head')
      .click({ modifiers: ['Control'] });
    await expect(callNode(page, 'book').locator('.call-card')).toHaveClass(/is-selected/);
    await expect(callNode(page, 'invite').locator('.call-card')).toHaveClass(/is-selected/);
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect(callNodes(page)).toHaveCount(6);
    await expect(callNode(page, 'book_2')).toBeVisible();
    await expect(callNode(page, 'invite_2')).toBeVisible();
    // The pasted invite reads the pasted booking, and still the original team (outside the group).
    await expect(edge(page, 'invite_2.booking_id ← {book_2.booking_id}')).toHaveCount(1);
    await expect(edge(page, 'invite_2.attendees ← {team.members[*].email}')).toHaveCount(1);

    // Clicking a call of a multiple selection keeps the selection: clear it first.
    await page.keyboard.press('Escape');
    await canvas(page)
      .locator('.react-flow__pane')
      .click({ position: { x: 8, y: 8 } });
    await selectCall(page, 'invite_2');
    await expect(callNode(page, 'book_2').locator('.call-card')).not.toHaveClass(/is-selected/);
    await page.keyboard.press('Delete');
    await expect(callNode(page, 'invite_2')).toHaveCount(0);
    await expect(callNodes(page)).toHaveCount(5);
    await page.keyboard.press('Control+z');
    await expect(callNodes(page)).toHaveCount(6);
  });

  test('quick add from the keyboard adds a call with a fresh, editable, unique id', async ({ page }) => {
    const quickAdd = page.getByRole('searchbox', { name: 'Quick add' });
    await quickAdd.focus();
    await quickAdd.fill('book');
    await page.keyboard.press('Enter');
    await expect(callNodes(page)).toHaveCount(5);
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await expect(inspector.getByRole('heading', { name: /^Call / })).toBeVisible();
    const id = inspector.getByRole('textbox', { name: 'Id' });
    const fresh = await id.inputValue();
    expect(['book', 'rooms', 'team', 'invite']).not.toContain(fresh);
    await expect(callNode(page, fresh)).toContainText('book_room');

    await id.fill('book');
    await id.press('Enter');
    await expect(inspector.getByRole('alert')).toContainText('book');
    await id.fill('second_booking');
    await id.press('Enter');
    await expect(callNode(page, 'second_booking')).toBeVisible();
    await expect(inspector.getByRole('heading', { name: 'Call second_booking' })).toBeVisible();
  });

  test('chains are tabs: add, rename, delete', async ({ page }) => {
    const tabs = page.getByRole('tablist', { name: 'Chains' });
    await expect(tabs.getByRole('tab')).toHaveCount(1);
    await page.getByRole('button', { name: 'Add chain' }).click();
    await page.getByRole('dialog', { name: 'Add a chain' }).getByRole('textbox', { name: 'Chain name' }).press('Enter');
    await expect(tabs.getByRole('tab')).toHaveCount(2);
    await expect(tabs.getByRole('tab', { selected: true })).toHaveText('Chain 2');
    await expect(callNodes(page)).toHaveCount(0);

    await page.getByRole('button', { name: 'Rename chain' }).click();
    const form = page.getByRole('form', { name: 'Rename chain' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Second chain');
    await form.getByRole('textbox', { name: 'Id' }).fill('second');
    await form.getByRole('button', { name: 'Apply' }).click();
    await expect(tabs.getByRole('tab', { selected: true })).toHaveText('Second chain');

    await tabs.getByRole('tab', { name: 'Book a room and invite a team' }).click();
    await expect(callNodes(page)).toHaveCount(4);
    await tabs.getByRole('tab', { name: 'Second chain' }).click();
    await page.getByRole('button', { name: 'Delete chain' }).click();
    await expect(tabs.getByRole('tab')).toHaveCount(1);
    await expect(callNodes(page)).toHaveCount(4);
  });

  test('the inspector edits a literal argument, a slot and the reply, with completions', async ({ page }) => {
    await selectCall(page, 'book');
    const inspector = page.getByRole('region', { name: 'Inspector' });
    const duration = inspector.getByRole('textbox', { name: 'Value of duration_minutes' });
    await duration.fill('ninety');
    await duration.press('Enter');
    await expect(inspector.getByText(/expected integer/)).toBeVisible();
    await duration.fill('90');
    await duration.press('Enter');
    await expect(inspector.getByText(/expected integer/)).toHaveCount(0);

    const reply = inspector.getByRole('textbox', { name: 'Reply template' });
    await reply.fill('Booked ');
    await inspector.getByRole('group', { name: 'Insert into Reply template' }).getByRole('button', { name: '{book.booking_id}' }).click();
    await expect(reply).toHaveValue('Booked {book.booking_id}');

    const values = inspector.getByRole('textbox', { name: 'Values of team_name, one per line' });
    await values.fill('research\nlegal');
    await values.blur();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(values).not.toHaveValue('research\nlegal');
  });
});
