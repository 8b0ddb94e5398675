import { de } from '../renderer/i18n/catalogue/de.ts';
import { expectAccessible } from './axe.ts';
import { expectNoEnglish } from './english-left.ts';
import { createSpace, employee, expect, share, test } from './fixtures.ts';

// "Who knows about Kubernetes?": Grace writes about it and opts in to the
// expert finder from her own profile; Ada asks, finds Grace with the note
// behind the suggestion, and opens Grace's profile from her name. Both new
// views are axe-clean, and in German show no English.

test('Ada finds Grace as an expert on a topic and opens her profile', async ({ openAs, stack }) => {
  // Two people, background indexing on a shared machine: a guard against hangs, not a speed limit.
  test.setTimeout(240_000);
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Platform');
  const grace = employee('Grace');
  await share(stack, ada, spaceId, grace, 'editor');

  const g = await openAs({ as: 'Grace', search: `?space=${spaceId}` });
  await expect(g.editor).toHaveAttribute('contenteditable', 'true');
  await g.editor.click();
  await g.page.keyboard.type('Kubernetes operators: how we run the reconcile loop');

  // Grace opts in from her own profile (off by default).
  await g.page.goto(new URL(`/?view=profile&person=${grace.sub}`, g.page.url()).href);
  await expect(g.page.getByRole('heading', { level: 1, name: grace.name })).toBeVisible();
  await expect(g.page.getByText('Does not appear in “Who knows about…”')).toBeVisible();
  await g.page.getByRole('button', { name: 'Edit my profile' }).click();
  await g.page.getByLabel('Skills (comma-separated)').fill('Kubernetes, Go');
  await g.page.getByLabel('Appear in “Who knows about…”').check();
  await g.page.getByRole('button', { name: 'Save' }).click();
  await expect(g.page.getByText('Appears in “Who knows about…”')).toBeVisible();

  // Ada asks from the sidebar.
  await ada.page
    .getByRole('navigation', { name: 'Places' })
    .getByRole('link', { name: 'Who knows about…' })
    .click();
  await expect(ada.page.getByRole('heading', { level: 1, name: 'Who knows about…' })).toBeVisible();
  await expectAccessible(ada.page, 'Who knows about (empty)');
  const results = ada.page.getByRole('list', { name: 'Who knows about…' });
  // The note is indexed a moment after Grace's last keystroke: ask until it is.
  await expect(async () => {
    await ada.page.getByLabel('Topic').fill('kubernetes');
    // Enter, not a click: a pointer left over the button would show its hover colour to axe.
    await ada.page.getByLabel('Topic').press('Enter');
    await expect(results.getByRole('link', { name: /Kubernetes operators/ })).toBeVisible({
      timeout: 2_000,
    });
  }).toPass({ timeout: 60_000 });
  await expect(
    results.getByRole('button', { name: `Open the profile of ${grace.name}` }),
  ).toBeVisible();
  await expect(results).toContainText('Declared: Kubernetes');
  await expectAccessible(ada.page, 'Who knows about (results)');

  await results.getByRole('button', { name: `Open the profile of ${grace.name}` }).click();
  await expect(ada.page.getByRole('heading', { level: 1, name: grace.name })).toBeVisible();
  expect(new URL(ada.page.url()).searchParams.get('person')).toBe(grace.sub);
  await expect(ada.page.getByRole('button', { name: 'Edit my profile' })).toHaveCount(0);
  await expect(ada.page.getByRole('link', { name: /Kubernetes operators/ })).toBeVisible();
  await expect(ada.page.getByText('Platform', { exact: true }).last()).toBeVisible();
  await expectAccessible(ada.page, 'Profile');

  // In German: the same two views, no English left.
  await ada.page.getByRole('button', { name: `Account: ${ada.employee.name}` }).click();
  await ada.page.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await expect(ada.page.locator('html')).toHaveAttribute('lang', 'de');
  await ada.page.keyboard.press('Escape');
  await expectNoEnglish(ada.page.locator('.profile'), 'profile');
  await ada.page
    .getByRole('navigation', { name: de.nav.places })
    .getByRole('link', { name: de.profile.nav })
    .click();
  await ada.page.getByLabel(de.profile.experts.label).fill('kubernetes');
  await ada.page.getByLabel(de.profile.experts.label).press('Enter');
  await expect(
    ada.page.getByRole('list', { name: de.profile.experts.heading }).getByRole('link'),
  ).toHaveCount(1);
  await expectNoEnglish(ada.page.locator('.experts'), 'who knows about');
});
