import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import * as Y from 'yjs';
import type { Role } from '../../../shared/api.ts';
import type { SnapshotMeta } from '../../../shared/history-api.ts';
import { ApiRequestError, type HistoryApi } from '../../api/index.ts';
import { AppServicesContext } from '../../services/index.ts';
import { createAppStore } from '../../store/index.ts';
import { createDocRegistry, noteBody, type DocRegistry } from '../../sync/index.ts';
import { noteExtensions } from '../editor/index.ts';
import { HistoryPanel } from './index.ts';

const room = { spaceId: 'S', docId: 'plan' };
let registry: DocRegistry | null = null;
const editors: Editor[] = [];

afterEach(() => {
  cleanup();
  for (const editor of editors.splice(0)) editor.destroy();
  registry?.destroy();
  registry = null;
});

function paragraphState(text: string): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  noteBody(doc).insert(0, [paragraph]);
  return Y.encodeStateAsUpdate(doc);
}

const OLD: SnapshotMeta = {
  id: 'A'.repeat(22),
  docId: 'plan',
  createdAt: Date.UTC(2026, 10, 27, 9, 30),
  createdBy: 'emp-1001',
  createdByName: 'Ada Lovelace',
  reason: 'manual',
  size: 10,
};

/** A fake relay API (no relay in unit tests): one snapshot; `save` records its calls. */
function fakeApi(options: { unreachable?: boolean } = {}) {
  const saved: string[] = [];
  const api: HistoryApi = {
    list: () =>
      options.unreachable === true
        ? Promise.reject(new ApiRequestError(0, 'network', 'Could not reach the relay.'))
        : Promise.resolve([OLD]),
    save: (spaceId, docId) => {
      saved.push(`${spaceId}/${docId}`);
      return Promise.resolve({ ...OLD, id: 'B'.repeat(22) });
    },
    get: () => Promise.resolve({ meta: OLD, update: paragraphState('Old text') }),
  };
  return { api, saved };
}

function renderPanel(role: Role, api: HistoryApi) {
  const store = createAppStore();
  store.getState().patchSpaces({ status: 'ready', items: [{ id: 'S', name: 'Team', role }] });
  // Synced with the relay: the note may be edited (by those whose role allows it).
  store.getState().patchRoom('S/plan', { localLoaded: true, firstSyncDone: true });
  registry = createDocRegistry({
    relayUrl: 'ws://127.0.0.1:9',
    store,
    user: { name: 'Ada', color: '#e5484d' },
    connect: false,
  });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, paragraphState('Current text'));
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: [...noteExtensions(), Collaboration.configure({ fragment: noteBody(doc) })],
    injectCSS: false,
  });
  editors.push(editor);
  const view = render(
    <AppServicesContext value={{ store, registry, history: api }}>
      <HistoryPanel
        room={room}
        editor={editor}
        viewExtensions={noteExtensions}
        onClose={() => undefined}
      />
    </AppServicesContext>,
  );
  return { view, editor };
}

describe('HistoryPanel', () => {
  it('lists versions, shows one read-only beside the note, and restores it', async () => {
    const { api, saved } = fakeApi();
    const { view, editor } = renderPanel('editor', api);
    const item = await view.findByRole('button', { name: /Saved by Ada Lovelace/ });
    fireEvent.click(item);
    const old = await view.findByLabelText(/Version of/);
    expect(old.textContent).toBe('Old text');
    expect(old.getAttribute('contenteditable')).toBe('false');
    expect(editor.getText()).toBe('Current text');

    fireEvent.click(view.getByRole('button', { name: 'Save version now' }));
    await waitFor(() => {
      expect(saved).toEqual(['S/plan']);
    });
    expect(await view.findByText('Version saved.')).toBeTruthy();

    fireEvent.click(view.getByRole('button', { name: 'Restore this version' }));
    expect(editor.getText()).toBe('Old text');
    expect(view.getByText(/Restored the version of/)).toBeTruthy();
    editor.commands.undo();
    expect(editor.getText()).toBe('Current text');
  });

  it('offers no "Save version now" to a viewer', async () => {
    const { api } = fakeApi();
    const { view } = renderPanel('viewer', api);
    await view.findByRole('button', { name: /Saved by Ada Lovelace/ });
    expect(view.queryByRole('button', { name: 'Save version now' })).toBeNull();
    fireEvent.click(view.getByRole('button', { name: /Saved by Ada Lovelace/ }));
    await view.findByLabelText(/Version of/);
    expect(view.queryByRole('button', { name: 'Restore this version' })).toBeNull();
  });

  it('says that history needs the relay when it cannot be reached', async () => {
    const { api } = fakeApi({ unreachable: true });
    const { view } = renderPanel('owner', api);
    expect((await view.findByRole('status')).textContent).toMatch(/kept by the relay/);
    expect(view.queryByRole('button', { name: 'Save version now' })).toBeNull();
  });
});
