import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { Editor, getSchema, type JSONContent } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { readActionItems } from '../../../shared/meeting/index.ts';
import type { Person } from '../../../shared/api.ts';
import { createActionItemControls, type ActionItemControls } from './action-item-controls.ts';
import { isOverdue, localDate } from './action-item-view.ts';
import { jsonToMarkdown, markdownToProsemirrorJson } from '../../../shared/markdown/index.ts';
import type { NodeJSON } from '../../../shared/meeting/index.ts';
import { ActionItemPopover } from './ActionItemPopover.tsx';
import { noteExtensions } from './extensions.ts';

let editor: Editor | null = null;
afterEach(() => {
  cleanup();
  editor?.destroy();
  editor = null;
});

const grace: Person = { id: 'sub-grace', name: 'Grace Hopper', email: 'grace@example.com' };

/** A fake directory: answers from a fixed list, counting the questions. */
function fakeDirectory(people: readonly Person[]) {
  const asked: string[] = [];
  const search = (q: string) => {
    asked.push(q);
    const needle = q.toLowerCase();
    return Promise.resolve(
      people.filter((p) =>
        [p.id, p.name ?? '', p.email ?? ''].some((v) => v.toLowerCase().includes(needle)),
      ),
    );
  };
  return { search, asked };
}

function item(attrs: Record<string, unknown>, text = 'Send the minutes'): JSONContent {
  return {
    type: 'taskItem',
    attrs: { id: 'item1', checked: false, ...attrs },
    content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  };
}

function makeEditor(controls: ActionItemControls, items: JSONContent[], editable = true) {
  const element = document.createElement('div');
  document.body.append(element);
  editor = new Editor({
    element,
    extensions: noteExtensions({ actionItems: controls }),
    injectCSS: false,
    editable,
    content: { type: 'doc', content: [{ type: 'taskList', content: items }] },
  });
  const chips = () => [...element.querySelectorAll<HTMLButtonElement>('.action-meta__chip')];
  return { editor, element, chips };
}

function attrsOf(target: Editor) {
  const found: Record<string, unknown>[] = [];
  target.state.doc.descendants((node) => {
    if (node.type.name === 'taskItem') found.push(node.attrs);
  });
  return found;
}

describe('action item controls in the editor', () => {
  it('shows "Assign" and "Due date" on a new item, and the person and date once set', async () => {
    const directory = fakeDirectory([grace]);
    const controls = createActionItemControls(directory.search);
    const { editor: ed, chips } = makeEditor(controls, [item({})]);
    expect(chips().map((c) => c.textContent)).toEqual(['Assign', 'Due date']);

    ed.commands.setActionItemMeta(
      { id: 'item1', pos: 0 },
      { assignee: grace.id, due: '2099-01-31' },
    );
    expect(attrsOf(ed)[0]).toMatchObject({ assignee: grace.id, due: '2099-01-31' });
    // The name comes from the directory, asked once by id.
    await waitFor(() => {
      expect(chips()[0]?.textContent).toBe('Grace Hopper');
    });
    expect(chips()[1]?.textContent).toBe('Due Jan 31, 2099');
    expect(directory.asked).toEqual([grace.id]);
  });

  it('refuses a due date that is not a real day, and an empty assignee', () => {
    const { editor: ed } = makeEditor(createActionItemControls(null), [item({})]);
    expect(ed.commands.setActionItemMeta({ id: 'item1', pos: 0 }, { due: '2026-02-30' })).toBe(
      false,
    );
    expect(ed.commands.setActionItemMeta({ id: 'item1', pos: 0 }, { assignee: '' })).toBe(false);
    expect(ed.commands.setActionItemMeta({ id: 'gone', pos: 0 }, { due: '2026-02-28' })).toBe(
      false,
    );
    expect(attrsOf(ed)[0]).toMatchObject({ assignee: null, due: null });
  });

  it('marks open items due before today as overdue, not done ones', () => {
    const { element } = makeEditor(createActionItemControls(null), [
      item({ id: 'a', due: '2001-01-01' }),
      item({ id: 'b', due: '2001-01-01', checked: true }),
      item({ id: 'c', due: '2999-01-01' }),
    ]);
    const flags = [...element.querySelectorAll('ul[data-type="taskList"] > li')].map(
      (li) => li.getAttribute('data-overdue') === 'true',
    );
    expect(flags).toEqual([true, false, false]);
    expect(isOverdue('2026-03-09', false, '2026-03-10')).toBe(true);
    expect(isOverdue('2026-03-10', false, '2026-03-10')).toBe(false);
    expect(localDate(new Date(2026, 2, 4))).toBe('2026-03-04');
  });

  it('uses a mention of the person in the note for the name when the directory is unreachable', () => {
    const controls = createActionItemControls(() => Promise.reject(new Error('offline')));
    const element = document.createElement('div');
    document.body.append(element);
    editor = new Editor({
      element,
      extensions: noteExtensions({ actionItems: controls }),
      injectCSS: false,
      content: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'mention', attrs: { id: grace.id, label: 'Grace H.' } }],
          },
          { type: 'taskList', content: [item({ assignee: grace.id })] },
        ],
      },
    });
    expect(element.querySelector('.action-meta__who')?.textContent).toBe('Grace H.');
  });

  it('disables the buttons for a viewer', () => {
    const controls = createActionItemControls(null);
    const { chips } = makeEditor(controls, [item({ assignee: grace.id })], false);
    expect(chips().every((c) => c.disabled)).toBe(true);
    act(() => {
      chips()[0]?.click();
    });
    expect(controls.get()).toBeNull();
  });

  it('assigns a person, sets a due date (a real day only) and unassigns through the popover', async () => {
    const directory = fakeDirectory([grace]);
    const controls = createActionItemControls(directory.search);
    const { editor: ed, chips } = makeEditor(controls, [item({})]);
    const view = render(<ActionItemPopover controls={controls} editor={ed} />);

    act(() => {
      chips()[0]?.click();
    });
    fireEvent.change(view.getByLabelText('Find a person to assign'), {
      target: { value: 'grace' },
    });
    fireEvent.click(await view.findByRole('button', { name: /Assign to Grace Hopper/ }));
    expect(attrsOf(ed)[0]).toMatchObject({ assignee: grace.id });
    expect(view.queryByRole('dialog')).toBeNull();
    expect(chips()[0]?.textContent).toBe('Grace Hopper');

    act(() => {
      chips()[1]?.click();
    });
    const date = view.getByLabelText('Due date', { selector: 'input' });
    fireEvent.change(date, { target: { value: '2026-13-01' } });
    fireEvent.click(view.getByRole('button', { name: 'Set due date' }));
    expect(view.getByRole('alert').textContent).toMatch(/real date/);
    fireEvent.change(date, { target: { value: '2026-03-10' } });
    fireEvent.click(view.getByRole('button', { name: 'Set due date' }));
    expect(attrsOf(ed)[0]).toMatchObject({ assignee: grace.id, due: '2026-03-10' });

    act(() => {
      chips()[0]?.click();
    });
    fireEvent.click(view.getByRole('button', { name: 'Unassign' }));
    expect(attrsOf(ed)[0]).toMatchObject({ assignee: null, due: '2026-03-10' });
  });

  it('an assignee and due date set in the editor survive Markdown export and import', () => {
    const { editor: ed } = makeEditor(createActionItemControls(null), [item({})]);
    const sub = 'oidc|grace hopper';
    ed.commands.setActionItemMeta({ id: 'item1', pos: 0 }, { assignee: sub, due: '2026-03-10' });
    const markdown = jsonToMarkdown(ed.getJSON() as NodeJSON);
    const back = markdownToProsemirrorJson(markdown, { newId: () => 'fresh' });
    const parsed = ed.schema.nodeFromJSON(back);
    const found: Record<string, unknown>[] = [];
    parsed.descendants((node) => {
      if (node.type.name === 'taskItem') found.push(node.attrs);
    });
    // The item's id is internal, so it is not in the file: import gives a fresh one.
    expect(markdown).not.toContain('item1');
    expect(found).toEqual([{ id: 'fresh', checked: false, assignee: sub, due: '2026-03-10' }]);
  });

  it('writes the change into the note’s Y.Doc (so it syncs and is stored) and undo reverts it', () => {
    const doc = new Y.Doc();
    const body = doc.getXmlFragment('body');
    const json = { type: 'doc', content: [{ type: 'taskList', content: [item({})] }] };
    const element = document.createElement('div');
    document.body.append(element);
    const extensions = noteExtensions({ actionItems: createActionItemControls(null) });
    // The note as stored, then opened in the editor.
    prosemirrorJSONToYXmlFragment(getSchema(extensions), json, body);
    editor = new Editor({
      element,
      extensions: [...extensions, Collaboration.configure({ fragment: body })],
      injectCSS: false,
    });
    expect(readActionItems(doc)).toMatchObject([{ id: 'item1', assignee: null }]);

    editor.commands.setActionItemMeta(
      { id: 'item1', pos: 0 },
      { assignee: grace.id, due: '2026-03-10' },
    );
    expect(readActionItems(doc)).toMatchObject([
      { id: 'item1', assignee: grace.id, due: '2026-03-10' },
    ]);
    editor.commands.undo();
    expect(readActionItems(doc)).toMatchObject([{ id: 'item1', assignee: null, due: null }]);
  });
});
