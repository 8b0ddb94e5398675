import { createSpace, employee, expect, share, test } from './fixtures.ts';

// A viewer reads the note live but cannot change it,
// and the page says why.

test('a viewer sees the note read-only with the reason, and still sees live edits', async ({
  openAs,
  stack,
}) => {
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Board');
  await ada.editor.click();
  await ada.page.keyboard.type('Minutes of the board');
  await share(stack, ada, spaceId, employee('Katherine'), 'viewer');

  const kat = await openAs({ as: 'Katherine', search: `?space=${spaceId}` });
  await expect(kat.editor).toHaveText('Minutes of the board');
  await expect(kat.page.getByRole('link', { name: /Board/ })).toContainText('Viewer');
  // (The comments panel has a note of its own: name the banner by its text.)
  await expect(
    kat.page.getByRole('note').filter({ hasText: 'Read-only: you are a viewer' }),
  ).toBeVisible();
  await expect(kat.editor).toHaveAttribute('contenteditable', 'false');

  await kat.editor.click({ force: true });
  await kat.page.keyboard.type('vandalism');
  await expect(kat.editor).not.toContainText('vandalism');

  await ada.page.keyboard.type(', approved');
  await expect(kat.editor).toHaveText('Minutes of the board, approved');
  await expect(ada.editor).not.toContainText('vandalism');
});

test('someone outside the space is refused with the reason', async ({ openAs }) => {
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Private');
  const alan = await openAs({ as: 'Alan', search: `?space=${spaceId}` });
  await expect(alan.page.getByRole('alert')).toContainText('no access to this space');
  await expect(alan.editor).toHaveAttribute('contenteditable', 'false');
});
