import { writeFileSync } from 'node:fs';
import { acceptReplace, openFile } from './support/designer.ts';
import { generateDesign } from './perf/generateDesign.ts';
import { expect, test } from './support/test.ts';

/** The preview of a long example draws its first messages, and more as the conversation is scrolled. */

test.use({ designer: 'example' });

test('a 300-call example: the first 60 messages, then more as the end comes into view, then the rest', async ({ page }, info) => {
  const file = info.outputPath('long.chain.json');
  writeFileSync(file, JSON.stringify(generateDesign(300, 10)));
  await openFile(page, file);
  await acceptReplace(page);
  await expect(page.locator('[data-id="c0"]')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('tab', { name: 'Preview' }).click();
  const conversation = page.getByRole('list', { name: 'Conversation' });
  const messages = conversation.locator(':scope > li.message');
  // 30 turns of 10 calls: a request, 30 call turns, 300 results, the reply.
  await expect(messages).toHaveCount(60, { timeout: 15_000 });
  const more = conversation.getByRole('button', { name: /^Show 200 more messages$/ });
  await expect(conversation).toContainText('60 of 332 drawn');
  await more.scrollIntoViewIfNeeded();
  await expect(messages).toHaveCount(260);
  // The button (for the keyboard) says what is left; bringing it into view draws the rest.
  await conversation.getByRole('button', { name: /^Show 72 more messages$/ }).scrollIntoViewIfNeeded();
  await expect(messages).toHaveCount(332);
  await expect(messages.last()).toHaveAttribute('aria-label', /reply/i);
  await expect(conversation.getByRole('button', { name: /more messages/ })).toHaveCount(0);
});
