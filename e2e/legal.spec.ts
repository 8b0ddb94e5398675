import { de } from '../renderer/i18n/catalogue/de.ts';
import { expectAccessible } from './axe.ts';
import { expectNoEnglish } from './english-left.ts';
import { expect, test } from './fixtures.ts';

// The admin console's Legal tab against a real relay: a company admin sets
// the retention, places a hold on a space, downloads its eDiscovery zip and
// releases it; the tab is axe-clean.

test('a company admin sets retention, places, exports and releases a legal hold', async ({
  openAs,
  stack,
}) => {
  // Hedy has no space of her own, so no note is open behind the dialog: axe judges the tab.
  const hedy = await openAs({ as: 'Hedy' });
  const { page } = hedy;
  await page.getByRole('button', { name: /^Account: Hedy/ }).click();
  await page.getByRole('button', { name: 'Admin' }).click();
  const dialog = page.getByRole('dialog', { name: 'Administration' });
  await dialog.getByRole('tab', { name: 'Legal' }).click();
  await expect(dialog.getByRole('heading', { name: 'Legal holds' })).toBeVisible();
  await expectAccessible(page, 'admin: Legal');

  const company = dialog.getByRole('group', { name: 'Company default' });
  await company.getByRole('textbox', { name: 'Days in the trash' }).fill('30');
  await company.getByRole('textbox', { name: 'Days of history' }).fill('365');
  await company.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Retention saved.');

  // A space made elsewhere (by REST); the tab reads spaces again when shown again.
  const created = await fetch(`${stack.relayUrl.replace(/^ws/, 'http')}/api/spaces`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${await hedy.accessToken()}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ name: 'Deals' }),
  });
  expect(created.status).toBe(201);
  await dialog.getByRole('tab', { name: 'People' }).click();
  await dialog.getByRole('tab', { name: 'Legal' }).click();
  await dialog.getByRole('textbox', { name: 'Case name' }).fill('Acme v. Us');
  const spaces = dialog.getByRole('combobox', { name: 'Space' });
  await spaces.last().selectOption({ label: 'Deals' });
  await dialog.getByRole('button', { name: 'Place hold' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Hold “Acme v. Us” placed.');
  const row = dialog.getByRole('row', { name: /Acme v\. Us/ });
  await expect(row.getByRole('cell', { name: 'Active' })).toBeVisible();

  const download = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Export the notes of “Acme v. Us”' }).click();
  expect((await download).suggestedFilename()).toMatch(/^ediscovery-.+\.zip$/);

  await row.getByRole('button', { name: 'Release hold “Acme v. Us”' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Hold “Acme v. Us” released.');
  await expect(row.getByRole('cell', { name: /^Released / })).toBeVisible();
});

test('in German the Legal tab shows no English', async ({ browser, stack }) => {
  const context = await browser.newContext({ locale: 'de-DE' });
  try {
    const page = await context.newPage();
    await page.goto(stack.web.url);
    await page.getByRole('button', { name: de.signIn.button }).click();
    await page.getByRole('button', { name: /Hedy Lamarr/ }).click();
    await page
      .getByRole('button', { name: de.account.label.replace('{{name}}', 'Hedy Lamarr') })
      .click();
    await page.getByRole('button', { name: de.admin.menu }).click();
    const dialog = page.getByRole('dialog', { name: de.admin.title });
    await dialog.getByRole('tab', { name: de.admin.tabs.legal }).click();
    await expect(dialog.getByRole('heading', { name: de.admin.legal.holds })).toBeVisible();
    await expectNoEnglish(dialog, 'admin: Legal');
  } finally {
    await context.close();
  }
});
