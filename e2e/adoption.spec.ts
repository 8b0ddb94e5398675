import { de } from '../renderer/i18n/catalogue/de.ts';
import { expectAccessible } from './axe.ts';
import { expectNoEnglish } from './english-left.ts';
import { createSpace, expect, test, type Person, type Stack } from './fixtures.ts';

// The admin dialog's Adoption tab against a real relay: people write notes,
// the admin sees the week's figures (the group is smaller than five, so it
// shows as suppressed and totals stay 0, while active spaces count),
// marks a champion from a people search; a non-admin gets no tab and a 403.

const api = (stack: Stack) => stack.relayUrl.replace(/^ws/, 'http');

async function activeSpaces(stack: Stack, admin: Person): Promise<number> {
  const response = await fetch(`${api(stack)}/api/adoption?weeks=1`, {
    headers: { Authorization: `Bearer ${await admin.accessToken()}` },
  });
  const body = (await response.json()) as { weeks: { activeSpaces: number }[] };
  return body.weeks.at(-1)?.activeSpaces ?? 0;
}

test('an admin sees the week’s figures and marks a champion', async ({ openAs, stack }) => {
  const hedy = await openAs({ as: 'Hedy' });
  let spaces = 0;
  for (const [who, space] of [
    ['Ada', 'Launch plan'],
    ['Grace', 'Compilers'],
  ] as const) {
    const person = await openAs({ as: who });
    await createSpace(person, space);
    await person.editor.click();
    await person.page.keyboard.type(`Notes by ${who}`);
    await expect(person.editor).toContainText(`Notes by ${who}`);
    spaces += 1;
    // Edits are recorded once stored: wait for this one, then close the browser
    // so the machine is not busy with idle people.
    await expect.poll(() => activeSpaces(stack, hedy)).toBeGreaterThanOrEqual(spaces);
    await person.close();
  }

  const { page } = hedy;
  await page.getByRole('button', { name: /^Account: Hedy/ }).click();
  await page.getByRole('button', { name: 'Admin' }).click();
  const dialog = page.getByRole('dialog', { name: 'Administration' });
  await dialog.getByRole('tab', { name: 'Adoption' }).click();

  const weekly = dialog.getByRole('table', { name: 'Weekly figures, newest first' });
  const thisWeek = weekly.getByRole('row').nth(1);
  // Columns: active people, notes created, notes edited, active spaces.
  await expect(thisWeek.getByRole('cell').nth(3)).toHaveText(/^[2-9]$/);
  await expect(dialog.getByRole('img', { name: /^Active spaces per week/ })).toBeVisible();
  const departments = dialog.getByRole('table', { name: /^Figures per department/ });
  // The test relay's directory holds no departments: everyone is in one group of three.
  await expect(departments.getByRole('row', { name: /No department/ })).toContainText(
    'fewer than 5 people',
  );
  await expectAccessible(page, 'admin: Adoption');

  await expect(dialog.getByText('No champions yet.')).toBeVisible();
  await dialog.getByRole('searchbox', { name: /Find a person/ }).fill('Ada');
  await dialog.getByRole('button', { name: 'Mark Ada Lovelace as champion' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Ada Lovelace is now a champion.');
  const champions = dialog.getByRole('table', { name: 'Champions' });
  await expect(champions.getByRole('row', { name: /Ada Lovelace/ })).toBeVisible();
  await expectAccessible(page, 'admin: Adoption with a champion');
});

test('a non-admin has no Adoption tab, and the relay refuses the figures', async ({
  openAs,
  stack,
}) => {
  const ada = await openAs({ as: 'Ada' });
  await ada.page.getByRole('button', { name: /^Account: Ada/ }).click();
  await expect(ada.page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(ada.page.getByRole('button', { name: 'Admin' })).toHaveCount(0);
  await expect(ada.page.getByRole('tab', { name: 'Adoption' })).toHaveCount(0);
  const response = await fetch(`${api(stack)}/api/adoption`, {
    headers: { Authorization: `Bearer ${await ada.accessToken()}` },
  });
  expect(response.status).toBe(403);
});

test('in German the Adoption tab shows no English', async ({ browser, stack }) => {
  const context = await browser.newContext({ locale: 'de-DE' });
  try {
    const page = await context.newPage();
    await page.goto(stack.web.url);
    await page.getByRole('button', { name: de.signIn.button }).click();
    await page.getByRole('button', { name: /Hedy Lamarr/ }).click();
    await page
      .getByRole('button', { name: de.account.label.replace('{{name}}', 'Hedy Lamarr') })
      .click();
    await page.getByRole('button', { name: de.admin.menu }).click();
    const dialog = page.getByRole('dialog', { name: de.admin.title });
    await dialog.getByRole('tab', { name: de.adoption.tab }).click();
    await expect(dialog.getByRole('heading', { name: de.adoption.champions })).toBeVisible();
    await expectNoEnglish(dialog, 'admin: Adoption');
  } finally {
    await context.close();
  }
});
