import {
  createSpace,
  employee,
  expect,
  newPage,
  pageMenu,
  pageOutline,
  pageRow,
  share,
  test,
} from './fixtures.ts';

// The page tree of a space, in the sidebar. Creating pages offline (in the
// local index doc, no request needed) is covered by the unit tests of
// renderer/features/tree.

test('create, nest, rename, drag and drop, archive and restore pages', async ({ openAs }) => {
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Company');
  const { page } = ada;

  await newPage(ada, 'Onboarding');
  await newPage(ada, 'Policies');
  await newPage(ada, 'Travel');
  await newPage(ada, 'First week', 'Onboarding');
  await expect
    .poll(() => pageOutline(ada))
    .toEqual(['Onboarding', '  First week', 'Policies', 'Travel']);
  await expect(page.getByRole('navigation', { name: 'Breadcrumbs' })).toHaveText(
    'Company / Onboarding / First week',
  );

  // Rename inline: Escape cancels, Enter saves.
  await pageMenu(ada, 'Travel', 'Rename');
  await page.getByRole('textbox', { name: 'Page title' }).fill('Nope');
  await page.getByRole('textbox', { name: 'Page title' }).press('Escape');
  await pageMenu(ada, 'Travel', 'Rename');
  await page.getByRole('textbox', { name: 'Page title' }).fill('Travel and expenses');
  await page.getByRole('textbox', { name: 'Page title' }).press('Enter');

  // Drag and drop: into a page (the middle of its row), then before another
  // (the top edge of its row).
  await pageRow(ada, 'Travel and expenses').dragTo(pageRow(ada, 'Policies'));
  await expect
    .poll(() => pageOutline(ada))
    .toEqual(['Onboarding', '  First week', 'Policies', '  Travel and expenses']);
  await pageRow(ada, 'Policies').dragTo(pageRow(ada, 'Onboarding'), {
    targetPosition: { x: 40, y: 2 },
  });
  await expect
    .poll(() => pageOutline(ada))
    .toEqual(['Policies', '  Travel and expenses', 'Onboarding', '  First week']);

  // The keyboard alternative to dragging.
  await pageMenu(ada, 'First week', 'Move to…');
  const dialog = page.getByRole('dialog', { name: 'Move “First week”' });
  await dialog
    .getByRole('combobox', { name: 'Put it in' })
    .selectOption({ label: 'Top level of the space' });
  await dialog.getByRole('button', { name: 'Move' }).click();
  await expect
    .poll(() => pageOutline(ada))
    .toEqual(['Policies', '  Travel and expenses', 'Onboarding', 'First week']);

  // Archiving hides the subtree; the trash restores it.
  await pageMenu(ada, 'Policies', 'Archive');
  await expect.poll(() => pageOutline(ada)).toEqual(['Onboarding', 'First week']);
  await page.getByText('Trash (1)').click();
  await page.getByRole('button', { name: 'Restore Policies' }).click();
  await expect
    .poll(() => pageOutline(ada))
    .toEqual(['Policies', '  Travel and expenses', 'Onboarding', 'First week']);

  // The tree is stored by the relay: a reload shows the same.
  await page.goto(page.url());
  await expect(page.getByRole('link', { name: /Company/ })).toHaveAttribute('aria-current', 'page');
  await expect
    .poll(() => pageOutline(ada))
    .toEqual(['Policies', '  Travel and expenses', 'Onboarding', 'First week']);
  expect(new URL(page.url()).searchParams.get('space')).toBe(spaceId);
});

test('one person moves a page while another edits it: the edit survives, both see the same tree', async ({
  openAs,
  stack,
}) => {
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Rocket');
  await newPage(ada, 'Projects');
  const planId = await newPage(ada, 'Launch plan');
  // Grace signs in first: the relay adds only people it has seen (its directory).
  const grace = await openAs({ as: 'Grace' });
  await share(stack, ada, spaceId, employee('Grace'), 'editor');
  await grace.page.goto(new URL(`?space=${spaceId}&note=${planId}`, grace.page.url()).toString());
  await expect(grace.editor).toHaveAttribute('contenteditable', 'true');
  await expect(grace.page.getByRole('navigation', { name: 'Breadcrumbs' })).toHaveText(
    'Rocket / Launch plan',
  );
  await grace.editor.click();
  await grace.page.keyboard.type('Milestones: beta in May');

  // Ada moves the page Grace is typing in, while Grace keeps typing.
  await pageRow(ada, 'Launch plan').dragTo(pageRow(ada, 'Projects'));
  await grace.page.keyboard.type(', launch in June');

  const expected = ['Projects', '  Launch plan'];
  await expect.poll(() => pageOutline(ada)).toEqual(expected);
  await expect.poll(() => pageOutline(grace)).toEqual(expected);
  await expect(grace.page.getByRole('navigation', { name: 'Breadcrumbs' })).toHaveText(
    'Rocket / Projects / Launch plan',
  );
  await expect(grace.editor).toHaveText('Milestones: beta in May, launch in June');

  await ada.page.getByRole('treeitem', { name: 'Launch plan', exact: true }).click();
  await expect(ada.editor).toHaveText('Milestones: beta in May, launch in June');
});

test('a viewer sees the tree but cannot change it', async ({ openAs, stack }) => {
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Records');
  await newPage(ada, 'Minutes');
  const kat = await openAs({ as: 'Katherine' });
  await share(stack, ada, spaceId, employee('Katherine'), 'viewer');
  await kat.page.goto(new URL(`?space=${spaceId}`, kat.page.url()).toString());
  await expect.poll(() => pageOutline(kat)).toEqual(['Minutes']);
  await expect(kat.page.getByText('View only')).toBeVisible();
  await expect(kat.page.getByRole('button', { name: 'New page' })).toHaveCount(0);
  await pageRow(kat, 'Minutes').click({ button: 'right' });
  await expect(kat.page.getByRole('menu')).toHaveCount(0);
  await expect(pageRow(kat, 'Minutes')).toHaveAttribute('draggable', 'false');
});
