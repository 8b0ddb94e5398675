import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import * as Y from 'yjs';
import { openSpaceIndex } from '../../../shared/space-index/index.ts';
import { i18n } from '../../i18n/index.ts';
import { de } from '../../i18n/catalogue/de.ts';
import { en } from '../../i18n/catalogue/en.ts';
import { MoveDialog } from './MoveDialog.tsx';
import { TrashSection } from './TrashSection.tsx';

// "Move to…" and the page trash were hard-coded English; these check they
// follow the UI language, including a switch while they are on screen.

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

function sample() {
  const index = openSpaceIndex(new Y.Doc(), { userId: 'emp-ada' });
  index.create({ id: 'a', title: '', parentId: null });
  index.create({ id: 'b', title: 'Beta', parentId: null });
  index.create({ id: 'x', title: 'Gone', parentId: null });
  index.archive('x');
  return index;
}

describe('the move dialog in German', () => {
  it('names the page, the top level and the positions in German and moves to the top', async () => {
    await i18n.changeLanguage('de');
    const onMove = vi.fn();
    render(
      <MoveDialog
        tree={sample().snapshot()}
        pageId="b"
        onMove={onMove}
        onClose={() => undefined}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: '„Beta“ verschieben' });
    const parent = within(dialog).getByRole('combobox', { name: de.tree.putIn });
    expect(
      within(parent)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([de.tree.topLevel, de.tree.untitled]);
    const position = within(dialog).getByRole('combobox', { name: de.tree.position });
    fireEvent.change(position, { target: { value: 'first' } });
    expect(within(position).getByRole('option', { selected: true }).textContent).toBe(
      de.tree.atTop,
    );
    fireEvent.click(within(dialog).getByRole('button', { name: de.tree.moveButton }));
    expect(onMove).toHaveBeenCalledWith({ parentId: null, index: 0 });
    expect(dialog.textContent).not.toContain(en.tree.topLevel);
    expect(dialog.textContent).not.toContain(en.ui.cancel);
  });
});

describe('the page trash', () => {
  it('switches to German while open: count, list name and restore buttons', async () => {
    const tree = sample().snapshot();
    const onRestore = vi.fn();
    render(<TrashSection pages={tree.archived()} readOnly={false} onRestore={onRestore} />);
    expect(screen.getByText('Trash (1)')).toBeTruthy();

    await act(async () => {
      await i18n.changeLanguage('de');
    });
    expect(screen.getByText('Papierkorb (1)')).toBeTruthy();
    const list = screen.getByRole('list', { name: de.tree.archived });
    fireEvent.click(within(list).getByRole('button', { name: 'Gone wiederherstellen' }));
    expect(onRestore).toHaveBeenCalledWith('x');
    expect(screen.queryByText(/Trash|Restore/)).toBeNull();
  });

  it('says in German that archived pages show there when there are none', async () => {
    await i18n.changeLanguage('de');
    render(<TrashSection pages={[]} readOnly={false} onRestore={() => undefined} />);
    expect(screen.getByText(de.tree.trashEmpty)).toBeTruthy();
    expect(screen.getByText('Papierkorb (0)')).toBeTruthy();
  });
});
