import { expect, test } from './support/test.ts';

/**
 * The slot editor's Faker method picker (issue 17): a slot made a Faker slot starts with the
 * method its name suggests; the method is picked from a searchable list of the installed
 * Faker's methods, each with a sample, with the keyboard only; an unknown method typed by hand
 * gets an error by the field and is not committed.
 */
test.use({ designer: 'example' });

test('a Faker slot: default by name, picked from the list by keyboard, an unknown method refused by the field', async ({ page }) => {
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const kind = inspector.getByRole('combobox', { name: 'Kind of slot date' });
  await kind.selectOption('fake');

  // `date` → a date method, written as a date; a sample shows what it gives.
  const method = inspector.getByRole('combobox', { name: 'Faker method of date' });
  await expect(method).toHaveValue('date.soon');
  await expect(inspector.getByRole('combobox', { name: 'Write date as' })).toHaveValue('date');
  await expect(inspector.getByText(/^For example: \d{4}-\d\d-\d\d$/)).toBeVisible();

  // Search by keyboard: type, arrow down, Enter.
  await method.click();
  await method.fill('city');
  const list = inspector.getByRole('listbox', { name: 'Faker methods for date' });
  await expect(list).toBeVisible();
  const options = list.getByRole('option');
  await expect(options.first()).toContainText('location.city');
  await expect(method).toHaveAttribute('aria-expanded', 'true');
  await page.screenshot({ path: '/tmp/slot-picker-list.png' });
  const texts = await options.allTextContents();
  const cityAt = texts.findIndex((t) => t.startsWith('location.city'));
  expect(cityAt).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < cityAt; i += 1) await method.press('ArrowDown');
  await expect(method).toHaveAttribute('aria-activedescendant', (await options.nth(cityAt).getAttribute('id')) as string);
  await method.press('Enter');
  await expect(method).toHaveValue('location.city');
  await expect(list).toBeHidden();
  await expect(method).toHaveAttribute('aria-expanded', 'false');
  // A city is not a date: it is written as returned.
  await expect(inspector.getByRole('combobox', { name: 'Write date as' })).toHaveValue('');

  // An unknown method typed by hand: an error by the field, and the slot keeps location.city.
  await method.fill('person.fullname');
  await method.press('Escape'); // closes the list, puts the current method back
  await expect(method).toHaveValue('location.city');
  await method.fill('person.fullname');
  await method.press('Tab');
  const error = inspector.getByRole('alert').filter({ hasText: 'is not a Faker method' });
  await expect(error).toContainText('did you mean person.fullName?');
  await expect(method).toHaveAttribute('aria-invalid', 'true');
  await expect(method).toHaveValue('person.fullname');
  await page.screenshot({ path: '/tmp/slot-picker-error.png' });
  // Nothing was committed: undo goes back past location.city to the date slot.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(method).toHaveValue('date.soon');
});
