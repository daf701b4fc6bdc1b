import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/test.ts';

/**
 * The tool library's editing UI: import, the Monaco editor (lazy, local, never applying an
 * invalid definition), renames that move calls, deleting a used tool, the audit.
 * The app opens the room-booking example on a first visit.
 */

const MCP_FILE = fileURLToPath(new URL('./fixtures/tools-mcp-list.json', import.meta.url));

const library = (page: Page) => page.getByRole('list', { name: 'Tool library' });
const libraryTool = (page: Page, name: string, effect: string) => library(page).getByRole('listitem', { name: `${name}, ${effect}` });
const editorDialog = (page: Page) => page.getByRole('dialog', { name: /^Edit tool/ });
const resultHandle = (page: Page, path: string, callId: string) => page.getByLabel(`Result field ${path} of ${callId}`, { exact: true });

async function openEditor(page: Page, tool: string): Promise<Locator> {
  await page.getByRole('combobox', { name: 'Tool to edit' }).selectOption(tool);
  await page.getByRole('button', { name: 'Edit tool' }).click();
  const dialog = editorDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 15_000 });
  return dialog;
}

/** Replaces the editor's whole text: select all, then paste (a paste event, as the clipboard would send it). */
async function setEditorText(page: Page, dialog: Locator, text: string) {
  await dialog.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  // Sent to the editor's focused input element (an EditContext element in Chromium, a text area elsewhere).
  await page.evaluate((value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test.use({ designer: 'example' });

test.beforeEach(async ({ page }) => {
  await expect(libraryTool(page, 'book_room', 'write')).toBeVisible();
});

test('imports an MCP tools/list file: format named, effects shown, a clash asked, missing returns flagged', async ({ page }) => {
  await page.getByRole('button', { name: 'Import tools' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import tools' });
  await dialog.getByLabel('Tools file').setInputFiles(MCP_FILE);
  await expect(dialog.getByRole('status')).toContainText('Detected MCP tools/list result in tools-mcp-list.json: 4 tools');
  const incoming = dialog.getByRole('list', { name: 'Tools to import' });
  await expect(incoming.getByRole('listitem', { name: 'search_documents, read' })).toBeVisible();
  await expect(incoming.getByRole('listitem', { name: 'archive_document, write, no returns schema' })).toBeVisible();
  await expect(incoming.getByRole('listitem', { name: 'purge_workspace, destructive, no returns schema' })).toBeVisible();
  // get_team_members exists in the project, with another definition: the user chooses.
  const clash = incoming.getByRole('listitem', { name: /^get_team_members/ }).getByRole('group');
  await expect(clash).toContainText('The project already has get_team_members (a different definition)');
  await clash.getByRole('radio', { name: /^Keep both \(import as get_team_members_2\)/ }).check();
  await dialog.getByRole('button', { name: 'Import 4 tools' }).click();
  await expect(dialog).toBeHidden();
  // The three imported without a result schema are offered "Result schemas" (e2e/returns-dialog.spec.ts); not now.
  const returns = page.getByRole('dialog', { name: 'Result schemas' });
  await expect(returns).toContainText('3 imported tools have no result schema');
  await returns.getByRole('button', { name: 'Close' }).click();
  await expect(returns).toBeHidden();

  await expect(libraryTool(page, 'search_documents', 'read')).toBeVisible();
  await expect(libraryTool(page, 'archive_document', 'write')).toBeVisible();
  await expect(libraryTool(page, 'purge_workspace', 'destructive')).toBeVisible();
  await expect(libraryTool(page, 'get_team_members_2', 'read')).toBeVisible();
  await expect(libraryTool(page, 'get_team_members', 'read')).toBeVisible();
  await expect(library(page).getByRole('listitem')).toHaveCount(8);

  // The audit flags the tools imported without a result schema.
  await page.getByRole('button', { name: /^Audit [A-F]$/ }).click();
  const audit = page.getByRole('dialog', { name: 'Tool audit' });
  await expect(audit.getByRole('listitem', { name: /^archive_document: grade/ })).toContainText('returns-missing');
});

test('a 4.5 MB list of 4 600 tools is read off the page, and listed as it is scrolled', async ({ page }, info) => {
  const file = info.outputPath('many-tools.json');
  const many: object[] = Array.from({ length: 4600 }, (_, i) => ({
    type: 'function',
    function: {
      name: `tool_${i}`,
      description: `Looks up record ${i} of the archive. `.repeat(4),
      parameters: {
        type: 'object',
        properties: { id: { type: 'string', description: 'The record id.' }, limit: { type: 'integer', minimum: 1 } },
        required: ['id'],
      },
    },
  }));
  // book_room clashes with the project's own tool: it is listed first, where its question is seen.
  many.push({
    type: 'function',
    function: { name: 'book_room', description: 'Another booking tool.', parameters: { type: 'object', properties: {}, required: [] } },
  });
  writeFileSync(file, JSON.stringify(many, null, 2));
  await page.getByRole('button', { name: 'Import tools' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import tools' });
  await dialog.getByLabel('Tools file').setInputFiles(file);
  await expect(dialog.getByRole('status').filter({ hasText: 'Detected OpenAI tools in many-tools.json: 4601 tools.' })).toBeVisible({ timeout: 20_000 });
  const list = dialog.getByRole('list', { name: 'Tools to import' });
  const items = list.locator('.tool-import-item');
  await expect(items).toHaveCount(100);
  await expect(items.first()).toHaveAccessibleName(/^book_room,/);
  await expect(items.first().getByRole('group')).toContainText('The project already has book_room');
  const end = list.getByText('100 of 4,601 tools listed; more are listed as you scroll.');
  await end.scrollIntoViewIfNeeded();
  await expect(items).toHaveCount(500);
  // Every tool is imported, listed or not (book_room is kept beside the project's, as its default says).
  await expect(dialog.getByRole('button', { name: 'Import 4601 tools' })).toBeEnabled();
});

test('refuses malformed input, naming the place, and leaves the project unchanged', async ({ page }) => {
  await page.getByRole('button', { name: 'Import tools' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import tools' });
  const paste = dialog.getByLabel('Or paste JSON');

  await paste.fill('{"tools": [{"name": "x", "inputSchema": {"type": "object", "__proto__": {"polluted": true}}}]}');
  await dialog.getByRole('button', { name: 'Read pasted text' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Nothing imported from the pasted text');
  await expect(dialog.getByRole('list', { name: 'Import problems' })).toContainText('$.tools[0].inputSchema.__proto__');

  await paste.fill('[{"type": "function", "function": {"name": "ok_tool", "parameters": {"type": "string"}}}]');
  await dialog.getByRole('button', { name: 'Read pasted text' }).click();
  await expect(dialog.getByRole('list', { name: 'Import problems' })).toContainText('$[0].function.parameters.type');
  await expect(dialog.getByRole('list', { name: 'Import problems' })).toContainText('object schema');

  await paste.fill('{"tools": [ {"name": "a", }');
  await dialog.getByRole('button', { name: 'Read pasted text' }).click();
  await expect(dialog.getByRole('list', { name: 'Import problems' })).toContainText(
    /Line 1, column 27 · \$.*not valid JSON: expected a property name in double quotes, found "}"/,
  );

  // A 50 MB paste is refused before it is parsed (and never fills the text area).
  await paste.fill('');
  await paste.evaluate((el: HTMLTextAreaElement) => {
    const data = new DataTransfer();
    data.setData('text/plain', `[${'0,'.repeat(25 * 1024 * 1024)}0]`);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(dialog.getByRole('list', { name: 'Import problems' })).toContainText('is 50 MB, more than the 5 MB limit');
  await expect(paste).toHaveValue('');
  await expect(dialog.getByRole('button', { name: /^Import \d/ })).toHaveCount(0);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(library(page).getByRole('listitem')).toHaveCount(4);
});

test('Monaco: broken JSON is never applied; the fixed definition updates the canvas handles; nothing leaves the origin', async ({ page, watched }) => {
  const before = watched.requests.length;
  const dialog = await openEditor(page, 'book_room');
  const loadMs = await page.evaluate(() => performance.getEntriesByName('tool-editor:monaco-load')[0]?.duration ?? -1);
  console.log(`Monaco editor opened in ${Math.round(loadMs)} ms`);
  expect(loadMs).toBeGreaterThan(0);
  // Monaco came from the origin: its chunk, CSS, workers and codicon font.
  const loaded = watched.requests.slice(before);
  expect(loaded.some((u) => /MonacoJsonEditor-.*\.js$/.test(u))).toBe(true);

  const original = readFileSync(new URL('../public/examples/room-booking.chain.json', import.meta.url), 'utf8');
  const bookRoom = (JSON.parse(original) as { tools: { function: { name: string } }[] }).tools.find((t) => t.function.name === 'book_room') as Record<
    string,
    unknown
  >;

  // Break it: an extra closing brace.
  await setEditorText(page, dialog, `${JSON.stringify(bookRoom, null, 2)}\n}`);
  const problems = dialog.getByRole('list', { name: 'Problems in the definition' });
  await expect(problems).toContainText('not valid JSON');
  await expect(problems).toContainText(/Line \d+/);
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByRole('status')).toContainText('Not applied');
  await expect(dialog).toContainText('not applied; the tool keeps its last applied definition');
  // Escape does not throw the draft away.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('status')).toContainText('Unapplied changes');

  // The old definition is still the one in use.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(resultHandle(page, 'booking_id', 'book')).toBeAttached();
  await expect(resultHandle(page, 'confirmation_code', 'book')).toHaveCount(0);

  // Fix it (with a new result field) and apply: the canvas node gets the new handle.
  const reopened = await openEditor(page, 'book_room');
  await expect(reopened.getByRole('button', { name: 'Apply' })).toBeDisabled();
  const fixed = structuredClone(bookRoom) as { returns: { properties: Record<string, unknown> } };
  fixed.returns.properties.confirmation_code = { type: 'string', description: 'Shown to the guest.' };
  await setEditorText(page, reopened, JSON.stringify(fixed, null, 2));
  await expect(reopened.getByText('Changed · not applied')).toBeVisible();
  await reopened.getByRole('button', { name: 'Apply' }).click();
  await expect(reopened.getByRole('status')).toContainText('Applied.');
  await reopened.getByRole('button', { name: 'Close' }).click();
  await expect(resultHandle(page, 'confirmation_code', 'book')).toBeAttached();
  await expect(resultHandle(page, 'booking_id', 'book')).toBeAttached();
});

test('Monaco validates against the tool schema; Revert restores the applied definition', async ({ page }) => {
  const dialog = await openEditor(page, 'send_invites');
  await setEditorText(
    page,
    dialog,
    '{"type": "function", "function": {"name": "send invites!", "parameters": {"type": "object", "properties": {}}}, "effect": "maybe"}',
  );
  const problems = dialog.getByRole('list', { name: 'Problems in the definition' });
  await expect(problems).toContainText('$.function.name');
  await expect(problems).toContainText('$.effect');
  // Monaco's own schema diagnostics (markers) are drawn in the editor.
  await expect(dialog.locator('.monaco-editor .squiggly-error').first()).toBeAttached();
  await dialog.getByRole('button', { name: 'Revert' }).click();
  await expect(dialog.getByText('Applied', { exact: true })).toBeVisible();
  await expect(problems).toHaveCount(0);
  await expect(dialog.locator('.monaco-editor .view-lines')).toContainText('"send_invites"');

  // Completions come from the same schema: the keys of a tool definition, with their descriptions.
  await setEditorText(page, dialog, '{\n  \n}');
  // The paste is applied asynchronously: move the cursor only once the editor shows its three lines.
  await expect(dialog.locator('.monaco-editor .view-line')).toHaveCount(3);
  await expect(dialog.locator('.monaco-editor .view-lines')).not.toContainText('send_invites');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await page.keyboard.press('Control+Space');
  const suggest = dialog.locator('.monaco-editor .suggest-widget');
  await expect(suggest).toContainText('latencyMs');
  await expect(suggest).toContainText('effect');
  await expect(suggest).toContainText('returns');
});

test('infers a returns schema from a sample, to edit and apply', async ({ page }) => {
  const dialog = await openEditor(page, 'get_team_members');
  await dialog.getByRole('tab', { name: 'Returns schema' }).click();
  await dialog.getByText('Infer the returns schema from a sample result').click();
  await dialog
    .getByLabel('Sample result (JSON)')
    .fill('{"team_id": "t_1", "lead_email": "ana@example.com", "members": [{"member_id": "m_1", "joined": "2024-05-01"}]}');
  await dialog.getByRole('button', { name: 'Infer returns schema' }).click();
  await expect(dialog.getByRole('status')).toContainText('inferred from the sample');
  await expect(dialog.getByText('Changed · not applied')).toBeVisible();
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByRole('status')).toContainText('Applied.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(resultHandle(page, 'lead_email', 'team')).toBeAttached();
});

test('rename moves every call; deleting a used tool names the calls and asks', async ({ page }) => {
  const dialog = await openEditor(page, 'book_room');
  const name = dialog.getByRole('textbox', { name: 'Name' });
  await name.fill('reserve_room');
  await name.press('Enter');
  await expect(dialog.getByRole('status')).toContainText('Renamed to reserve_room; 1 call follows: book-and-invite/book');
  await expect(page.getByRole('heading', { name: 'Edit tool reserve_room' })).toBeVisible();

  await dialog.getByRole('button', { name: 'Delete tool' }).click();
  const confirm = dialog.getByRole('alertdialog');
  await expect(confirm).toContainText('reserve_room is used by 1 call');
  await expect(confirm).toContainText('book');
  await confirm.getByRole('button', { name: 'Keep the tool' }).click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(libraryTool(page, 'reserve_room', 'write')).toBeVisible();
  await expect(page.locator('.react-flow__node', { hasText: 'reserve_room' })).toHaveCount(1);
});

test('a finding in the audit opens its tool', async ({ page }) => {
  await page.getByRole('button', { name: 'New tool' }).click();
  const dialog = editorDialog(page);
  await expect(page.getByRole('heading', { name: 'Edit tool new_tool' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: /^Audit [A-F]$/ }).click();
  const audit = page.getByRole('dialog', { name: 'Tool audit' });
  const tool = audit.getByRole('listitem', { name: /^new_tool: grade/ });
  await expect(tool).toContainText('description-missing');
  await tool
    .getByRole('button', { name: /description/i })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'Edit tool new_tool' })).toBeVisible();
});

test('exports the tools as an OpenAI tools array and as a job_description.json', async ({ page }) => {
  await page.getByRole('button', { name: 'Export tools' }).click();
  const [openai] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'OpenAI tools array (tools.json)' }).click()]);
  expect(openai.suggestedFilename()).toBe('tools.json');
  const list = JSON.parse(readFileSync(await openai.path(), 'utf8')) as { type: string; function: { name: string }; returns?: unknown }[];
  expect(list.map((t) => t.function.name)).toEqual(['find_available_rooms', 'get_team_members', 'book_room', 'send_invites']);
  expect(list.every((t) => t.type === 'function' && t.returns === undefined)).toBe(true);

  await page.getByRole('button', { name: 'Export tools' }).click();
  const [job] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'job_description.json' }).click()]);
  const doc = JSON.parse(readFileSync(await job.path(), 'utf8')) as { task_description: string; tools: unknown[] };
  expect(typeof doc.task_description).toBe('string');
  expect(doc.tools).toHaveLength(4);
});
