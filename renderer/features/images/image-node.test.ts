import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Editor } from '@tiptap/core';
import { Slice } from '@tiptap/pm/model';
import { ApiRequestError, type FilesApi } from '../../api/index.ts';
import { noteExtensions } from '../editor/index.ts';
import { fileIdOf } from './file-id.ts';
import { createFilesService, type FilesService } from './files-service.ts';

// The image node in the real note editor (TipTap in happy-dom): paste and drop
// handling, the node's attributes, and its view. The relay is a stand-in
// that is unreachable, so images stay pending on this machine.

const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);

const unreachableRelay: FilesApi = {
  upload: () => Promise.reject(new ApiRequestError(0, 'network', 'unreachable')),
  download: () => Promise.reject(new ApiRequestError(0, 'network', 'unreachable')),
  limits: () => Promise.reject(new ApiRequestError(0, 'network', 'unreachable')),
};

const editors: Editor[] = [];
const services: FilesService[] = [];
afterEach(() => {
  for (const e of editors.splice(0)) e.destroy();
  for (const s of services.splice(0)) s.destroy();
});

let people = 0;
function setup() {
  const notices: (string | null)[] = [];
  const owner = `editor-person-${String(++people)}`;
  const files = createFilesService({
    api: unreachableRelay,
    owner: () => owner,
    retry: { minMs: 1000, maxMs: 1000 },
    maxBytes: 1024,
    urls: { create: () => 'blob:test/1', revoke: () => undefined },
  });
  services.push(files);
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({
    element,
    extensions: noteExtensions({
      images: { files, spaceId: 'team', onNotice: (m) => notices.push(m) },
    }),
    injectCSS: false,
  });
  editors.push(editor);
  return { editor, notices };
}

function paste(editor: Editor, files: File[]): boolean {
  const event = {
    clipboardData: { files, getData: () => '', types: ['Files'] },
    preventDefault: () => undefined,
  } as unknown as ClipboardEvent;
  return (
    editor.view.someProp('handlePaste', (handle) => handle(editor.view, event, Slice.empty)) ??
    false
  );
}

function images(editor: Editor): unknown[] {
  const found: unknown[] = [];
  editor.state.doc.descendants((node) => {
    if (node.type.name === 'image') found.push(node.attrs);
  });
  return found;
}

describe('the image node', () => {
  it('adds a pasted PNG as a file id of the space, shown from this machine while it uploads', async () => {
    const { editor } = setup();
    expect(paste(editor, [new File([PNG], 'image.png', { type: 'image/png' })])).toBe(true);
    await vi.waitFor(() => {
      expect(images(editor)).toEqual([{ fileId: PNG_ID, alt: 'image' }]);
    });
    const figure = editor.view.dom.querySelector('figure.note-image');
    await vi.waitFor(() => {
      expect(figure?.getAttribute('data-state')).toBe('uploading');
    });
    expect(figure?.querySelector('img')?.getAttribute('src')).toBe('blob:test/1');
    expect(figure?.textContent).toContain('Uploading…');
    // No URL, no token, no data: URL in the document.
    expect(editor.getHTML()).toContain(`<img data-file-id="${PNG_ID}" alt="image">`);
    expect(editor.getHTML()).not.toMatch(/src=|data:/);
  });

  it('refuses an SVG and a too-large image with a message, inserting nothing', async () => {
    const { editor, notices } = setup();
    paste(editor, [
      new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'x.svg', { type: 'image/svg+xml' }),
    ]);
    await vi.waitFor(() => {
      expect(notices.at(-1)).toMatch(/SVG images cannot be added/);
    });
    paste(editor, [new File([PNG, new Uint8Array(4096)], 'big.png', { type: 'image/png' })]);
    await vi.waitFor(() => {
      expect(notices.at(-1)).toMatch(/too large/);
    });
    expect(images(editor)).toEqual([]);
  });

  it('leaves pastes without image files to the editor', () => {
    const { editor } = setup();
    expect(paste(editor, [new File(['%PDF-1.4'], 'a.pdf', { type: 'application/pdf' })])).toBe(
      false,
    );
  });

  it('reads back only valid file ids from pasted HTML (never a URL)', () => {
    const { editor } = setup();
    editor.commands.setContent(
      `<img data-file-id="${PNG_ID}" alt="kept"><img src="https://example.com/x.png"><img data-file-id="../../x">`,
    );
    expect(images(editor)).toEqual([
      { fileId: PNG_ID, alt: 'kept' },
      { fileId: null, alt: null },
    ]);
  });
});

const PNG_ID = await fileIdOf(PNG);
