import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, createEvent, fireEvent, waitFor, within } from '@testing-library/react';
import * as Y from 'yjs';
import { openSpaceIndex } from '../../../shared/space-index/index.ts';
import { ID_PATTERN } from '../../../shared/wire.ts';
import { Y_FOR, link, renderTree, rowOf, type TreeHarness } from './tree-harness.tsx';

let harness: TreeHarness | null = null;
afterEach(() => {
  cleanup();
  harness?.registry.destroy();
  harness = null;
});

function setup(options?: Parameters<typeof renderTree>[0]): TreeHarness {
  harness = renderTree(options);
  return harness;
}

/** Titles of the visible pages, indented by depth, in sidebar order. */
/** Opens a page's context menu from the keyboard (Shift+F10) and picks `item`. */
function fromMenu(view: TreeHarness['view'], title: string, item: string): void {
  fireEvent.keyDown(view.getByRole('treeitem', { name: title }), { key: 'F10', shiftKey: true });
  fireEvent.click(view.getByRole('menuitem', { name: item }));
}

function outline(container: HTMLElement): string[] {
  return [...container.querySelectorAll<HTMLElement>('.tree__list .tree__row')].map((row) => {
    const depth = Number(row.dataset['level']);
    const title = row.querySelector<HTMLElement>('.tree__link')?.textContent ?? '';
    return `${'  '.repeat(depth - 1)}${title}`;
  });
}

const dataTransfer = () => ({ setData: () => undefined, effectAllowed: '', dropEffect: '' });

/** A drag event at height `clientY` (happy-dom's DragEvent drops mouse coordinates). */
function at(event: Event, clientY: number): Event {
  Object.defineProperty(event, 'clientY', { value: clientY });
  return event;
}

function drag(from: HTMLElement, to: HTMLElement, where: keyof typeof Y_FOR) {
  const target = rowOf(to);
  const y = Y_FOR[where];
  fireEvent.dragStart(rowOf(from), { dataTransfer: dataTransfer() });
  const over = fireEvent(
    target,
    at(createEvent.dragOver(target, { dataTransfer: dataTransfer() }), y),
  );
  fireEvent(target, at(createEvent.drop(target, { dataTransfer: dataTransfer() }), y));
  fireEvent.dragEnd(rowOf(from));
  return over; // false when the drop was accepted (default prevented)
}

describe('page tree', () => {
  it('creates a page offline with "New page", opens it and names it with Enter', () => {
    const { view, handle, opened } = setup();
    fireEvent.click(view.getByRole('button', { name: 'New page' }));
    const input = view.getByRole('textbox', { name: 'Page title' });
    fireEvent.change(input, { target: { value: 'Weekly sync' } });
    fireEvent.keyDown(input, { key: 'Enter' });

    expect(outline(view.container)).toEqual(['Weekly sync']);
    // Written to the local index doc: no relay was ever reachable.
    const pages = openSpaceIndex(handle.doc, { userId: 'x' }).tree();
    expect(pages.map((n) => n.page.title)).toEqual(['Weekly sync']);
    const id = pages[0]?.page.id ?? '';
    expect(id).toMatch(ID_PATTERN);
    expect(opened).toEqual([id]);
    expect(view.getByRole('treeitem', { name: 'Weekly sync' }).getAttribute('aria-current')).toBe(
      'page',
    );
    // The crumbs show the title from the tree.
    expect(view.getByRole('navigation', { name: 'Breadcrumbs' }).textContent).toBe(
      'Demo / Weekly sync',
    );
  });

  it('nests pages, collapses and expands them, and shows the path in the crumbs', () => {
    const { view, local } = setup();
    act(() => {
      local.create({ id: 'handbook', title: 'Handbook', parentId: null });
    });
    fromMenu(view, 'Handbook', 'New sub-page');
    const input = view.getByRole('textbox', { name: 'Page title' });
    fireEvent.change(input, { target: { value: 'Onboarding' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(outline(view.container)).toEqual(['Handbook', '  Onboarding']);
    expect(view.getByRole('navigation', { name: 'Breadcrumbs' }).textContent).toBe(
      'Demo / Handbook / Onboarding',
    );

    const handbook = view.getByRole('treeitem', { name: 'Handbook' });
    expect(handbook.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(handbook, { key: 'ArrowLeft' });
    expect(outline(view.container)).toEqual(['Handbook']);
    expect(handbook.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(handbook, { key: 'ArrowRight' });
    expect(outline(view.container)).toEqual(['Handbook', '  Onboarding']);
  });

  it('renames inline: Escape keeps the old title, F2 then Enter saves the new one', () => {
    const { view, local } = setup();
    act(() => {
      local.create({ id: 'p1', title: 'Draft', parentId: null });
    });
    fromMenu(view, 'Draft', 'Rename');
    const input = view.getByRole('textbox', { name: 'Page title' });
    fireEvent.change(input, { target: { value: 'Nope' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(local.get('p1')?.title).toBe('Draft');

    fireEvent.keyDown(view.getByRole('treeitem', { name: 'Draft' }), { key: 'F2' });
    const again = view.getByRole('textbox', { name: 'Page title' });
    fireEvent.change(again, { target: { value: '  Roadmap 2027 ' } });
    fireEvent.keyDown(again, { key: 'Enter' });
    expect(local.get('p1')?.title).toBe('Roadmap 2027');
    expect(document.activeElement).toBe(view.getByRole('treeitem', { name: 'Roadmap 2027' }));
    expect(outline(view.container)).toEqual(['Roadmap 2027']);
  });

  it('moves pages by drag and drop before, after and inside a target', () => {
    const { view, local } = setup();
    act(() => {
      for (const [id, title] of [
        ['a', 'Alpha'],
        ['b', 'Beta'],
        ['c', 'Gamma'],
      ] as const) {
        local.create({ id, title, parentId: null });
      }
    });
    const link = (name: string) => view.getByRole('treeitem', { name });

    expect(drag(link('Gamma'), link('Alpha'), 'before')).toBe(false);
    expect(outline(view.container)).toEqual(['Gamma', 'Alpha', 'Beta']);
    drag(link('Gamma'), link('Beta'), 'after');
    expect(outline(view.container)).toEqual(['Alpha', 'Beta', 'Gamma']);
    drag(link('Gamma'), link('Alpha'), 'inside');
    expect(outline(view.container)).toEqual(['Alpha', '  Gamma', 'Beta']);
    expect(local.get('c')?.parentId).toBe('a');

    // A page cannot go inside its own subtree: the drop is not even accepted.
    expect(drag(link('Alpha'), link('Gamma'), 'inside')).toBe(true);
    expect(outline(view.container)).toEqual(['Alpha', '  Gamma', 'Beta']);

    // The top-level drop zone shows while dragging.
    fireEvent.dragStart(rowOf(link('Gamma')), { dataTransfer: dataTransfer() });
    const zone = view.getByText('Drop here to move to the top level');
    fireEvent.dragOver(zone, { dataTransfer: dataTransfer() });
    fireEvent.drop(zone, { dataTransfer: dataTransfer() });
    expect(outline(view.container)).toEqual(['Alpha', 'Beta', 'Gamma']);
  });

  it('moves a page with the keyboard through "Move to…"', () => {
    const { view, local } = setup();
    act(() => {
      local.create({ id: 'a', title: 'Alpha', parentId: null });
      local.create({ id: 'b', title: 'Beta', parentId: 'a' });
      local.create({ id: 'c', title: 'Gamma', parentId: null });
    });
    fromMenu(view, 'Alpha', 'Move to…');
    const dialog = view.getByRole('dialog', { name: 'Move “Alpha”' });
    const parent = within(dialog).getByRole('combobox', { name: 'Put it in' });
    // Its own subtree is not offered.
    expect([...(parent as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      'Top level of the space',
      'Gamma',
    ]);
    expect(document.activeElement).toBe(parent);
    fireEvent.change(parent, { target: { value: 'c' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move' }));
    expect(view.queryByRole('dialog')).toBeNull();
    expect(outline(view.container)).toEqual(['Gamma', '  Alpha', '    Beta']);

    fromMenu(view, 'Beta', 'Move to…');
    fireEvent.keyDown(view.getByRole('dialog'), { key: 'Escape' });
    expect(view.queryByRole('dialog')).toBeNull();
  });

  it('archives a page with its subtree into the trash and restores it', () => {
    const { view, local } = setup();
    act(() => {
      local.create({ id: 'a', title: 'Alpha', parentId: null });
      local.create({ id: 'b', title: 'Beta', parentId: 'a' });
      local.create({ id: 'c', title: 'Gamma', parentId: null });
    });
    fromMenu(view, 'Alpha', 'Archive');
    expect(outline(view.container)).toEqual(['Gamma']);
    expect(view.getByText('Trash (1)')).toBeTruthy();
    const trash = view.getByRole('list', { name: 'Archived pages' });
    expect(trash.textContent).toContain('Alpha');
    fireEvent.click(within(trash).getByRole('button', { name: 'Restore Alpha' }));
    expect(outline(view.container)).toEqual(['Alpha', '  Beta', 'Gamma']);
    expect(view.getByText('Trash (0)')).toBeTruthy();
  });

  it('shows another person’s changes live, and a refused write as an error', () => {
    const { view, handle } = setup();
    const remoteDoc = new Y.Doc();
    const unlink = link(handle.doc, remoteDoc);
    const remote = openSpaceIndex(remoteDoc, { userId: 'emp-grace' });
    act(() => {
      remote.create({ id: 'r1', title: 'From Grace', parentId: null });
    });
    expect(outline(view.container)).toEqual(['From Grace']);
    fromMenu(view, 'From Grace', 'Move to…');
    // Grace archives it while the dialog is open; moving into it is then refused.
    act(() => {
      remote.create({ id: 'r2', title: 'Target', parentId: null });
    });
    const dialog = view.getByRole('dialog');
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Put it in' }), {
      target: { value: 'r2' },
    });
    act(() => {
      remote.archive('r2');
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move' }));
    expect(view.getByRole('alert').textContent).toMatch(/archived page/);
    expect(outline(view.container)).toEqual(['From Grace']);
    unlink();
  });

  it('turns read-only when the relay refuses the index for good (4403)', () => {
    const { view, handle, store } = setup();
    expect(view.getByRole('button', { name: 'New page' })).toBeTruthy();
    act(() => {
      store.getState().patchRoom(handle.key, {
        closed: { code: 4403, reason: 'not a member of this space' },
      });
    });
    expect(view.queryByRole('button', { name: 'New page' })).toBeNull();
    expect(view.getByText('View only').getAttribute('title')).toBe(
      'The relay refused the page tree (not a member of this space).',
    );
  });

  it('is read-only for a viewer: no new page, no actions, nothing draggable', async () => {
    const { view, local } = setup({ role: 'viewer' });
    local.create({ id: 'a', title: 'Alpha', parentId: null });
    local.archive('a');
    local.create({ id: 'b', title: 'Beta', parentId: null });
    await waitFor(() => {
      expect(outline(view.container)).toEqual(['Beta']);
    });
    expect(view.getByText('View only')).toBeTruthy();
    expect(view.queryByRole('button', { name: 'New page' })).toBeNull();
    expect(view.queryByRole('button', { name: /Rename|Archive|Move|New page inside/ })).toBeNull();
    expect(view.queryByRole('button', { name: /Restore/ })).toBeNull();
    expect(rowOf(view.getByRole('treeitem', { name: 'Beta' })).getAttribute('draggable')).toBe(
      'false',
    );
    fireEvent.keyDown(view.getByRole('treeitem', { name: 'Beta' }), { key: 'F2' });
    expect(view.queryByRole('textbox')).toBeNull();
    fireEvent.keyDown(view.getByRole('treeitem', { name: 'Beta' }), { key: 'F10', shiftKey: true });
    fireEvent.contextMenu(rowOf(view.getByRole('treeitem', { name: 'Beta' })));
    expect(view.queryByRole('menu')).toBeNull();
  });

  it('walks with the arrow keys as a WAI-ARIA tree, one item in the tab order', () => {
    const { view, local } = setup();
    act(() => {
      local.create({ id: 'a', title: 'Alpha', parentId: null });
      local.create({ id: 'b', title: 'Beta', parentId: 'a' });
      local.create({ id: 'c', title: 'Gamma', parentId: null });
    });
    const item = (name: string) => view.getByRole('treeitem', { name });
    const focused = () => document.activeElement?.textContent;
    const press = (key: string) => {
      fireEvent.keyDown(document.activeElement ?? document.body, { key });
    };
    expect(view.getByRole('tree', { name: 'Pages of Team' })).toBeTruthy();
    // Roving tabindex: only Home takes Tab before anything was focused.
    expect(view.getAllByRole('treeitem').filter((e) => e.tabIndex === 0)).toEqual([item('Home')]);
    item('Home').focus();
    press('ArrowDown');
    expect(focused()).toBe('Alpha');
    expect(item('Alpha').tabIndex).toBe(0);
    expect(item('Home').tabIndex).toBe(-1);
    press('ArrowRight');
    expect(focused()).toBe('Beta');
    expect(item('Beta').getAttribute('aria-level')).toBe('2');
    press('ArrowLeft');
    expect(focused()).toBe('Alpha');
    press('ArrowLeft');
    expect(item('Alpha').getAttribute('aria-expanded')).toBe('false');
    expect(view.queryByRole('treeitem', { name: 'Beta' })).toBeNull();
    press('ArrowDown');
    expect(focused()).toBe('Gamma');
    press('Home');
    expect(focused()).toBe('Home');
    press('End');
    expect(focused()).toBe('Gamma');
    press('ArrowUp');
    press('ArrowRight');
    expect(item('Alpha').getAttribute('aria-expanded')).toBe('true');
  });

  it('opens the context menu by right click and from the keyboard; Escape returns to the page', () => {
    const { view, local } = setup();
    act(() => {
      local.create({ id: 'a', title: 'Alpha', parentId: null });
    });
    fireEvent.contextMenu(rowOf(view.getByRole('treeitem', { name: 'Alpha' })));
    const menu = view.getByRole('menu', { name: 'Actions for Alpha' });
    expect([...menu.querySelectorAll('[role="menuitem"]')].map((e) => e.textContent)).toEqual([
      'New sub-page',
      'Rename',
      'Move to…',
      'Archive',
    ]);
    expect(document.activeElement?.textContent).toBe('New sub-page');
    fireEvent.keyDown(document.activeElement ?? menu, { key: 'Escape' });
    expect(view.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(view.getByRole('treeitem', { name: 'Alpha' }));
  });
});
