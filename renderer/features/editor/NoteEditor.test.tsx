import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import * as Y from 'yjs';
import { AppServicesContext } from '../../services/index.ts';
import { createAppStore } from '../../store/index.ts';
import { createDocRegistry, noteBody, type DocRegistry } from '../../sync/index.ts';
import { NoteEditor } from './index.ts';

const room = { spaceId: 'demo', docId: 'welcome' };
const identity = { id: 'test-identity-1', name: 'Ada', color: '#e5484d' } as const;
let registry: DocRegistry | null = null;

afterEach(() => {
  cleanup();
  registry?.destroy();
  registry = null;
});

/** The editor over a real registry whose provider never connects: the test plays the relay. */
function renderEditor() {
  const store = createAppStore();
  registry = createDocRegistry({
    relayUrl: 'ws://127.0.0.1:9',
    store,
    user: identity,
    connect: false,
  });
  const handle = registry.open(room);
  const view = render(
    <AppServicesContext value={{ store, registry }}>
      <NoteEditor room={room} identity={identity} />
    </AppServicesContext>,
  );
  const content = () => {
    const el = view.container.querySelector('.ProseMirror');
    if (!el) throw new Error('editor not rendered');
    return el;
  };
  return { handle, content, view };
}

/** The note as the relay holds it: one paragraph written by someone else. */
function relayUpdate(text: string): Uint8Array {
  const remote = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  noteBody(remote).insert(0, [paragraph]);
  return Y.encodeStateAsUpdate(remote);
}

describe('NoteEditor', () => {
  it('is read-only and writes nothing to the Y.Doc before the first sync', async () => {
    const { handle, content, view } = renderEditor();
    await waitFor(() => {
      expect(content().getAttribute('contenteditable')).toBe('false');
    });
    expect(view.getByRole('status').textContent).toMatch(/Loading the note/);
    // Binding the editor must not have put a paragraph (or anything) into the
    // empty local doc: that would be merged into the real note on sync.
    expect(handle.body.length).toBe(0);
    expect(handle.doc.store.clients.size).toBe(0);
  });

  it('becomes editable after the first sync and shows exactly the relay content', async () => {
    const { handle, content } = renderEditor();
    act(() => {
      Y.applyUpdate(handle.doc, relayUpdate('Agenda for Monday'), handle.provider);
      handle.provider.synced = true;
    });
    await waitFor(() => {
      expect(content().getAttribute('contenteditable')).toBe('true');
    });
    expect(content().textContent).toBe('Agenda for Monday');
    expect(handle.body.length).toBe(1);
    expect(handle.doc.store.clients.size).toBe(1);
  });

  it('stays editable when the connection drops after the first sync', async () => {
    const { handle, content } = renderEditor();
    act(() => {
      handle.provider.synced = true;
    });
    await waitFor(() => {
      expect(content().getAttribute('contenteditable')).toBe('true');
    });
    act(() => {
      handle.provider.synced = false;
      handle.provider.emit('connection-close', [null, handle.provider]);
    });
    expect(content().getAttribute('contenteditable')).toBe('true');
  });

  it('renders remote edits live after the sync', async () => {
    const { handle, content } = renderEditor();
    act(() => {
      handle.provider.synced = true;
    });
    act(() => {
      Y.applyUpdate(handle.doc, relayUpdate('Decisions'), handle.provider);
    });
    await waitFor(() => {
      expect(content().textContent).toContain('Decisions');
    });
  });
});
