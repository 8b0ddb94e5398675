import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { Editor } from '@tiptap/core';
import type { Person } from '../../../shared/api.ts';
import { noteExtensions } from './extensions.ts';
import { MentionMenu } from './mention-menu.tsx';
import { createMentionMenuStore } from './mention-menu-store.ts';

let editor: Editor | null = null;
afterEach(() => {
  cleanup();
  editor?.destroy();
  editor = null;
});

const PEOPLE: Person[] = [
  { id: 'emp-1002', name: 'Grace Hopper', email: 'grace.hopper@example.com' },
  { id: 'emp-1007', name: 'Grady Booch' },
  { id: 'emp-1001', name: 'Ada Lovelace' },
];

/** A fake directory (the relay's `GET /api/directory?q=` matches names the same way); records queries. */
function fakeDirectory(fail = false) {
  const queries: string[] = [];
  const search = (q: string): Promise<Person[]> => {
    queries.push(q);
    if (fail) return Promise.reject(new Error('relay unreachable'));
    return Promise.resolve(
      PEOPLE.filter((p) => (p.name ?? '').toLowerCase().includes(q.toLowerCase())),
    );
  };
  return { search, queries };
}

function makeEditor(fail = false) {
  const store = createMentionMenuStore();
  const directory = fakeDirectory(fail);
  const element = document.createElement('div');
  document.body.append(element);
  editor = new Editor({
    element,
    extensions: noteExtensions({ mentions: { store, searchPeople: directory.search } }),
    injectCSS: false,
  });
  const view = render(<MentionMenu store={store} editor={editor} />);
  return { editor, store, directory, view };
}

function key(target: Editor, name: string) {
  target.view.dom.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
}

describe('the @ mention menu', () => {
  it('offers people from the directory; arrows move, Enter inserts a mention chip', async () => {
    const { editor, directory, view } = makeEditor();
    act(() => {
      // Focused, as when a person types: the mention command then moves the DOM selection.
      editor.commands.focus();
      editor.commands.insertContent('Ask @Gra');
    });
    await waitFor(() => {
      expect(view.getAllByRole('option').map((o) => o.textContent)).toEqual([
        'Grace Hoppergrace.hopper@example.com',
        'Grady Booch',
      ]);
    });
    expect(directory.queries.at(-1)).toBe('Gra');
    expect(editor.view.dom.getAttribute('aria-controls')).toBe(view.getByRole('listbox').id);
    act(() => {
      key(editor, 'ArrowDown');
      key(editor, 'ArrowUp');
    });
    expect(view.getByRole('option', { selected: true }).textContent).toContain('Grace Hopper');
    act(() => {
      key(editor, 'Enter');
    });
    await waitFor(() => {
      expect(view.queryByRole('listbox')).toBeNull();
    });
    const paragraph = editor.getJSON().content[0];
    expect(paragraph?.content?.[1]).toMatchObject({
      type: 'mention',
      attrs: { id: 'emp-1002', label: 'Grace Hopper' },
    });
    expect(editor.getText()).toBe('Ask @Grace Hopper ');
  });

  it('closes on Escape and leaves the typed text', async () => {
    const { editor, view } = makeEditor();
    act(() => {
      editor.commands.insertContent('@Ada');
    });
    await waitFor(() => {
      expect(view.getAllByRole('option')).toHaveLength(1);
    });
    act(() => {
      key(editor, 'Escape');
    });
    await waitFor(() => {
      expect(view.queryByRole('listbox')).toBeNull();
    });
    expect(editor.getText()).toBe('@Ada');
  });

  it('says so when the directory cannot be searched', async () => {
    const { editor, view } = makeEditor(true);
    act(() => {
      editor.commands.insertContent('@Gr');
    });
    await waitFor(() => {
      expect(view.getByRole('alert').textContent).toMatch(
        /Could not search the directory: relay unreachable/,
      );
    });
  });
});
