import type { Page } from '@playwright/test';
import { createSpace, expect, newPage, pageOutline, test } from './fixtures.ts';
import { hasFocus } from './focus.ts';

// The page tree with the keyboard only: the WAI-ARIA tree keys, F2 to
// rename, and a move through the context menu (Shift+F10) and its dialog.

/** The accessible name of what has focus (e2e/ is type-checked without the DOM). */
function focused(page: Page): Promise<string> {
  return page.evaluate<string>('document.activeElement?.textContent ?? ""');
}

test('walk the tree with arrows, rename with F2, move a page with the keyboard only', async ({
  openAs,
}) => {
  const ada = await openAs({ as: 'Ada' });
  const { page } = ada;
  await createSpace(ada, 'Keys');
  await newPage(ada, 'Alpha');
  await newPage(ada, 'Beta');
  await newPage(ada, 'Gamma');
  await expect.poll(() => pageOutline(ada)).toEqual(['Alpha', 'Beta', 'Gamma']);

  const tree = page.getByRole('tree', { name: 'Pages of Keys' });
  // One stop in the tab order: the open page.
  await expect(tree.locator('[role="treeitem"][tabindex="0"]')).toHaveText(['Gamma']);
  await tree.getByRole('treeitem', { name: 'Gamma' }).focus();
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => focused(page)).toBe('Beta');
  await page.keyboard.press('Home');
  await expect.poll(() => focused(page)).toBe('Home');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focused(page)).toBe('Alpha');
  await page.keyboard.press('End');
  await expect.poll(() => focused(page)).toBe('Gamma');

  // F2 renames in place; Enter saves and focus comes back to the page.
  await page.keyboard.press('F2');
  const title = page.getByRole('textbox', { name: 'Page title' });
  await expect(title).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Gamma ray');
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toBe('Gamma ray');

  // Shift+F10 opens the page's menu; "Move to…" and its dialog, keys only.
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Actions for Gamma ray' });
  await expect(menu.getByRole('menuitem', { name: 'New sub-page' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Move to…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Move “Gamma ray”' });
  const parent = dialog.getByRole('combobox', { name: 'Put it in' });
  await expect(parent).toBeFocused();
  // Options: the top level, Alpha, Beta (not the page itself).
  await page.keyboard.press('ArrowDown');
  await expect(parent).toHaveValue(/.+/);
  const move = dialog.getByRole('button', { name: 'Move' });
  await expect
    .poll(async () => {
      if (await hasFocus(move)) {
        return true;
      }
      await page.keyboard.press('Tab');
      return false;
    })
    .toBe(true);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect.poll(() => pageOutline(ada)).toEqual(['Alpha', '  Gamma ray', 'Beta']);

  // ← on a child goes to its parent; ← again folds it, → unfolds.
  await tree.getByRole('treeitem', { name: 'Gamma ray' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => focused(page)).toBe('Alpha');
  await page.keyboard.press('ArrowLeft');
  await expect(tree.getByRole('treeitem', { name: 'Alpha' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await expect.poll(() => pageOutline(ada)).toEqual(['Alpha', 'Beta']);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => pageOutline(ada)).toEqual(['Alpha', '  Gamma ray', 'Beta']);
  // Enter opens the focused page.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(tree.getByRole('treeitem', { name: 'Gamma ray' })).toHaveAttribute(
    'aria-current',
    'page',
  );
});
