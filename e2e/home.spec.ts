import { createSpace, employee, expect, newPage, share, test } from './fixtures.ts';

// Home is where the app opens: recent notes, notes changed since I last
// looked and by whom, my open action items and upcoming meetings.

test('Home lists recent notes, what Grace changed since Ada looked (by Grace), and Ada’s meetings', async ({
  openAs,
  stack,
}) => {
  // Two people and a background sync on a shared machine: a guard against hangs, not a speed limit.
  test.setTimeout(240_000);
  const ada = await openAs({ as: 'Ada' });
  const { page } = ada;
  // Without a link, the app opens Home.
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Places' }).getByRole('link', { name: 'Home' }),
  ).toHaveAttribute('aria-current', 'page');
  expect(new URL(page.url()).search).toBe('');

  const spaceId = await createSpace(ada, 'Studio');
  const planId = await newPage(ada, 'Plan');
  await ada.editor.click();
  await page.keyboard.type('First draft');
  await page.getByRole('button', { name: 'New meeting note' }).click();
  const form = page.getByRole('dialog', { name: 'New meeting note' });
  await form.getByLabel('Title').fill('Design review');
  await form.getByRole('button', { name: 'Create meeting note' }).click();
  await expect(ada.editor.locator('h1')).toHaveText('Design review');

  const home = page.getByRole('navigation', { name: 'Places' }).getByRole('link', { name: 'Home' });
  await home.click();
  // Newest first; the space's home note was the first one open.
  await expect(page.getByRole('list', { name: 'Recent notes' }).getByRole('link')).toHaveText([
    'Design review',
    'Plan',
    'Home',
  ]);
  await expect(page.getByRole('list', { name: 'Upcoming meetings' })).toContainText(
    'Design review',
  );
  await expect(
    page.getByText('Nothing changed in your notes since you last looked.'),
  ).toBeVisible();

  // Grace edits Plan while Ada is on Home.
  const grace = await openAs({ as: 'Grace' });
  await share(stack, ada, spaceId, employee('Grace'), 'editor');
  await grace.page.goto(new URL(`?space=${spaceId}&note=${planId}`, grace.page.url()).toString());
  await expect(grace.editor).toHaveAttribute('contenteditable', 'true');
  await grace.editor.click();
  await grace.page.keyboard.press('End');
  await grace.page.keyboard.type(', reviewed');
  await expect(grace.page.getByRole('status', { name: 'Sync status' })).toContainText(
    'All changes synced',
  );

  // Home reads its lists again while shown (the timeout guards against a hang only).
  const changed = page.getByRole('list', { name: 'Changed since you last looked' });
  await expect(changed).toContainText('by Grace Hopper', { timeout: 45_000 });
  await expect(changed.getByRole('listitem')).toHaveCount(1);
  await expect(changed.getByRole('listitem')).toContainText('Plan');
  await expect(changed.getByRole('listitem')).toContainText('by Grace Hopper');

  // Each entry opens its note; once looked at, it is no longer "changed".
  await changed.getByRole('link', { name: 'Plan' }).click();
  await expect(page).toHaveURL(new RegExp(`note=${planId}`));
  await expect(ada.editor).toContainText('First draft, reviewed');
  await home.click();
  await expect(
    page.getByText('Nothing changed in your notes since you last looked.'),
  ).toBeVisible();
});
