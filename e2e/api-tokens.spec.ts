import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { de } from '../renderer/i18n/catalogue/de.ts';
import { expectNoEnglish } from './english-left.ts';
import { createSpace, expect, newPage, test } from './fixtures.ts';

// Access tokens end to end: Ada makes a token in her account menu, a script
// (this test, with fetch) reads her note as Markdown and appends to it, the
// appended text shows up live in her open editor, and once she revokes the
// token the next call is refused. Hedy, the demo admin, manages a service
// account in the Admin view. Both views are axe-clean; in German, the tokens
// dialog shows no English.

/**
 * axe-core on the open dialog only, in both themes: serious or critical
 * findings fail. Scoped because the page behind the modal is judged by
 * e2e/a11y.spec.ts; here only what this feature adds is.
 */
async function expectDialogAccessible(page: Page, view: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const results = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
    const blocking = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect.soft(blocking, `${view} (${scheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a personal token reads and appends to a note live, and is refused once revoked', async ({
  openAs,
  stack,
}) => {
  test.setTimeout(240_000);
  const api = stack.relayUrl.replace(/^ws/, 'http');
  const ada = await openAs({ as: 'Ada' });
  const { page } = ada;
  const spaceId = await createSpace(ada, 'Release notes');
  const noteId = await newPage(ada, 'Status');
  await expect(ada.editor).toHaveAttribute('contenteditable', 'true');
  await ada.editor.click();
  await page.keyboard.type('Hello from Ada');

  await page.getByRole('button', { name: `Account: ${ada.employee.name}` }).click();
  await page.getByRole('button', { name: 'Access tokens' }).click();
  const dialog = page.getByRole('dialog', { name: 'Access tokens' });
  await expect(dialog).toContainText('No access tokens yet.');
  await dialog.getByRole('textbox', { name: 'Name' }).fill('release script');
  await dialog.getByRole('checkbox', { name: /^Write/ }).check();
  await dialog.getByRole('combobox', { name: 'Expires' }).selectOption('d30');
  await dialog.getByRole('button', { name: 'Create token' }).click();
  const secretBox = dialog.getByRole('textbox', { name: 'Token' });
  await expect(secretBox).toHaveValue(/^cpat_/);
  const secret = await secretBox.inputValue();
  await expect(dialog.getByRole('button', { name: 'Copy' })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /release script/ })).toContainText('Read, Write');
  await expectDialogAccessible(page, 'access tokens dialog');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(secretBox).toBeHidden();

  const headers = { authorization: `Bearer ${secret}` };
  const note = `${api}/api/spaces/${spaceId}/notes/${noteId}`;
  await expect
    .poll(async () => (await fetch(`${note}/markdown`, { headers })).text())
    .toContain('Hello from Ada');
  const markdown = await fetch(`${note}/markdown`, { headers });
  expect(markdown.headers.get('content-type')).toContain('text/markdown');

  const appended = await fetch(`${note}/append`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ markdown: '## Deployed\n\nBuild **42** is live.' }),
  });
  expect(appended.status).toBe(200);
  // Live in the editor Ada has open, formatted.
  await expect(ada.editor.getByRole('heading', { name: 'Deployed' })).toBeVisible();
  await expect(ada.editor.locator('strong', { hasText: '42' })).toBeVisible();
  // The list now says the token was used.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: `Account: ${ada.employee.name}` }).click();
  await page.getByRole('button', { name: 'Access tokens' }).click();
  const row = dialog.getByRole('row', { name: /release script/ });
  await expect(row).not.toContainText('not yet');

  await row.getByRole('button', { name: 'Revoke release script' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Token “release script” revoked.');
  await expect(dialog).toContainText('No access tokens yet.');
  const refused = await fetch(`${note}/markdown`, { headers });
  expect(refused.status).toBe(401);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // In German, the dialog shows no English.
  await page.getByRole('button', { name: `Account: ${ada.employee.name}` }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.getByRole('button', { name: de.tokens.menu }).click();
  const german = page.getByRole('dialog', { name: de.tokens.title });
  await german.getByRole('textbox', { name: de.tokens.name }).fill('Skript');
  await german.getByRole('button', { name: de.tokens.create }).click();
  await expect(german.getByRole('textbox', { name: de.tokens.secret })).toHaveValue(/^cpat_/);
  await expectNoEnglish(german, 'access tokens dialog');
});

test('an admin creates, assigns, rotates and revokes a service account', async ({ openAs }) => {
  test.setTimeout(240_000);
  const hedy = await openAs({ as: 'Hedy' });
  const { page } = hedy;
  await createSpace(hedy, 'Imports');
  await page.getByRole('button', { name: 'Account: Hedy Lamarr' }).click();
  await page.getByRole('button', { name: 'Admin' }).click();
  const admin = page.getByRole('dialog', { name: 'Administration' });
  await admin.getByRole('tab', { name: 'Service accounts' }).click();
  await expect(admin).toContainText('No service accounts yet.');
  await admin.getByRole('textbox', { name: 'Name' }).fill('Importer');
  await admin.getByRole('checkbox', { name: /^Write/ }).check();
  await admin.getByRole('button', { name: 'Create service account' }).click();
  const secretBox = admin.getByRole('textbox', { name: 'Token' });
  await expect(secretBox).toHaveValue(/^cpat_/);
  const first = await secretBox.inputValue();
  const row = admin.getByRole('row', { name: /Importer/ });
  await expect(row).toContainText('service:');

  await admin.getByRole('combobox', { name: 'Space' }).selectOption({ label: 'Imports' });
  await admin.getByRole('combobox', { name: 'Role' }).selectOption('viewer');
  await admin.getByRole('button', { name: 'Save' }).click();
  await expect(admin.getByRole('status').first()).toContainText('Saved: “Importer” in Imports.');
  await expectDialogAccessible(page, 'admin service accounts tab');

  await row.getByRole('button', { name: 'New token for Importer' }).click();
  await expect(secretBox).not.toHaveValue(first);
  await expect(secretBox).toHaveValue(/^cpat_/);
  await expect(admin).toContainText('the old one no longer works');
  await row.getByRole('button', { name: 'Revoke Importer' }).click();
  await expect(admin).toContainText('Service account “Importer” revoked.');
  await expect(admin).toContainText('No service accounts yet.');
});
