import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MenuList, type MenuItem } from './Menu.tsx';

afterEach(() => {
  cleanup();
});

const items: MenuItem[] = [
  { label: 'Export', onSelect: vi.fn() },
  { label: 'Import', onSelect: vi.fn() },
  { label: 'History', onSelect: vi.fn() },
];

describe('menu list', () => {
  it('focuses the first item, and arrows move focus, wrapping', () => {
    render(<MenuList label="Note actions" items={items} onClose={vi.fn()} />);
    const menu = screen.getByRole('menu', { name: 'Note actions' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Export' }));
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Import' }));
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'History' }));
  });

  it('keeps focus where the arrows put it when its owner renders again', () => {
    const view = render(<MenuList label="Note actions" items={items} onClose={() => {}} />);
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'ArrowDown' });
    // A live owner (presence, sync status) renders often, with a new onClose each time.
    const onClose = vi.fn();
    view.rerender(<MenuList label="Note actions" items={items} onClose={onClose} />);
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Import' }));
    fireEvent.pointerDown(document.body);
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
