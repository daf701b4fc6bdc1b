import type { Locator, Page } from '@playwright/test';
import { acceptReplace, callNode, callNodes, canvas, dragFromTo, dropTool, fieldHandle, openFile, orderIn, selectCall, tidy } from './support/designer.ts';
import { expect, test } from './support/test.ts';

/**
 * Drawing loops, filters, conditions, failures and confirmations (issues 14 and 15): a fan-out
 * with a filter built from the tasks example's tools with the mouse and the keyboard, a
 * condition added to a call, a failure and a confirmation set in the inspector, reply variants
 * edited, and a hand-typed reference kept as typed. Each state is photographed to /tmp.
 */

const TOOLS = 'e2e/fixtures/task-tools.chain.json';
const TASK_REMINDERS = 'public/examples/task-reminders.chain.json';
const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });
const shoot = (page: Page, name: string) => page.screenshot({ path: `/tmp/${name}.png` });
const band = (page: Page, title: string) => canvas(page).getByRole('group', { name: title, exact: true });

/** Replaces what a text field holds by typing, then presses Enter (Tab for a text area, where Enter starts a new line). */
async function typeInto(page: Page, field: Locator, text: string, leave: 'Enter' | 'Tab' = 'Enter') {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
  await page.keyboard.press(leave);
}

async function openExample(page: Page, path: string, name: string) {
  await openFile(page, path);
  await acceptReplace(page);
  await expect(page.getByRole('banner')).toContainText(name);
  await tidy(page);
}

test.describe('call behaviours on the canvas and in the inspector', () => {
  // Long flows of many gestures each: more time than one assertion's worth on a busy machine.
  test.describe.configure({ timeout: 90_000 });
  test.use({ designer: 'example' });

  test('for each high-priority task, a reminder: a list dropped on a call, the filter from the keyboard; the band says the turn varies', async ({ page }) => {
    await page.getByRole('button', { name: 'New project' }).click();
    await acceptReplace(page);
    await openFile(page, TOOLS);
    await expect(page.getByRole('banner')).toContainText('Task reminder tools');
    await dropTool(page, 'list_tasks', 60, 60);
    await dropTool(page, 'create_reminder', 420, 60);
    await expect(callNodes(page)).toHaveCount(2);
    await tidy(page);
    await expect(band(page, 'Turn 1 · 2 calls in parallel')).toHaveCount(1);

    // Mouse: the tasks list dropped on the reminder's header makes it a fan-out over the list.
    await dragFromTo(page, fieldHandle(page, 'tasks', 'tasks'), orderIn(page, 'reminder'));
    const reminder = callNode(page, 'reminder');
    await expect(reminder.locator('.call-strip-each')).toHaveText(/for each task$/);
    await expect(reminder.locator('.call-card')).toHaveClass(/is-fanout/);
    await expect(canvas(page).getByRole('group', { name: 'reminder runs once for each element of {tasks.tasks[*]}' })).toHaveCount(1);
    await expect(canvas(page).locator('.edge-label-each')).toHaveText('each');

    // Keyboard: the filter, the list step and the arguments in the inspector.
    await selectCall(page, 'reminder');
    const ins = inspector(page);
    await expect(ins.getByRole('combobox', { name: 'Run once for each element of' })).toHaveValue('{tasks.tasks[*]}');
    await expect(ins.getByRole('textbox', { name: 'Each element is called' })).toHaveValue('task');
    await ins.getByRole('button', { name: 'Add a filter' }).focus();
    await page.keyboard.press('Enter');
    const value = ins.getByRole('combobox', { name: 'Filter: value', exact: true });
    await value.focus();
    await page.keyboard.type('task.title');
    await expect(ins.getByRole('listbox', { name: 'Values for Filter' }).getByRole('option').first()).toContainText('{task.title}');
    await page.keyboard.press('Enter');
    await expect(value).toHaveValue('{task.title}');
    // Back to the priority, the operator and the operand from the keyboard.
    await value.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('priority');
    await page.keyboard.press('Enter');
    await expect(value).toHaveValue('{task.priority}');
    const operator = ins.getByRole('combobox', { name: 'Filter: operator', exact: true });
    await operator.focus();
    await page.keyboard.press('ArrowDown');
    await expect(operator).toHaveValue('ne');
    await page.keyboard.press('ArrowUp');
    await expect(operator).toHaveValue('eq');
    await typeInto(page, ins.getByLabel('Filter: compared with', { exact: true }), 'high');
    await expect(ins.getByText('Filter: task.priority = high', { exact: true })).toBeVisible();
    await expect(reminder.locator('.call-strip-each')).toHaveText(/for each task where priority = high$/);

    // The arguments read the element.
    await ins.getByRole('combobox', { name: 'Kind of task_id' }).selectOption('reference');
    const taskId = ins.getByRole('combobox', { name: 'Reference for task_id' });
    await taskId.focus();
    await page.keyboard.type('task.task_id');
    await page.keyboard.press('Enter');
    await expect(taskId).toHaveValue('{task.task_id}');
    await ins.getByRole('combobox', { name: 'Kind of remind_at' }).selectOption('literal');
    await typeInto(page, ins.getByRole('textbox', { name: 'Value of remind_at' }), '{task.due_date}T{time}');

    await selectCall(page, 'tasks');
    await ins.getByRole('combobox', { name: 'Kind of due_before' }).selectOption('literal');
    await typeInto(page, ins.getByRole('textbox', { name: 'Value of due_before' }), '2026-01-11');

    await tidy(page);
    await expect(band(page, 'Turn 2 · 0–6 calls, varies per example')).toHaveCount(1);
    await expect(band(page, 'Turn 2 · 0–6 calls, varies per example').locator('.turn-band')).toHaveClass(/is-varying/);
    await selectCall(page, 'reminder');
    await expect(ins.getByLabel('How reminder varies')).toHaveText('once for each element of tasks.tasks where task.priority = high: 0 to 6 calls in parallel');
    await ins.getByRole('heading', { name: 'Runs' }).scrollIntoViewIfNeeded();
    await shoot(page, 'behaviours-fanout');
    await reminder.screenshot({ path: '/tmp/behaviours-fanout-node.png' });

    // Undo takes the last edit back, one step at a time.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(callNode(page, 'tasks')).toBeVisible();
  });

  test('a condition added to a call: the "only if" strip, a dashed edge from the field it tests, the share in words', async ({ page }) => {
    await openExample(page, TASK_REMINDERS, 'Task reminders');
    await selectCall(page, 'remind');
    const ins = inspector(page);
    await ins.getByRole('button', { name: 'Add a condition', exact: true }).focus();
    await page.keyboard.press('Enter');
    const value = ins.getByRole('combobox', { name: 'Condition: value', exact: true });
    await value.focus();
    await page.keyboard.type('tasks.tasks.length');
    await page.keyboard.press('Enter');
    await expect(value).toHaveValue('{tasks.tasks.length}');
    await ins.getByRole('combobox', { name: 'Condition: operator', exact: true }).selectOption('gt');
    await typeInto(page, ins.getByLabel('Condition: compared with', { exact: true }), '1');
    const remind = callNode(page, 'remind');
    await expect(remind.locator('.call-strip-when')).toHaveText(/only if tasks\.tasks\.length > 1$/);
    await expect(canvas(page).locator('.edge-label-condition')).toHaveText('if tasks.tasks.length > 1');
    await expect(canvas(page).getByRole('group', { name: 'remind only if: tasks.tasks.length > 1 (reads tasks)' })).toHaveCount(1);

    // The share it is steered to hold in: a slider, from the keyboard, in words.
    const rate = ins.getByRole('slider', { name: 'The condition holds in' });
    await expect(rate).toHaveAttribute('aria-valuetext', 'about 1 in 2 examples (50 %)');
    await rate.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(rate).toHaveAttribute('aria-valuetext', 'about 2 in 5 examples (40 %)');
    await expect(ins.getByText('about 2 in 5 examples (40 %)')).toBeVisible();

    // A group: "any of" the test and a second one, all from the keyboard.
    const kind = ins.getByRole('combobox', { name: 'Condition: kind', exact: true });
    await kind.selectOption('any');
    await ins.getByRole('button', { name: 'Add a test to Condition', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(ins.getByRole('group', { name: 'Condition, part 2', exact: true })).toBeVisible();
    await expect(remind.locator('.call-strip-when')).toHaveText(/only if any of \(tasks\.tasks\.length > 1; /);
    await tidy(page);
    await shoot(page, 'behaviours-condition');
    await ins.getByRole('button', { name: 'Remove Condition, part 2', exact: true }).click();
    await expect(remind.locator('.call-strip-when')).toHaveText(/only if any of \(tasks\.tasks\.length > 1\)$/);
    await ins.getByRole('button', { name: 'Remove the condition', exact: true }).click();
    await expect(remind.locator('.call-strip-when')).toHaveCount(0);
  });

  test('a failure and a confirmation set in the inspector show as badges with their rates', async ({ page }) => {
    await openExample(page, TASK_REMINDERS, 'Task reminders');
    await selectCall(page, 'tasks');
    const ins = inspector(page);
    await ins.getByRole('checkbox', { name: 'This call may fail' }).check();
    const tasks = callNode(page, 'tasks');
    await expect(tasks.locator('.call-badge-failure')).toHaveText('fails 20 %');
    const rate = ins.getByRole('slider', { name: 'It fails in' });
    await rate.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(tasks.locator('.call-badge-failure')).toHaveText('fails 30 %');

    // The error result is JSON: a typo is shown and not written.
    const error = ins.getByRole('textbox', { name: 'Error result (JSON)' });
    await error.fill('{"error": "TIMEOUT"');
    await error.blur();
    await expect(ins.getByText(/^not JSON: /)).toBeVisible();
    await expect(error).toHaveAttribute('aria-invalid', 'true');
    await error.fill('{"error": {"code": "TIMEOUT", "message": "The task service did not answer."}}');
    await error.blur();
    await expect(error).toHaveAttribute('aria-invalid', 'false');

    await ins.getByRole('combobox', { name: 'Then the assistant' }).selectOption('retry');
    await expect(tasks.locator('.call-badge-failure')).toHaveAttribute('title', 'fails in about 30 % of the examples, then retried in the next turn');
    await ins.getByRole('heading', { name: 'Failure' }).scrollIntoViewIfNeeded();
    await shoot(page, 'behaviours-failure');

    await selectCall(page, 'remind');
    await ins.getByRole('checkbox', { name: 'Ask the user first' }).check();
    const remind = callNode(page, 'remind');
    await expect(remind.locator('.call-badge-confirm')).toHaveText('asks first · yes 50 %');
    await typeInto(page, ins.getByRole('textbox', { name: 'Question 1' }), 'Shall I set {tasks.tasks.length} reminders?', 'Tab');
    const yes = ins.getByRole('slider', { name: 'The user says yes in' });
    await yes.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect(remind.locator('.call-badge-confirm')).toHaveText('asks first · yes 70 %');
    await expect(yes).toHaveAttribute('aria-valuetext', 'about 7 in 10 examples (70 %)');
    await tidy(page);
    await ins.getByRole('heading', { name: 'Confirmation' }).scrollIntoViewIfNeeded();
    await shoot(page, 'behaviours-confirm');
  });

  test('reply variants: added, moved, each with its condition and phrasings', async ({ page }) => {
    await openExample(page, TASK_REMINDERS, 'Task reminders');
    const ins = inspector(page);
    const variants = ins.getByRole('list', { name: 'Reply variants' });
    await expect(variants.getByRole('listitem')).toHaveCount(6);
    await expect(variants.getByRole('listitem', { name: 'Variant 6' })).toContainText('Otherwise (no condition)');
    await ins.getByRole('button', { name: 'Add variant', exact: true }).click();
    await expect(variants.getByRole('listitem')).toHaveCount(7);
    // Added before the fallback, which stays last.
    const added = variants.getByRole('listitem', { name: 'Variant 6' });
    await expect(added.getByRole('combobox', { name: 'Variant 6 condition: kind' })).toHaveValue('ran');
    await typeInto(page, added.getByRole('textbox', { name: 'Variant 6 phrasing 1' }), 'I set {remind.length} reminders.', 'Tab');
    await ins.getByRole('button', { name: 'Move variant 6 up' }).click();
    await expect(variants.getByRole('listitem', { name: 'Variant 5' }).getByRole('textbox', { name: 'Variant 5 phrasing 1' })).toHaveValue(
      'I set {remind.length} reminders.',
    );
    await variants.getByRole('listitem', { name: 'Variant 5' }).scrollIntoViewIfNeeded();
    await shoot(page, 'behaviours-reply-variants');
    await ins.getByRole('button', { name: 'Remove variant 5' }).click();
    await expect(variants.getByRole('listitem')).toHaveCount(6);
  });

  test('the reference picker keeps a hand-typed reference and offers every list step', async ({ page }) => {
    await openExample(page, TASK_REMINDERS, 'Task reminders');
    await selectCall(page, 'remind');
    const ins = inspector(page);
    await ins.getByRole('combobox', { name: 'Run once for each element of' }).selectOption('');
    await expect(callNode(page, 'remind').locator('.call-strip-each')).toHaveCount(0);
    await ins.getByRole('combobox', { name: 'Kind of task_id' }).selectOption('reference');
    const picker = ins.getByRole('combobox', { name: 'Reference for task_id' });
    await picker.focus();
    await page.keyboard.type('{tasks.tasks[1].task_id}');
    const list = ins.getByRole('listbox', { name: 'Result fields for task_id' });
    await expect(list.getByRole('option').first()).toHaveText(/^\{tasks\.tasks\[1\]\.task_id\}/);
    await page.keyboard.press('Enter');
    await expect(picker).toHaveValue('{tasks.tasks[1].task_id}');
    // Left by Tab, a typed reference is kept too.
    await picker.focus();
    await page.keyboard.type('tasks.tasks[-1].task_id');
    await page.keyboard.press('Tab');
    await expect(picker).toHaveValue('{tasks.tasks[-1].task_id}');
    // One that does not exist stays in the field with the reason, until Escape.
    await picker.focus();
    await page.keyboard.type('tasks.tasks[0].nope');
    await page.keyboard.press('Tab');
    await expect(picker).toHaveValue('tasks.tasks[0].nope');
    await expect(ins.getByText(/Not used: \{tasks\.tasks\[0\]\.nope\}: .*no field "nope"/)).toBeVisible();
    await picker.focus();
    await page.keyboard.press('Escape');
    await expect(picker).toHaveValue('{tasks.tasks[-1].task_id}');

    // The list step: every step the core knows, min/max by each comparable field.
    const step = ins.getByRole('combobox', { name: 'Element of tasks.tasks for task_id' });
    await expect(step).toHaveValue('[-1]');
    const steps = await step.locator('option').allTextContents();
    expect(steps).toEqual(
      expect.arrayContaining([
        'the first [0]',
        'the second [1]',
        'the last [-1]',
        'every one (a list) [*]',
        'the smallest due_date [min:due_date]',
        'the largest due_date [max:due_date]',
      ]),
    );
    await step.selectOption('[min:due_date]');
    await expect(picker).toHaveValue('{tasks.tasks[min:due_date].task_id}');
    await expect(canvas(page).getByRole('group', { name: 'remind.task_id ← {tasks.tasks[min:due_date].task_id}' })).toHaveCount(1);
    await shoot(page, 'behaviours-reference-steps');
  });
});
