import { createSpace, expect, test } from './fixtures.ts';

// The offline grace period in the web client, with Playwright's clock standing
// in for two weeks without network: past the limit (14 days, the built-in
// default; a browser has no managed policy) notes turn read-only, stay
// readable, and a banner offers to sign in.

const DAY_MS = 24 * 60 * 60 * 1000;

test('past the offline grace period editing stops, reading continues, and a banner offers sign-in', async ({
  openAs,
}) => {
  test.setTimeout(120_000);
  const ada = await openAs({ as: 'Ada' });
  await createSpace(ada, 'Travel notes');
  await expect(ada.editor).toHaveAttribute('contenteditable', 'true');
  await ada.editor.click();
  await ada.page.keyboard.type('Packing list.');

  // The page restarts under a clock the test controls (the grace clock is in
  // local storage, so it carries over), then the laptop loses its network.
  await ada.page.clock.install({ time: Date.now() });
  await ada.page.reload();
  await expect(ada.editor).toHaveText('Packing list.');
  await expect(ada.editor).toHaveAttribute('contenteditable', 'true');
  const banner = ada.page.getByRole('alert').filter({ hasText: 'Sign in to keep editing' });
  await expect(banner).toHaveCount(0);
  await ada.context.setOffline(true);

  // Thirteen days: still within the limit.
  await ada.page.clock.fastForward(13 * DAY_MS);
  await expect(ada.editor).toHaveAttribute('contenteditable', 'true');
  await expect(banner).toHaveCount(0);

  // Past fourteen: read-only, still readable, and the banner says why.
  await ada.page.clock.fastForward(1 * DAY_MS + 60 * 60 * 1000);
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('14 days');
  await expect(banner.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  await expect(ada.editor).toHaveAttribute('contenteditable', 'false');
  await expect(ada.editor).toHaveText('Packing list.');
  await ada.context.setOffline(false);
});
