import { createSpace, employee, expect, share, test, type Person } from './fixtures.ts';

// As people do it: one comments on selected text while the
// other replies; resolve and reopen; the highlight follows the text through
// edits made before it; `@` mentions people from the directory.

/** Selects `count` characters ending `fromEnd` characters before the end of the note's text. */
async function selectBeforeEnd(person: Person, fromEnd: number, count: number): Promise<void> {
  const { page } = person;
  await person.editor.click();
  await page.keyboard.press('Control+End');
  for (let i = 0; i < fromEnd; i += 1) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < count; i += 1) await page.keyboard.press('Shift+ArrowLeft');
}

/**
 * The highlighted text of the note. Another person's caret inside it splits
 * the highlight into several spans, so the spans' texts are joined.
 */
async function highlighted(person: Person): Promise<string> {
  return (await person.editor.locator('.comment-highlight').allTextContents()).join('');
}

function thread(person: Person, quote: string) {
  return person.page.getByRole('article', { name: `Comment on “${quote}”` });
}

test('one comments on selected text, the other replies; resolve, reopen, and the anchor follows edits', async ({
  openAs,
  stack,
}) => {
  test.setTimeout(120_000);
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Launch');
  await share(stack, ada, spaceId, employee('Grace'), 'editor');
  await ada.editor.click();
  await ada.page.keyboard.type('The launch happens on Friday at noon');

  const grace = await openAs({ as: 'Grace', search: `?space=${spaceId}` });
  await expect(grace.editor).toContainText('The launch happens on Friday at noon');

  // Ada selects "Friday" and comments on it.
  await selectBeforeEnd(ada, ' at noon'.length, 'Friday'.length);
  await ada.page.getByRole('button', { name: 'Comment', exact: true }).click();
  const draft = ada.page.getByRole('region', { name: 'New comment' });
  await expect(draft.locator('blockquote')).toHaveText('Friday');
  await draft.getByRole('textbox', { name: 'Comment' }).fill('Is Friday confirmed?');
  await draft.getByRole('button', { name: 'Comment' }).click();
  await expect(draft).toBeHidden();
  await expect.poll(() => highlighted(ada)).toBe('Friday');
  await expect(thread(ada, 'Friday')).toContainText('Is Friday confirmed?');

  // Ctrl+Z in the note undoes typing, never the comment.
  await ada.editor.click();
  await ada.page.keyboard.press('End');
  await ada.page.keyboard.type('!');
  await ada.page.keyboard.press('Control+z');
  await expect(ada.editor).toHaveText('The launch happens on Friday at noon');
  await expect(thread(ada, 'Friday')).toBeVisible();

  // Grace sees the highlight and the thread, and replies.
  await expect.poll(() => highlighted(grace)).toBe('Friday');
  const graceThread = thread(grace, 'Friday');
  await expect(graceThread).toContainText('Is Friday confirmed?');
  await graceThread.getByRole('textbox', { name: 'Reply' }).fill('Yes, booked the room');
  await graceThread.getByRole('button', { name: 'Reply' }).click();
  await expect(thread(ada, 'Friday')).toContainText('Yes, booked the room');
  await expect(thread(ada, 'Friday').getByRole('listitem')).toHaveCount(2);

  // Clicking the highlight focuses its thread and puts the caret where the
  // click was, so typing lands inside the commented word.
  await grace.editor.click();
  await grace.page.keyboard.press('Control+Home');
  await grace.editor.locator('.comment-highlight').first().click();
  await expect(graceThread).toHaveAttribute('data-active', 'true');
  await grace.page.keyboard.type('~');
  await expect
    .poll(async () => {
      const text = (await grace.editor.textContent()) ?? '';
      const at = text.indexOf('~');
      const word = text.replace('~', '').indexOf('Friday');
      return at > word && at < word + 'Friday'.length;
    })
    .toBe(true);
  await grace.page.keyboard.press('Backspace');
  await expect(ada.editor).toHaveText('The launch happens on Friday at noon');

  // Resolve: the thread leaves the open list and its highlight goes, for both.
  await thread(ada, 'Friday').getByRole('button', { name: 'Resolve' }).click();
  await expect(thread(ada, 'Friday')).toHaveCount(0);
  await expect(graceThread).toHaveCount(0);
  await expect(grace.editor.locator('.comment-highlight')).toHaveCount(0);
  // With no open thread the margin gives its room back to the note.
  await expect(ada.page.getByRole('complementary', { name: 'Comments' })).toHaveAttribute(
    'data-open',
    'false',
  );

  // Reopen from "Show resolved": back in the open list, highlighted again.
  await ada.page.getByRole('checkbox', { name: /Show resolved/ }).check();
  await expect(thread(ada, 'Friday')).toContainText(`Resolved by ${employee('Ada').name}`);
  await thread(ada, 'Friday').getByRole('button', { name: 'Reopen' }).click();
  // Nothing is resolved any more, so the toggle goes with the last resolved thread.
  await expect(ada.page.getByRole('checkbox', { name: /Show resolved/ })).toHaveCount(0);
  await expect(thread(ada, 'Friday')).toBeVisible();
  await expect(graceThread).toBeVisible();
  await expect.poll(() => highlighted(grace)).toBe('Friday');

  // Ada writes before the commented words: the highlight still covers them.
  await ada.editor.click();
  await ada.page.keyboard.press('Control+Home');
  await ada.page.keyboard.type('Update: ');
  await expect(grace.editor).toHaveText('Update: The launch happens on Friday at noon');
  await expect.poll(() => highlighted(ada)).toBe('Friday');
  await expect.poll(() => highlighted(grace)).toBe('Friday');
  // Even right before the first commented letter: the new words stay outside.
  await selectBeforeEnd(ada, ' at noon'.length + 'Friday'.length, 0);
  await ada.page.keyboard.type('next ');
  await expect(grace.editor).toHaveText('Update: The launch happens on next Friday at noon');
  await expect.poll(() => highlighted(ada)).toBe('Friday');
  await expect.poll(() => highlighted(grace)).toBe('Friday');
});

test('`@` mentions a person from the directory, in the note and in a comment', async ({
  openAs,
  stack,
}) => {
  test.setTimeout(120_000);
  const graceEmployee = employee('Grace');
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Mentions');
  await share(stack, ada, spaceId, graceEmployee, 'editor');
  const grace = await openAs({ as: 'Grace', search: `?space=${spaceId}` });

  await ada.editor.click();
  await ada.page.keyboard.type('Ask @Gra');
  const people = ada.page.getByRole('listbox', { name: 'Mention a person' });
  await expect(people.getByRole('option', { name: new RegExp(graceEmployee.name) })).toBeVisible();
  await ada.page.keyboard.press('Enter');
  await expect(people).toBeHidden();
  await ada.page.keyboard.type('about it');
  const chip = ada.editor.locator('.mention');
  await expect(chip).toHaveText(`@${graceEmployee.name}`);
  await expect(chip).toHaveAttribute('data-id', graceEmployee.sub);
  await expect(ada.editor).toHaveText(`Ask @${graceEmployee.name} about it`);
  await expect(grace.editor.locator('.mention')).toHaveText(`@${graceEmployee.name}`);

  // In a comment: `@Gra` offers her too, and the message shows her as a chip.
  await selectBeforeEnd(ada, 0, 'about it'.length);
  await ada.page.getByRole('button', { name: 'Comment', exact: true }).click();
  const box = ada.page.getByRole('region', { name: 'New comment' }).getByRole('textbox');
  await box.pressSequentially('Please check @Gra');
  await expect(
    ada.page.getByRole('listbox', { name: 'Mention a person' }).getByRole('option', {
      name: new RegExp(graceEmployee.name),
    }),
  ).toBeVisible();
  await box.press('ArrowDown');
  await box.press('ArrowUp');
  await box.press('Enter');
  await expect(box).toHaveValue(`Please check @${graceEmployee.name} `);
  await box.press('Control+Enter');
  const mention = thread(grace, 'about it').locator('.comment-mention');
  await expect(mention).toHaveText(`@${graceEmployee.name}`);
  await expect(mention).toHaveAttribute('data-id', graceEmployee.sub);
});

test('a viewer reads comments but is told she cannot comment', async ({ openAs, stack }) => {
  test.setTimeout(120_000);
  const ada = await openAs({ as: 'Ada' });
  const spaceId = await createSpace(ada, 'Read only');
  await share(stack, ada, spaceId, employee('Grace'), 'viewer');
  await ada.editor.click();
  await ada.page.keyboard.type('Budget is final');
  await selectBeforeEnd(ada, 0, 'final'.length);
  await ada.page.getByRole('button', { name: 'Comment', exact: true }).click();
  const draft = ada.page.getByRole('region', { name: 'New comment' });
  await draft.getByRole('textbox', { name: 'Comment' }).fill('Final as in signed?');
  await draft.getByRole('button', { name: 'Comment' }).click();

  const grace = await openAs({ as: 'Grace', search: `?space=${spaceId}` });
  await expect(thread(grace, 'final')).toContainText('Final as in signed?');
  await expect(
    grace.page.getByRole('note').filter({ hasText: 'Only people who can edit' }),
  ).toBeVisible();
  await expect(thread(grace, 'final').getByRole('textbox', { name: 'Reply' })).toHaveCount(0);
  await expect(thread(grace, 'final').getByRole('button', { name: 'Resolve' })).toHaveCount(0);
});
