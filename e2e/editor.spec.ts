import { readFile } from 'node:fs/promises';
import {
  createSpace,
  employee,
  expect,
  pageOutline,
  share,
  test,
  type Person,
} from './fixtures.ts';

// A person writes a note with every block type
// through Markdown shortcuts and the slash menu; a colleague sees it live;
// the note exports as Markdown and a Markdown file imports as a new page.

async function slash(person: Person, query: string, choice: string): Promise<void> {
  const { page } = person;
  await page.keyboard.type('/');
  const menu = page.getByRole('listbox', { name: 'Insert block' });
  await expect(menu).toBeVisible();
  await page.keyboard.type(query);
  await expect(menu.getByRole('option', { selected: true })).toContainText(choice);
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
}

test('a note with every block type, built with shortcuts and the slash menu, seen by a colleague and exported as Markdown', async ({
  openAs,
  stack,
}) => {
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Blocks');
  await share(stack, ada, spaceId, employee('Grace'), 'editor');
  const grace = await openAs({ as: 'Grace', search: `?space=${spaceId}` });
  await expect(ada.editor).toHaveAttribute('contenteditable', 'true');
  await ada.editor.click();
  const { keyboard } = ada.page;

  // Markdown shortcuts.
  await keyboard.type('# Launch plan');
  await keyboard.press('Enter');
  await keyboard.type('## Agenda');
  await keyboard.press('Enter');
  await keyboard.type('- Budget');
  await keyboard.press('Enter');
  await keyboard.press('Enter');
  await keyboard.type('1. Hire');
  await keyboard.press('Enter');
  await keyboard.press('Enter');
  await keyboard.type('[ ] Send the minutes');
  await keyboard.press('Enter');
  await keyboard.press('Enter');
  await keyboard.type('```ts const a = 1;');
  for (let i = 0; i < 3; i++) await keyboard.press('Enter');
  await keyboard.type('See https://example.com/plan ');
  await keyboard.press('Enter');
  await keyboard.type('---');
  // The slash menu, filtered by what is typed.
  await slash(ada, 'quo', 'Quote');
  await keyboard.type('Ship it.');
  await keyboard.press('Enter');
  await keyboard.press('Enter');
  await slash(ada, 'check', 'Check list');
  await keyboard.type('Book the room');
  await keyboard.press('Enter');
  await keyboard.press('Enter');
  await slash(ada, 'h3', 'Heading 3');
  await keyboard.type('Owners');
  await keyboard.press('Enter');
  await slash(ada, 'table', 'Table');
  await keyboard.type('Owner');
  await keyboard.press('Tab');
  await keyboard.type('Task');

  // Grace sees each block as it is, from the relay.
  const seen = grace.editor;
  await expect(seen.locator('h1')).toHaveText('Launch plan');
  await expect(seen.locator('h2')).toHaveText('Agenda');
  await expect(seen.locator('h3')).toHaveText('Owners');
  await expect(seen.locator('ul:not([data-type]) > li')).toHaveText('Budget');
  await expect(seen.locator('ol > li')).toHaveText('Hire');
  await expect(seen.locator('ul[data-type="taskList"] > li > div')).toHaveText([
    'Send the minutes',
    'Book the room',
  ]);
  await expect(seen.locator('ul[data-type="taskList"] > li').first()).toHaveAttribute(
    'data-id',
    /^[A-Za-z0-9_-]{1,64}$/,
  );
  await expect(seen.locator('pre code')).toHaveText('const a = 1;');
  await expect(seen.locator('a[href="https://example.com/plan"]')).toHaveText(
    'https://example.com/plan',
  );
  await expect(seen.locator('hr')).toHaveCount(1);
  await expect(seen.locator('blockquote')).toHaveText('Ship it.');
  await expect(seen.locator('table th')).toHaveText(['Owner', 'Task', '']);
  await expect(seen.locator('table tr')).toHaveCount(3);
  // Remote carets keep working with the new blocks.
  await expect(grace.page.locator('.remote-caret__label[data-name="Ada Lovelace"]')).toBeVisible();

  // Export as Markdown: a download holding each block.
  await ada.page.getByLabel('Note actions').first().click();
  const downloading = ada.page.waitForEvent('download');
  await ada.page.getByRole('menuitem', { name: 'Export as Markdown' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.md$/);
  const markdown = await readFile(await download.path(), 'utf8');
  for (const expected of [
    '# Launch plan',
    '## Agenda',
    '### Owners',
    '- Budget',
    '1. Hire',
    '- [ ] Send the minutes',
    '- [ ] Book the room',
    '```ts\nconst a = 1;\n```',
    '[https://example.com/plan](<https://example.com/plan>)',
    '---',
    '> Ship it.',
    '| Owner | Task |  |\n| --- | --- | --- |',
  ]) {
    expect(markdown).toContain(expected);
  }
});

test('importing a Markdown file creates a new page with its content', async ({ openAs, stack }) => {
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Imports');
  await share(stack, ada, spaceId, employee('Grace'), 'editor');
  const grace = await openAs({ as: 'Grace', search: `?space=${spaceId}` });
  await expect(ada.editor).toHaveAttribute('contenteditable', 'true');

  const file = [
    '# Retro notes',
    '',
    'What went **well**, see [the board](https://example.com/board).',
    '',
    '- [x] Fix the build @ada 📅 2026-03-05',
    '- [ ] Write docs',
    '',
    '| Item | Owner |',
    '| --- | --- |',
    '| CI | Ada |',
    '',
    '[evil](javascript:alert(1))',
    '',
  ].join('\n');
  await ada.page.getByLabel('Note actions').first().click();
  const choosing = ada.page.waitForEvent('filechooser');
  await ada.page.getByRole('menuitem', { name: 'Import Markdown…' }).click();
  await (
    await choosing
  ).setFiles({ name: 'retro.md', mimeType: 'text/markdown', buffer: Buffer.from(file) });

  await expect(
    ada.page.getByRole('treeitem', { name: 'Retro notes', exact: true }),
  ).toHaveAttribute('aria-current', 'page');
  const note = new URL(ada.page.url()).searchParams.get('note');
  expect(note).toMatch(/^[0-9a-f]{32}$/);
  await expect(ada.editor.locator('h1')).toHaveText('Retro notes');
  await expect(ada.editor.locator('strong')).toHaveText('well');
  await expect(ada.editor.locator('a[href="https://example.com/board"]')).toHaveText('the board');
  await expect(ada.editor.locator('ul[data-type="taskList"] > li > div')).toHaveText([
    'Fix the build',
    'Write docs',
  ]);
  const first = ada.editor.locator('ul[data-type="taskList"] > li').first();
  await expect(first).toHaveAttribute('data-checked', 'true');
  await expect(first).toHaveAttribute('data-assignee', 'ada');
  await expect(first).toHaveAttribute('data-due', '2026-03-05');
  await expect(ada.editor.locator('table td')).toHaveText(['CI', 'Ada']);
  // A link the policy refuses is kept as text only.
  await expect(ada.editor).toContainText('evil');
  await expect(ada.editor.locator('a[href^="javascript"]')).toHaveCount(0);

  // The colleague finds the page in the tree and the same content in it.
  await expect.poll(() => pageOutline(grace)).toContain('Retro notes');
  await grace.page.getByRole('treeitem', { name: 'Retro notes', exact: true }).click();
  await expect(grace.editor.locator('h1')).toHaveText('Retro notes');
  await expect(grace.editor.locator('table td')).toHaveText(['CI', 'Ada']);
});
