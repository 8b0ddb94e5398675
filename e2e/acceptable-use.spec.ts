import { de } from '../renderer/i18n/catalogue/de.ts';
import { expectAccessible } from './axe.ts';
import { expectNoEnglish } from './english-left.ts';
import { createSpace, employee, expect, share, test } from './fixtures.ts';

// The acceptable-use policy: an admin (Hedy, the dev IdP's demo admin)
// publishes it in the Admin view's Policies tab; someone already editing is
// stopped at once and shown it; someone signing in sees it first and cannot
// type until they accept. The relay refuses their edits meanwhile.

const POLICY = 'Be kind to each other.\n\nNo secrets in shared spaces.';

test('people accept the published policy before they can edit; a new version asks again', async ({
  openAs,
  stack,
}) => {
  test.setTimeout(300_000);
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Handbook');
  await ada.editor.click();
  await ada.page.keyboard.type('Rules apply');
  await share(stack, ada, spaceId, employee('Grace'), 'editor');

  // Hedy publishes version 1.
  const hedy = await openAs({ as: 'Hedy' });
  await hedy.page.getByRole('button', { name: 'Account: Hedy Lamarr' }).click();
  await hedy.page.getByRole('button', { name: 'Admin' }).click();
  const admin = hedy.page.getByRole('dialog', { name: 'Administration' });
  await admin.getByRole('tab', { name: 'Policies' }).click();
  await expect(admin).toContainText('No acceptable-use policy is published');
  await admin.getByRole('textbox', { name: 'Policy text (Markdown)' }).fill(POLICY);
  await admin.getByRole('button', { name: 'Publish as version 1' }).click();
  await expect(admin.getByRole('status')).toHaveText('Published as version 1.');
  await expect(admin).toContainText('0 people have accepted version 1.');
  await expectAccessible(hedy.page, 'admin policies tab');
  await admin.getByRole('tab', { name: 'Policies' }).press('Escape');
  // Hedy has not accepted it either: the banner says so and opens the text.
  const hedyBanner = hedy.page
    .getByRole('alert')
    .filter({ hasText: 'Accept the acceptable-use policy' });
  await hedyBanner.getByRole('button', { name: 'Read and accept' }).click();
  await hedy.page
    .getByRole('dialog', { name: 'Acceptable-use policy' })
    .getByRole('button', { name: 'Accept' })
    .click();
  await expect(hedyBanner).toBeHidden();

  // Ada was editing: her note turns read-only at once and the policy shows.
  const adaDialog = ada.page.getByRole('dialog', { name: 'Acceptable-use policy' });
  await expect(adaDialog).toContainText('No secrets in shared spaces.');
  await expect(ada.editor).toHaveAttribute('contenteditable', 'false');
  await expectAccessible(ada.page, 'policy dialog');
  await adaDialog.getByRole('button', { name: 'Accept' }).click();
  await expect(adaDialog).toBeHidden();
  await expect(ada.editor).toHaveAttribute('contenteditable', 'true');
  await ada.editor.click();
  await ada.page.keyboard.press('End');
  await ada.page.keyboard.type(' always');

  // Grace signs in: the policy first; closed unaccepted, she reads but cannot type.
  const grace = await openAs({ as: 'Grace', search: `?space=${spaceId}` });
  const graceDialog = grace.page.getByRole('dialog', { name: 'Acceptable-use policy' });
  await expect(graceDialog).toContainText('Be kind to each other.');
  await grace.page.keyboard.press('Escape');
  await expect(grace.editor).toContainText('Rules apply always');
  const banner = grace.page
    .getByRole('alert')
    .filter({ hasText: 'Accept the acceptable-use policy' });
  await expect(banner).toBeVisible();
  await expectAccessible(grace.page, 'policy banner');
  await expect(grace.editor).toHaveAttribute('contenteditable', 'false');
  await grace.editor.click({ force: true });
  await grace.page.keyboard.type('sneaky');
  await expect(grace.editor).not.toContainText('sneaky');

  // From the keyboard: the banner's button, then Accept.
  await banner.getByRole('button', { name: 'Read and accept' }).focus();
  await grace.page.keyboard.press('Enter');
  await graceDialog.getByRole('button', { name: 'Accept' }).focus();
  await grace.page.keyboard.press('Enter');
  await expect(banner).toBeHidden();
  await expect(grace.editor).toHaveAttribute('contenteditable', 'true');
  await grace.editor.click();
  await grace.page.keyboard.press('End');
  await grace.page.keyboard.type(', Grace agrees');
  await expect(ada.editor).toContainText('Rules apply always, Grace agrees');
  await expect(ada.editor).not.toContainText('sneaky');

  // Version 2: Grace, still on the note, must accept again (in German here).
  await grace.page.getByRole('button', { name: 'Account: Grace Hopper' }).click();
  await grace.page.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await grace.page.keyboard.press('Escape');
  await hedy.page.getByRole('button', { name: 'Account: Hedy Lamarr' }).click();
  await hedy.page.getByRole('button', { name: 'Admin' }).click();
  await admin.getByRole('tab', { name: 'Policies' }).click();
  await expect(admin).toContainText('3 people have accepted version 1.');
  await admin
    .getByRole('textbox', { name: 'Policy text (Markdown)' })
    .fill(`${POLICY}\n\nVersion two.`);
  await admin.getByRole('button', { name: 'Publish as version 2' }).click();
  await expect(admin.getByRole('status')).toHaveText('Published as version 2.');

  const graceAgain = grace.page.getByRole('dialog', { name: de.policy.title });
  await expect(graceAgain).toContainText('Version two.');
  await expectNoEnglish(graceAgain.getByRole('paragraph').first(), 'policy dialog');
  await expect(grace.editor).toHaveAttribute('contenteditable', 'false');
  await graceAgain.getByRole('button', { name: de.policy.accept }).click();
  await expect(grace.editor).toHaveAttribute('contenteditable', 'true');
});
