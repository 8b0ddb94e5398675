import { createSpace, employee, expect, share, test } from './fixtures.ts';

// An invited person sees the new space without reloading or refocusing the
// window: the relay tells their open connections, and the app re-reads its
// spaces. Playwright's pages get no focus events unless asked, so only the
// push (or, without any connection, the short poll) can show it.

test('Grace, in a note of her own space, sees Ada’s new space appear within 2 seconds of the invitation', async ({
  openAs,
  stack,
}) => {
  const grace = await openAs({ as: 'Grace' });
  await createSpace(grace, 'Grace’s notes');
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Launch');
  const launch = grace.page.getByRole('link', { name: /Launch/ });
  await expect(launch).toHaveCount(0);

  await share(stack, ada, spaceId, employee('Grace'), 'editor');
  // Two seconds is the requirement itself (what a person waits before reloading), not a speed limit.
  await expect(launch).toBeVisible({ timeout: 2_000 });
  await launch.click();
  await expect(grace.editor).toBeVisible();
});

test('Grace on Home with no space yet sees her first space appear', async ({ openAs, stack }) => {
  const grace = await openAs({ as: 'Grace' });
  await expect(grace.page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Welcome');
  await share(stack, ada, spaceId, employee('Grace'), 'viewer');
  await expect(grace.page.getByRole('link', { name: /Welcome/ })).toBeVisible();
});
