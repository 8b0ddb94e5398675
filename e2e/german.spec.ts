import { de } from '../renderer/i18n/catalogue/de.ts';
import { expectNoEnglish } from './english-left.ts';
import { createSpace, employee, expect, pageRow, share, test } from './fixtures.ts';

// German proves the i18n layer: the UI follows the browser's language, a
// person can override it, and the views show no string of the English
// catalogue once German is on.

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');

test('a German browser gets the German sign-in screen', async ({ browser, stack }) => {
  const context = await browser.newContext({ locale: 'de-DE' });
  try {
    const page = await context.newPage();
    await page.goto(stack.web.url);
    await expect(page.getByRole('button', { name: de.signIn.button })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expectNoEnglish(page.locator('body'), 'sign-in');
  } finally {
    await context.close();
  }
});

test('switched to German, the note, comments, menus, dialogs and panels show no English', async ({
  openAs,
  stack,
}) => {
  test.setTimeout(240_000);
  const ada = await openAs({ as: 'Ada' });
  const { page } = ada;
  const spaceId = await createSpace(ada, 'Launch');
  await share(stack, ada, spaceId, employee('Grace'), 'editor');
  await ada.editor.click();
  await page.keyboard.type('The launch happens on Friday');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  const draft = page.getByRole('region', { name: 'New comment' });
  await draft.getByRole('textbox', { name: 'Comment' }).fill('Is it confirmed?');
  await draft.getByRole('button', { name: 'Comment' }).click();
  await expect(draft).toBeHidden();

  // The override: the account menu's language setting, applied at once.
  await page.getByRole('button', { name: `Account: ${ada.employee.name}` }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  const account = page.locator('.account__menu');
  await expect(account.getByRole('combobox', { name: de.account.language })).toBeVisible();
  await expectNoEnglish(account, 'account menu');
  await page.keyboard.press('Escape');

  const grace = await openAs({ as: 'Grace', search: `?space=${spaceId}` });
  await expect(grace.editor).toContainText('Friday');
  // Focused, not clicked: a click may land on the comment highlight, which
  // hands focus to its thread, and a caret is shared only from a focused
  // editor. The key then moves the selection, which publishes the caret.
  await grace.editor.focus();
  await grace.page.keyboard.press('Control+End');
  await expect(
    page.getByRole('img', { name: fill(de.presence.caret, { name: grace.employee.name }) }),
  ).toBeVisible();
  await expectNoEnglish(page.locator('.note-editor'), 'note with comments');
  await expectNoEnglish(page.getByRole('list', { name: de.presence.label }), 'presence');
  await expectNoEnglish(page.getByRole('status', { name: de.sync.label }), 'sync status');

  // Grace (whose UI stays English) mentions Ada in the note Ada has open, so
  // Ada's Inbox has an entry to show in German later on.
  await grace.page.keyboard.press('Control+End');
  await grace.page.keyboard.type(' @Ada');
  await expect(
    grace.page
      .getByRole('listbox', { name: 'Mention a person' })
      .getByRole('option', { name: /Ada Lovelace/ }),
  ).toBeVisible();
  await grace.page.keyboard.press('Enter');
  await expect(ada.editor.locator('.mention')).toHaveText('@Ada Lovelace');

  await ada.editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('/');
  const blocks = page.getByRole('listbox', { name: de.blocks.menu });
  await expect(blocks.getByRole('option', { name: de.blocks.taskList.title })).toBeVisible();
  await expectNoEnglish(blocks, 'slash menu');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: de.search.label });
  await palette.getByRole('combobox', { name: de.search.label }).fill('Friday');
  await expect(palette.getByRole('option').first()).toBeVisible();
  await expectNoEnglish(palette, 'search');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: de.members.button }).click();
  const members = page.getByRole('dialog', { name: fill(de.members.title, { space: 'Launch' }) });
  await expect(members.getByRole('list', { name: de.members.list })).toBeVisible();
  await expectNoEnglish(members, 'members');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: de.spaceSettings.title }).click();
  const settings = page.getByRole('dialog', { name: de.spaceSettings.title });
  await expect(settings.getByRole('button', { name: de.spaceExport.button })).toBeVisible();
  // Opened to the company: the join role and what each choice means show too.
  await settings.getByRole('radio', { name: de.openSpaces.visibility.open }).check();
  await expect(
    settings.getByRole('combobox', { name: de.openSpaces.visibility.joinRole }),
  ).toBeVisible();
  await expect(
    settings.getByRole('status').filter({ hasText: de.openSpaces.visibility.saved }),
  ).toBeVisible();
  await expectNoEnglish(settings, 'space settings');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: de.noteMenu.label }).first().click();
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expectNoEnglish(menu, 'note menu');
  await menu.getByRole('menuitem', { name: de.noteMenu.history }).click();
  const history = page.getByRole('complementary', { name: de.history.title });
  await history.getByRole('button', { name: de.history.saveNow }).click();
  await expect(history.getByRole('status')).toHaveText(de.history.saved);
  await history.getByRole('button', { name: /Gespeichert von Ada Lovelace/ }).click();
  await expect(history.getByRole('textbox', { name: /Version vom/ })).toBeVisible();
  await expectNoEnglish(history, 'version history');

  // The space's row of actions: Members and Space settings side by side, on
  // one line and the same height.
  const box = async (name: string) => {
    const found = await page.getByRole('button', { name }).boundingBox();
    if (found === null) throw new Error(`${name} is not on screen`);
    return found;
  };
  const membersBox = await box(de.members.button);
  const settingsBox = await box(de.spaceSettings.title);
  expect(settingsBox.y).toBe(membersBox.y);
  expect(settingsBox.height).toBe(membersBox.height);
  expect(settingsBox.x).toBeGreaterThanOrEqual(membersBox.x + membersBox.width);

  // The meeting dialogs.
  await page.getByRole('button', { name: de.meeting.newNote }).click();
  const meeting = page.getByRole('dialog', { name: de.meeting.newNote });
  // People found for the attendees: one button each, a whole German sentence.
  await meeting.getByRole('searchbox', { name: de.meeting.findAttendees }).fill('Grace');
  await expect(
    meeting.getByRole('button', { name: fill(de.meeting.add, { name: grace.employee.name }) }),
  ).toBeVisible();
  await expectNoEnglish(meeting, 'new meeting note');
  await meeting.getByRole('button', { name: de.ui.cancel }).click();
  await expect(meeting).toBeHidden();
  await page.getByRole('button', { name: de.meeting.fromTemplate }).click();
  const templates = page.getByRole('dialog', { name: de.meeting.templatesTitle });
  await expect(templates.getByRole('list', { name: de.meeting.templates })).toBeVisible();
  await expectNoEnglish(templates, 'new from template');
  await templates.getByRole('button', { name: de.ui.close }).click();
  await expect(templates).toBeHidden();

  // A page of the tree: its breadcrumbs, "Move to…", then archived into the trash.
  await page.getByRole('button', { name: de.tree.newPage, exact: true }).click();
  await page.getByRole('textbox', { name: de.tree.pageTitle }).fill('Plan');
  await page.getByRole('textbox', { name: de.tree.pageTitle }).press('Enter');
  const crumbs = page.getByRole('navigation', { name: de.tree.breadcrumbs });
  await expect(crumbs).toContainText('Plan');
  await expectNoEnglish(crumbs, 'breadcrumbs');
  const pageAction = async (item: string) => {
    await pageRow(ada, 'Plan').click({ button: 'right' });
    await page
      .getByRole('menu', { name: fill(de.tree.menu, { title: 'Plan' }) })
      .getByRole('menuitem', { name: item })
      .click();
  };
  await pageAction(de.tree.move);
  const move = page.getByRole('dialog', { name: fill(de.tree.moveTitle, { title: 'Plan' }) });
  await expect(move.getByRole('combobox', { name: de.tree.putIn })).toHaveValue('');
  await expectNoEnglish(move, 'move dialog');
  await move.getByRole('button', { name: de.ui.cancel }).click();
  await expect(move).toBeHidden();
  await pageAction(de.tree.archive);
  await page.getByText(fill(de.tree.trash, { number: '1' })).click();
  const archived = page.getByRole('list', { name: de.tree.archived });
  await expect(
    archived.getByRole('button', { name: fill(de.tree.restoreNamed, { title: 'Plan' }) }),
  ).toBeVisible();
  await expectNoEnglish(page.locator('details.trash'), 'page trash');

  // The deleted spaces (none yet).
  await page.getByRole('button', { name: de.spaceTrash.button, exact: true }).click();
  const spaceTrash = page.getByRole('dialog', { name: de.spaceTrash.title });
  await expect(spaceTrash.getByText(de.spaceTrash.none)).toBeVisible();
  await expectNoEnglish(spaceTrash, 'space trash');
  await page.keyboard.press('Escape');
  await expect(spaceTrash).toBeHidden();

  // The space's menu, and leaving it (its only owner is told why she cannot).
  await page.getByRole('button', { name: fill(de.openSpaces.menu, { name: 'Launch' }) }).click();
  const spaceMenu = page.getByRole('menu', { name: fill(de.openSpaces.menu, { name: 'Launch' }) });
  await expectNoEnglish(spaceMenu, 'space menu');
  await spaceMenu.getByRole('menuitem', { name: de.openSpaces.leave.item }).click();
  const leave = page.getByRole('dialog', {
    name: fill(de.openSpaces.leave.title, { name: 'Launch' }),
  });
  await expect(leave).toContainText(fill(de.openSpaces.leave.lastOwner, { name: 'Launch' }));
  await expectNoEnglish(leave, 'leave space');
  await page.keyboard.press('Escape');
  await expect(leave).toBeHidden();

  // The whole sidebar: places, spaces, the tree and the space's tools.
  await expectNoEnglish(page.getByRole('complementary', { name: de.nav.sidebar }), 'sidebar');

  // The person's own views: the Inbox with Grace's mention, action items, Home.
  const places = page.getByRole('navigation', { name: de.nav.places });
  await places.getByRole('link', { name: new RegExp(`^${de.nav.inbox}`) }).click();
  const inbox = page.getByRole('region', { name: de.inbox.title, exact: true });
  await expect(
    inbox.getByRole('list', { name: de.inbox.list }).getByRole('listitem').first(),
  ).toContainText(de.inbox.inNote);
  await expectNoEnglish(inbox, 'inbox');
  await places.getByRole('link', { name: de.nav.myActions }).click();
  const actions = page.getByRole('region', { name: de.actions.title, exact: true });
  await expect(actions.getByText(de.actions.none)).toBeVisible();
  await expectNoEnglish(actions, 'my action items');
  // Browse spaces, with Launch opened to the company above.
  await places.getByRole('link', { name: de.openSpaces.browse }).click();
  const browse = page.getByRole('region', { name: de.openSpaces.title, exact: true });
  await expect(
    browse.getByRole('listitem', { name: 'Launch' }).getByRole('link', {
      name: fill(de.openSpaces.openNamed, { name: 'Launch' }),
    }),
  ).toBeVisible();
  await expectNoEnglish(browse, 'browse spaces');
  await places.getByRole('link', { name: de.nav.home }).click();
  const home = page.getByRole('region', { name: de.home.title, exact: true });
  await expect(home.getByRole('heading', { name: de.home.recent })).toBeVisible();
  await expectNoEnglish(home, 'home');
});
