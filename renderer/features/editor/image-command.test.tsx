import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { Editor } from '@tiptap/core';
import { ApiRequestError, type FilesApi } from '../../api/index.ts';
import { createFilesService, type FilesService, type NoteImageOptions } from '../images/index.ts';
import { noteExtensions } from './extensions.ts';
import { SlashMenu } from './SlashMenu.tsx';
import { createSlashMenuStore } from './slash-menu-store.ts';

// The slash menu's "Image" item: a file chooser whose
// choice is added like a pasted image, offered only where one can be added.

const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);

/** A fake relay that is never reachable: images stay pending on this machine. */
const unreachableRelay: FilesApi = {
  upload: () => Promise.reject(new ApiRequestError(0, 'network', 'unreachable')),
  download: () => Promise.reject(new ApiRequestError(0, 'network', 'unreachable')),
  limits: () => Promise.reject(new ApiRequestError(0, 'network', 'unreachable')),
};

const editors: Editor[] = [];
const services: FilesService[] = [];
afterEach(() => {
  cleanup();
  for (const e of editors.splice(0)) e.destroy();
  for (const s of services.splice(0)) s.destroy();
  vi.restoreAllMocks();
});

let people = 0;
function filesService(): FilesService {
  const owner = `slash-image-person-${String(++people)}`;
  const files = createFilesService({
    api: unreachableRelay,
    owner: () => owner,
    retry: { minMs: 1000, maxMs: 1000 },
    urls: { create: () => 'blob:test/1', revoke: () => undefined },
  });
  services.push(files);
  return files;
}

function makeEditor(images?: NoteImageOptions) {
  const store = createSlashMenuStore();
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({
    element,
    extensions: noteExtensions({ slashMenu: store, ...(images ? { images } : {}) }),
    injectCSS: false,
  });
  editors.push(editor);
  return { editor, store };
}

function offered(store: ReturnType<typeof createSlashMenuStore>): string[] {
  return store.get()?.items.map((item) => item.id) ?? [];
}

describe('the slash menu’s Image item', () => {
  it('opens a file chooser on Enter and adds the chosen image where `/image` was', async () => {
    const notices: (string | null)[] = [];
    const { editor, store } = makeEditor({
      files: filesService(),
      spaceId: 'team',
      onNotice: (m) => notices.push(m),
    });
    const view = render(<SlashMenu store={store} editor={editor} />);
    // happy-dom has no file dialog: the click on the chooser's input is caught.
    const click = vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => undefined);
    act(() => {
      editor.commands.insertContent('/');
    });
    await vi.waitFor(() => {
      expect(offered(store).at(-1)).toBe('image');
    });
    act(() => {
      editor.commands.insertContent('image');
    });
    await waitFor(() => {
      expect(view.getAllByRole('option').map((o) => o.textContent)).toEqual([
        expect.stringContaining('Image'),
      ]);
    });
    act(() => {
      editor.view.dom.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(editor.getText()).not.toContain('/image');
    expect(click).toHaveBeenCalledOnce();
    const input = click.mock.contexts[0];
    if (!(input instanceof HTMLInputElement)) throw new Error('no file input was clicked');
    expect(input.accept).toBe('image/png,image/jpeg,image/gif,image/webp');
    Object.defineProperty(input, 'files', {
      value: [new File([PNG], 'diagram.png', { type: 'image/png' })],
    });
    input.dispatchEvent(new Event('change'));
    await vi.waitFor(() => {
      expect(editor.getHTML()).toMatch(/<img data-file-id="[A-Za-z0-9_-]{43}" alt="diagram">/);
    });
    expect(notices).toEqual([null]);
  });

  it('is not offered without the files service, nor in an editor without images', async () => {
    const bare = makeEditor();
    bare.editor.commands.insertContent('/');
    await vi.waitFor(() => {
      expect(offered(bare.store)).toContain('divider');
    });
    expect(offered(bare.store)).not.toContain('image');

    const noFiles = makeEditor({ files: null, spaceId: null, onNotice: null });
    noFiles.editor.commands.insertContent('/im');
    await vi.waitFor(() => {
      expect(noFiles.store.get()?.query).toBe('im');
    });
    expect(noFiles.store.get()?.items).toEqual([]);
  });

  it('is not offered to someone who cannot edit (no slash menu at all)', async () => {
    const images = { files: filesService(), spaceId: 'team', onNotice: null };
    const viewer = makeEditor(images);
    const editor = makeEditor(images);
    viewer.editor.setEditable(false);
    viewer.editor.commands.insertContent('/image');
    editor.editor.commands.insertContent('/image');
    // Once the editor's menu has opened, the viewer's would have too.
    await vi.waitFor(() => {
      expect(offered(editor.store)).toEqual(['image']);
    });
    expect(viewer.store.get()).toBeNull();
  });
});
