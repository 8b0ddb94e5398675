import { createSpace, employee, expect, share, test, type Person } from './fixtures.ts';

// End to end in Chromium: edit with the relay down, reload the page
// while it is still down, see the edits and the pending count, start the
// relay, see the count reach zero and the edits on a second client.
//
// Needs the relay's MessageType.RelayState and GET /api/spaces/{id}/docs:
// until the relay answers RelayState, the count
// stays "not yet confirmed" and this test waits for a zero it cannot see.

const status = (person: Person) => person.page.getByRole('status', { name: 'Sync status' });
const pending = (person: Person) => status(person).locator('.sync-status__pending');

test('offline edits survive a reload, are counted, and reach the relay when it is back', async ({
  openAs,
  stack,
}) => {
  test.setTimeout(120_000);
  // Grace signs in once first, so the relay knows her when she is added.
  const grace = await openAs({ as: 'Grace' });
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Field notes');
  await share(stack, ada, spaceId, employee('Grace'), 'editor');
  await expect(ada.editor).toHaveAttribute('contenteditable', 'true');
  await ada.editor.click();
  await ada.page.keyboard.type('Before the tunnel.');
  await expect(status(ada)).toHaveAttribute('data-state', 'online');
  await expect(pending(ada)).toHaveCount(0);

  // The relay goes down; editing goes on and is counted.
  await stack.stopRelay();
  await expect(status(ada)).toHaveAttribute('data-state', 'offline');
  await expect(ada.editor).toHaveAttribute('contenteditable', 'true');
  await ada.page.keyboard.press('End');
  await ada.page.keyboard.type(' Written offline.');
  await expect(pending(ada)).toHaveText(/^\d+ notes? not yet synced$/);

  // Reloading with unsynced changes asks first; we leave anyway.
  const dialogs: string[] = [];
  ada.page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await ada.page.reload();
  expect(dialogs).toEqual(['beforeunload']);

  // Still no relay: the note comes from the local store, editable, counted.
  await expect(ada.editor).toHaveText('Before the tunnel. Written offline.');
  await expect(ada.editor).toHaveAttribute('contenteditable', 'true');
  await expect(status(ada)).toHaveAttribute('data-state', 'offline');
  await expect(pending(ada)).toHaveText(/^\d+ notes? not yet synced$/);
  await expect(ada.page.getByRole('link', { name: /Field notes/ })).toBeVisible();

  // The relay is back: the count reaches zero and Grace sees the edits.
  await stack.startRelay();
  await expect(status(ada)).toHaveAttribute('data-state', 'online', { timeout: 60_000 });
  await expect(pending(ada)).toHaveCount(0);
  await grace.page.goto(new URL(`?space=${spaceId}`, stack.web.url).toString());
  await expect(grace.editor).toHaveText('Before the tunnel. Written offline.');
});

test('the web client opens with the network off, from its service worker and local store', async ({
  openAs,
}) => {
  const ada = await openAs({ as: 'Ada' });
  await createSpace(ada, 'Flight notes');
  await ada.editor.click();
  await ada.page.keyboard.type('Written on the ground.');
  await expect(pending(ada)).toHaveCount(0);
  // The service worker has installed and precached the app shell.
  // (A string: e2e code is type-checked without the DOM library.)
  await ada.page.evaluate('navigator.serviceWorker.ready.then(() => true)');

  // No network at all: web server, IdP and relay are all unreachable.
  await ada.context.setOffline(true);
  await ada.page.reload();
  await expect(ada.editor).toHaveText('Written on the ground.');
  await expect(ada.editor).toHaveAttribute('contenteditable', 'true');
  await expect(status(ada)).toHaveAttribute('data-state', 'offline');
  await ada.editor.click();
  await ada.page.keyboard.press('End');
  await ada.page.keyboard.type(' And in the air.');
  await expect(pending(ada)).toHaveText(/^\d+ notes? not yet synced$/);

  // Back on the ground: the edit reaches the relay.
  await ada.context.setOffline(false);
  await expect(pending(ada)).toHaveCount(0, { timeout: 60_000 });
});
