import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createNoteIndex, type NoteInput } from '../../../shared/search/index.ts';
import type { SearchService } from '../../search/index.ts';
import { Highlight, SearchLauncher } from './index.ts';

afterEach(cleanup);

/**
 * A stand-in for renderer/search's service around a real NoteIndex: the
 * palette only reads `search`, `ready`, `version` and `subscribe` (the
 * service itself is tested in renderer/search with the real sync layer).
 */
function standInService(notes: NoteInput[], ready = true) {
  const index = createNoteIndex();
  for (const note of notes) index.upsert(note);
  const listeners = new Set<() => void>();
  let version = 0;
  const service: SearchService = {
    search: (query, options) => index.search(query, options),
    ready: () => ready,
    version: () => version,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setOwner: () => Promise.resolve(),
    setOnlineOnly: () => undefined,
    signOut: () => Promise.resolve(),
    flush: () => Promise.resolve(),
    destroy: () => undefined,
  };
  const add = (note: NoteInput) => {
    index.upsert(note);
    version += 1;
    for (const listener of listeners) listener();
  };
  return { service, add };
}

const NOTES: NoteInput[] = [
  {
    spaceId: 'eng',
    docId: 'roadmap',
    title: 'Roadmap',
    text: 'Ship offline search in May',
    updatedAt: 2,
  },
  {
    spaceId: 'ops',
    docId: 'oncall',
    title: 'On-call',
    text: 'Search outage review on Friday',
    updatedAt: 1,
  },
];
const NAMES: Record<string, string> = { eng: 'Engineering', ops: 'Operations' };

function setup(notes = NOTES, ready = true) {
  const { service, add } = standInService(notes, ready);
  const onOpen = vi.fn();
  render(
    <>
      <button type="button">Elsewhere</button>
      <SearchLauncher service={service} spaceName={(id) => NAMES[id] ?? id} onOpen={onOpen} />
    </>,
  );
  return { onOpen, add };
}

function pressCtrlK(target: Element = document.body) {
  fireEvent.keyDown(target, { key: 'k', ctrlKey: true });
}

const input = () => screen.getByRole('combobox', { name: 'Search notes' });

describe('search palette', () => {
  it('opens with Ctrl+K or Cmd+K, closes with Escape and gives focus back', () => {
    setup();
    const before = screen.getByRole('button', { name: 'Elsewhere' });
    before.focus();
    pressCtrlK(before);
    expect(screen.getByRole('dialog', { name: 'Search notes' })).toBeTruthy();
    expect(document.activeElement).toBe(input());
    fireEvent.keyDown(input(), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(before);
    fireEvent.keyDown(document.body, { key: 'k', metaKey: true });
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('lists results as you type with the space, the title and a snippet, highlighted', () => {
    setup();
    pressCtrlK();
    fireEvent.change(input(), { target: { value: 'sear' } });
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(2);
    expect(input().getAttribute('aria-expanded')).toBe('true');
    const texts = options.map((o) => o.textContent);
    expect(texts.some((t) => t.includes('Engineering') && t.includes('Roadmap'))).toBe(true);
    expect(texts.some((t) => t.includes('Operations') && t.includes('On-call'))).toBe(true);
    const marks = options.flatMap((o) => [...o.querySelectorAll('mark')].map((m) => m.textContent));
    expect(marks.map((m) => m.toLowerCase())).toEqual(['search', 'search']);
    fireEvent.change(input(), { target: { value: 'roadmap' } });
    const [only] = screen.getAllByRole('option');
    expect(only?.querySelector('.search-palette__title mark')?.textContent).toBe('Roadmap');
    expect(screen.getByRole('status').textContent).toBe('1 note');
    fireEvent.change(input(), { target: { value: 'zebra' } });
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(screen.getByRole('status').textContent).toBe('No notes match.');
  });

  it('moves the active option with the arrows and opens it with Enter', () => {
    const { onOpen } = setup();
    pressCtrlK();
    fireEvent.change(input(), { target: { value: 'search' } });
    const options = screen.getAllByRole('option');
    expect(input().getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    expect(options[0]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    expect(input().getAttribute('aria-activedescendant')).toBe(options[1]?.id);
    fireEvent.keyDown(input(), { key: 'ArrowDown' }); // wraps
    expect(input().getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    fireEvent.keyDown(input(), { key: 'ArrowUp' });
    const chosen = screen.getAllByRole('option')[1];
    expect(chosen?.getAttribute('aria-selected')).toBe('true');
    const expected = chosen?.textContent.includes('Roadmap')
      ? ['eng', 'roadmap']
      : ['ops', 'oncall'];
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(...expected);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows notes indexed while it is open, and says when the index is not ready', () => {
    const { add } = setup([]);
    pressCtrlK();
    fireEvent.change(input(), { target: { value: 'budget' } });
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    act(() => {
      add({ spaceId: 'eng', docId: 'plan', title: 'Plan', text: 'budget', updatedAt: 1 });
    });
    expect(screen.getAllByRole('option')).toHaveLength(1);
    cleanup();
    setup([], false);
    pressCtrlK();
    expect(screen.getByRole('status').textContent).toBe('Preparing search…');
  });
});

describe('Highlight', () => {
  it('marks ranges, merges overlaps and ignores ranges outside the text', () => {
    const { container } = render(
      <Highlight
        text="budget review"
        ranges={[
          [7, 13],
          [0, 3],
          [2, 6],
          [20, 30],
        ]}
      />,
    );
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'budget',
      'review',
    ]);
    expect(container.textContent).toBe('budget review');
  });
});
