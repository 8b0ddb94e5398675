import { expect, signIn, employee, test } from './fixtures.ts';

// The web client's own Authorization Code + PKCE
// flow through the development IdP's login page, the avatar and sign-out.

test('signs in through the IdP login page and shows the person’s avatar and menu', async ({
  openAs,
}) => {
  const ada = await openAs({ as: 'Ada', search: '?space=s1&note=agenda' });
  const { page } = ada;
  // Back from the IdP on the page we left, with code and state gone from the address bar.
  const url = new URL(page.url());
  expect(url.searchParams.get('space')).toBe('s1');
  expect(url.searchParams.get('note')).toBe('agenda');
  expect(url.searchParams.has('code')).toBe(false);
  expect(url.searchParams.has('state')).toBe(false);

  const avatar = page.getByRole('button', { name: 'Account: Ada Lovelace' });
  // The initials are drawn for the eye; the button's name is read out instead.
  await expect(avatar.locator('.avatar')).toHaveText('AL');
  await avatar.click();
  await expect(page.getByText('ada.lovelace@example.com')).toBeVisible();

  // Tokens live in sessionStorage only; the round-trip state is gone.
  // localStorage holds offline metadata (config, spaces list, per-note state
  // vectors, when Home last looked at each note, the spaces' classification
  // labels, when the IdP last issued a
  // token and when it expires, for the offline grace clock) and display
  // preferences (sidebar, language) only, never a token.
  const storage = await page.evaluate(() => ({
    local: Object.keys(localStorage),
    localValues: Object.values(localStorage).join('\n'),
    session: Object.keys(sessionStorage),
  }));
  for (const key of storage.local) {
    expect(key).toMatch(
      /^commonplace\.((config|spaces|docs|inbox|looked|classification|grace\.(lastRefresh|tokenExpiry))\.v1\b|sidebar\.(width|collapsed)$|language$)/,
    );
  }
  expect(storage.session).toContain('commonplace.session.v1');
  expect(storage.session).not.toContain('commonplace.signin.v1');
  const token = await ada.accessToken();
  expect(token).toMatch(/^ey/);
  expect(storage.localValues).not.toContain(token);
  expect(storage.localValues).not.toMatch(/refresh_?token|access_?token/i);

  // A reload keeps the session (same tab).
  await page.reload();
  await expect(page.getByRole('button', { name: 'Account: Ada Lovelace' })).toBeVisible();
});

test('sign-out returns to the sign-in screen, and the next sign-in can be someone else', async ({
  openAs,
}) => {
  const ada = await openAs({ as: 'Ada' });
  const { page } = ada;
  await page.getByRole('button', { name: 'Account: Ada Lovelace' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(
    page.getByRole('button', { name: 'Sign in with your company account' }),
  ).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem('commonplace.session.v1'))).toBeNull();
  await page.reload();
  await expect(
    page.getByRole('button', { name: 'Sign in with your company account' }),
  ).toBeVisible();

  // The IdP asks again who is signing in (prompt=login after a sign-out).
  await signIn(page, employee('Grace'));
  await expect(page.getByRole('button', { name: 'Account: Grace Hopper' })).toBeVisible();
});

test('a sign-in the IdP refuses shows why on the sign-in screen', async ({ openAs, stack }) => {
  const ada = await openAs({ as: 'Ada' });
  await ada.page.getByRole('button', { name: 'Account: Ada Lovelace' }).click();
  await ada.page.getByRole('button', { name: 'Sign out' }).click();
  await ada.page.getByRole('button', { name: 'Sign in with your company account' }).click();
  await ada.page.getByRole('button', { name: 'Cancel' }).click();
  await expect(ada.page.getByRole('alert')).toContainText('Sign-in failed (access_denied');
  await expect(
    ada.page.getByRole('button', { name: 'Sign in with your company account' }),
  ).toBeVisible();
  expect(new URL(ada.page.url()).origin).toBe(new URL(stack.web.url).origin);
});
