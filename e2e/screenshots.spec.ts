import type { Page } from '@playwright/test';
import { createSpace, employee, expect, newPage, share, test } from './fixtures.ts';

// Review artefacts, not comparisons: every main view in light and dark at
// two window sizes, written to the test's output directory for people to
// look at. The assertions only check that each view is the one named.

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

async function capture(page: Page, name: string, outputPath: (file: string) => string) {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.screenshot({
        path: outputPath(`${name}-${scheme}-${size.width}x${size.height}.png`),
      });
    }
  }
  await page.setViewportSize(SIZES[0]);
}

test('every main view in light and dark at 1280×720 and 1920×1080', async ({
  openAs,
  stack,
}, testInfo) => {
  test.setTimeout(240_000);
  const out = (file: string) => testInfo.outputPath(file);
  const ada = await openAs({ as: 'Ada' });
  const { page } = ada;
  const spaceId = await createSpace(ada, 'Product');
  const grace = employee('Grace');
  await share(stack, ada, spaceId, grace, 'editor');

  await newPage(ada, 'Roadmap');
  await newPage(ada, 'Launch plan', 'Roadmap');
  await page.getByRole('button', { name: 'New meeting note' }).click();
  const form = page.getByRole('dialog', { name: 'New meeting note' });
  await form.getByLabel('Title').fill('Weekly sync');
  await form.getByRole('button', { name: 'Create meeting note' }).click();
  await expect(ada.editor.locator('h1')).toHaveText('Weekly sync');
  await expect(ada.editor).toHaveAttribute('contenteditable', 'true');
  const item = ada.editor.locator('ul[data-type="taskList"] > li').first();
  await item.locator('p').first().click();
  await page.keyboard.type('Send the minutes');
  await item.getByRole('button', { name: 'Assign', exact: true }).click();
  const popover = page.getByRole('dialog', { name: 'Action item' });
  await popover.getByLabel('Find a person to assign').fill('Ada');
  await popover.getByRole('button', { name: /^Assign to Ada/ }).click();
  await expect(popover).toBeHidden();

  // A comment on the title's first word, so the margin shows.
  await ada.editor.locator('h1').click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  const draft = page.getByRole('region', { name: 'New comment' });
  await draft.getByRole('textbox', { name: 'Comment' }).fill('Can we move this to Thursday?');
  await draft.getByRole('button', { name: 'Comment' }).click();
  await expect(draft).toBeHidden();
  await page.mouse.click(5, 700);
  await capture(page, 'note', out);

  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search notes' }).fill('sync');
  await capture(page, 'search', out);
  await page.keyboard.press('Escape');

  await page
    .getByRole('navigation', { name: 'Places' })
    .getByRole('link', { name: 'My action items' })
    .click();
  await expect(
    page.getByRole('list', { name: 'My action items' }).getByRole('listitem'),
  ).toContainText(['Send the minutes']);
  await capture(page, 'action-items', out);

  await page
    .getByRole('navigation', { name: 'Places' })
    .getByRole('link', { name: 'Inbox' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await capture(page, 'inbox', out);

  await page
    .getByRole('navigation', { name: 'Places' })
    .getByRole('link', { name: 'Home' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Recent notes' })).toContainText('Weekly sync');
  await expect(page.getByRole('list', { name: 'Upcoming meetings' })).toContainText('Weekly sync');
  await capture(page, 'home', out);

  await page.getByRole('link', { name: /Product/ }).click();
  await page.getByRole('button', { name: 'Members' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await capture(page, 'members', out);
  await page.keyboard.press('Escape');
});
