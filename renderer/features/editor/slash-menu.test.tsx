import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { Editor } from '@tiptap/core';
import { BLOCK_COMMANDS, filterBlockCommands } from './block-commands.ts';
import { noteExtensions } from './extensions.ts';
import { SlashMenu } from './SlashMenu.tsx';
import { createSlashMenuStore } from './slash-menu-store.ts';

let editor: Editor | null = null;
afterEach(() => {
  cleanup();
  editor?.destroy();
  editor = null;
});

function makeEditor() {
  const store = createSlashMenuStore();
  const element = document.createElement('div');
  document.body.append(element);
  editor = new Editor({
    element,
    extensions: noteExtensions({ slashMenu: store }),
    injectCSS: false,
  });
  return { editor, store };
}

function key(target: Editor, name: string) {
  target.view.dom.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
}

describe('filterBlockCommands', () => {
  it('lists every block for an empty query', () => {
    expect(filterBlockCommands('').map((c) => c.id)).toEqual(BLOCK_COMMANDS.map((c) => c.id));
    expect(BLOCK_COMMANDS.map((c) => c.id)).toEqual([
      'text',
      'heading1',
      'heading2',
      'heading3',
      'bulletList',
      'orderedList',
      'taskList',
      'table',
      'codeBlock',
      'blockquote',
      'divider',
    ]);
  });

  it('matches title words first, then keywords, ignoring case', () => {
    expect(filterBlockCommands('Head').map((c) => c.id)).toEqual([
      'heading1',
      'heading2',
      'heading3',
    ]);
    expect(filterBlockCommands('list').map((c) => c.id)).toEqual([
      'bulletList',
      'orderedList',
      'taskList',
    ]);
    expect(filterBlockCommands('todo').map((c) => c.id)).toEqual(['taskList']);
    expect(filterBlockCommands('hr').map((c) => c.id)).toEqual(['divider']);
    expect(filterBlockCommands(' h2 ').map((c) => c.id)).toEqual(['heading2']);
    expect(filterBlockCommands('zzz')).toEqual([]);
  });
});

describe('block commands', () => {
  it('each turns the `/query` text into its block', () => {
    const { editor } = makeEditor();
    const expected: Record<string, string> = {
      text: 'paragraph',
      heading1: 'heading',
      heading2: 'heading',
      heading3: 'heading',
      bulletList: 'bulletList',
      orderedList: 'orderedList',
      taskList: 'taskList',
      table: 'table',
      codeBlock: 'codeBlock',
      blockquote: 'blockquote',
      divider: 'horizontalRule',
    };
    for (const command of BLOCK_COMMANDS) {
      editor.commands.setContent('<p>/x</p>');
      command.run(editor, { from: 1, to: 3 });
      const first = editor.getJSON().content[0];
      expect(first?.type, command.id).toBe(expected[command.id]);
      expect(editor.getText(), command.id).not.toContain('/x');
    }
  });

  it('gives each new action item its own id, also when Enter splits one', () => {
    const { editor } = makeEditor();
    editor.commands.setContent('<p>Call</p>');
    editor.commands.toggleTaskList();
    editor.commands.setTextSelection(7); // after "Call": taskList › taskItem › paragraph
    expect(editor.commands.splitListItem('taskItem')).toBe(true);
    const ids: unknown[] = [];
    editor.state.doc.descendants((node) => {
      if (node.type.name === 'taskItem') ids.push(node.attrs['id']);
    });
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });
});

describe('the slash menu', () => {
  it('opens on `/`, filters as one types, moves with arrows and inserts with Enter', async () => {
    const { editor, store } = makeEditor();
    const view = render(<SlashMenu store={store} editor={editor} />);
    act(() => {
      editor.commands.insertContent('/');
    });
    await waitFor(() => {
      expect(view.getAllByRole('option')).toHaveLength(BLOCK_COMMANDS.length);
    });
    expect(editor.view.dom.getAttribute('aria-controls')).toBe(view.getByRole('listbox').id);

    act(() => {
      editor.commands.insertContent('list');
    });
    await waitFor(() => {
      expect(view.getAllByRole('option')).toHaveLength(3);
    });
    const options = view.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      expect.stringContaining('Bulleted list'),
      expect.stringContaining('Numbered list'),
      expect.stringContaining('Check list'),
    ]);
    expect(options[0]?.getAttribute('aria-selected')).toBe('true');
    act(() => {
      key(editor, 'ArrowDown');
      key(editor, 'ArrowDown');
    });
    const selected = view.getByRole('option', { selected: true });
    expect(selected.textContent).toContain('Check list');
    expect(editor.view.dom.getAttribute('aria-activedescendant')).toBe(selected.id);

    act(() => {
      key(editor, 'Enter');
    });
    expect(editor.getJSON().content[0]?.type).toBe('taskList');
    expect(editor.getText()).not.toContain('/list');
    expect(view.queryByRole('listbox')).toBeNull();
    expect(editor.view.dom.hasAttribute('aria-controls')).toBe(false);
  });

  it('closes on Escape and says when nothing matches', async () => {
    const { editor, store } = makeEditor();
    const view = render(<SlashMenu store={store} editor={editor} />);
    act(() => {
      editor.commands.insertContent('/qqq');
    });
    await waitFor(() => {
      expect(view.getByRole('status').textContent).toContain('No block matches “qqq”');
    });
    act(() => {
      key(editor, 'Escape');
    });
    expect(store.get()).toBeNull();
    expect(editor.getText()).toBe('/qqq');
  });

  it('does not open inside a code block', () => {
    const { editor, store } = makeEditor();
    editor.commands.setContent('<pre><code>x</code></pre>');
    editor.commands.setTextSelection(2);
    editor.commands.insertContent('/');
    expect(store.get()).toBeNull();
  });
});
