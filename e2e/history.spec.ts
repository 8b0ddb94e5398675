import { createSpace, employee, expect, share, test, type Person } from './fixtures.ts';

// The relay keeps versions of a note; a person views a past
// version beside the current one and restores it; restoring is a normal edit,
// so it syncs to the others and can be undone.

async function openHistory(person: Person) {
  await person.page.getByLabel('Note actions').first().click();
  await person.page.getByRole('menuitem', { name: 'Version history' }).click();
  const panel = person.page.getByRole('complementary', { name: 'Version history' });
  await expect(panel).toBeVisible();
  return panel;
}

test('a saved version is shown beside the note, restored for everyone, and the restore undone', async ({
  openAs,
  stack,
}) => {
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Handbook');
  await ada.editor.click();
  await ada.page.keyboard.type('Version one');

  const panel = await openHistory(ada);
  await panel.getByRole('button', { name: 'Save version now' }).click();
  await expect(panel.getByRole('status')).toHaveText('Version saved.');
  await expect(panel.getByRole('button', { name: /Saved by Ada Lovelace/ })).toHaveCount(1);

  await ada.editor.click();
  await ada.page.keyboard.press('End');
  await ada.page.keyboard.type(' and more');
  await expect(ada.editor).toHaveText('Version one and more');

  await share(stack, ada, spaceId, employee('Grace'), 'editor');
  const grace = await openAs({ as: 'Grace', search: `?space=${spaceId}` });
  await expect(grace.editor).toHaveText('Version one and more');

  // The old version, read-only, beside the current note.
  await panel.getByRole('button', { name: /Saved by Ada Lovelace/ }).click();
  const old = panel.getByLabel(/Version of/);
  await expect(old).toHaveText('Version one');
  await expect(old).toHaveAttribute('contenteditable', 'false');
  await expect(ada.editor).toHaveText('Version one and more');
  const oldBox = await old.boundingBox();
  const liveBox = await ada.editor.boundingBox();
  expect(oldBox?.x ?? 0).toBeGreaterThan((liveBox?.x ?? 0) + (liveBox?.width ?? 0) - 1);

  await panel.getByRole('button', { name: 'Restore this version' }).click();
  await expect(ada.editor).toHaveText('Version one');
  await expect(grace.editor).toHaveText('Version one');

  // Restoring was an edit of Ada's: her undo takes it back, for everyone.
  await ada.page.keyboard.press('Control+z');
  await expect(ada.editor).toHaveText('Version one and more');
  await expect(grace.editor).toHaveText('Version one and more');
});

test('a viewer sees the versions but cannot save one', async ({ openAs, stack }) => {
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Board');
  await ada.editor.click();
  await ada.page.keyboard.type('Minutes');
  const panel = await openHistory(ada);
  await panel.getByRole('button', { name: 'Save version now' }).click();
  await expect(panel.getByRole('status')).toHaveText('Version saved.');

  await share(stack, ada, spaceId, employee('Katherine'), 'viewer');
  const kat = await openAs({ as: 'Katherine', search: `?space=${spaceId}` });
  await expect(kat.editor).toHaveText('Minutes');
  const katPanel = await openHistory(kat);
  await katPanel.getByRole('button', { name: /Saved by Ada Lovelace/ }).click();
  await expect(katPanel.getByLabel(/Version of/)).toHaveText('Minutes');
  await expect(katPanel.getByRole('button', { name: 'Save version now' })).toHaveCount(0);
  await expect(katPanel.getByRole('button', { name: 'Restore this version' })).toHaveCount(0);

  // And the relay refuses it, whatever the client shows.
  const docId = new URL(kat.page.url()).searchParams.get('note') ?? 'welcome';
  const base = stack.relayUrl.replace(/^ws/, 'http');
  const refused = await fetch(`${base}/api/spaces/${spaceId}/docs/${docId}/snapshots`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await kat.accessToken()}` },
  });
  expect(refused.status).toBe(403);
});
