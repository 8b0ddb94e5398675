import { createSpace, expect, newPage, test, type Person } from './fixtures.ts';

// End to end in Chromium: a person writes in two notes of two
// spaces, finds both with Ctrl+K by their content (space and snippet shown),
// opens one; with the relay stopped the search still answers, from the local
// index alone.

async function write(person: Person, ...lines: string[]): Promise<void> {
  await expect(person.editor).toHaveAttribute('contenteditable', 'true');
  await person.editor.click();
  for (const [i, line] of lines.entries()) {
    if (i > 0) await person.page.keyboard.press('Enter');
    await person.page.keyboard.type(line);
  }
  await expect(person.editor).toContainText(lines.at(-1) ?? '');
}

async function openPalette(person: Person) {
  await person.page.keyboard.press('Control+K');
  const dialog = person.page.getByRole('dialog', { name: 'Search notes' });
  await expect(dialog).toBeVisible();
  const input = dialog.getByRole('combobox', { name: 'Search notes' });
  await expect(input).toBeFocused();
  return { dialog, input };
}

test('Ctrl+K finds notes of two spaces by content, opens one, and works offline', async ({
  openAs,
  stack,
}) => {
  test.setTimeout(120_000);
  const ada = await openAs({ as: 'Ada' });
  const { page } = ada;

  const engineering = await createSpace(ada, 'Engineering');
  await write(ada, 'Kickoff agenda', 'The zeppelin budget is approved');
  await createSpace(ada, 'Operations');
  const hangarId = await newPage(ada, 'Hangar plans');
  await write(ada, 'Zeppelin hangar inspection on Tuesday');

  // Back in the first space, so that opening a result has somewhere to go.
  await page.getByRole('link', { name: /Engineering/ }).click();
  await expect(ada.editor).toContainText('zeppelin budget');

  const { dialog, input } = await openPalette(ada);
  await input.fill('zeppel');
  const options = dialog.getByRole('option');
  await expect(options).toHaveCount(2);
  const budget = options.filter({ hasText: 'Kickoff agenda' });
  await expect(budget).toContainText('Engineering');
  await expect(budget.locator('mark').first()).toHaveText(/zeppelin/i);
  const hangar = options.filter({ hasText: 'Hangar plans' });
  await expect(hangar).toContainText('Operations');
  await expect(hangar.locator('.search-palette__snippet')).toContainText('hangar inspection');

  // Arrow to the hangar note and open it with Enter.
  if ((await hangar.getAttribute('aria-selected')) !== 'true') await input.press('ArrowDown');
  await expect(hangar).toHaveAttribute('aria-selected', 'true');
  await input.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(ada.editor).toContainText('hangar inspection on Tuesday');
  const url = new URL(page.url());
  expect(url.searchParams.get('note')).toBe(hangarId);
  expect(url.searchParams.get('space')).not.toBe(engineering);

  // The relay goes away: the index is local, so search still answers.
  await stack.stopRelay();
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveAttribute(
    'data-state',
    'offline',
  );
  const offline = await openPalette(ada);
  await offline.input.fill('budget approved');
  await expect(offline.dialog.getByRole('option')).toHaveCount(1);
  await expect(offline.dialog.getByRole('option')).toContainText('Engineering');
  await offline.input.press('Escape');
  await expect(offline.dialog).toBeHidden();

  // And after a reload with the relay still down: from the persisted index.
  page.on('dialog', (d) => void d.accept()); // "unsynced changes" warning, if any
  await page.reload();
  await expect(page.getByRole('button', { name: `Account: ${ada.employee.name}` })).toBeVisible();
  const cold = await openPalette(ada);
  await cold.input.fill('zeppelin');
  await expect(cold.dialog.getByRole('option')).toHaveCount(2);
});
