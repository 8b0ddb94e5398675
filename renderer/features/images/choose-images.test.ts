import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Editor } from '@tiptap/core';
import { Slice } from '@tiptap/pm/model';
import { ApiRequestError, type FilesApi } from '../../api/index.ts';
import { noteExtensions } from '../editor/index.ts';
import { addImages } from './add-images.ts';
import { chooseImageFiles, insertChosenImages } from './choose-images.ts';
import { fileIdOf } from './file-id.ts';
import { createFilesService, type FilesService } from './files-service.ts';

// Choosing images from a file (the slash menu's "Image"): the chooser, and
// the chosen files going through addImages, the very function a paste uses.

vi.mock('./add-images.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./add-images.ts')>();
  return { addImages: vi.fn(actual.addImages) };
});

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
  for (const e of editors.splice(0)) e.destroy();
  for (const s of services.splice(0)) s.destroy();
  vi.restoreAllMocks();
  vi.mocked(addImages).mockClear();
});

let people = 0;
function setup() {
  const notices: (string | null)[] = [];
  const owner = `chooser-person-${String(++people)}`;
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
  const images = { files, spaceId: 'team', onNotice: (m: string | null) => notices.push(m) };
  const editor = new Editor({ element, extensions: noteExtensions({ images }), injectCSS: false });
  editors.push(editor);
  return { editor, images, notices };
}

function imagesIn(editor: Editor): unknown[] {
  const found: unknown[] = [];
  editor.state.doc.descendants((node) => {
    if (node.type.name === 'image') found.push(node.attrs);
  });
  return found;
}

/** Catches the file input the chooser clicks (happy-dom has no file dialog). */
function catchChooser(): { input: () => HTMLInputElement | null } {
  const click = vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => undefined);
  return {
    input: () => {
      const input = click.mock.contexts.at(-1);
      return input instanceof HTMLInputElement ? input : null;
    },
  };
}

/** What the person picks in the dialog: the input's files, then its `change` event. */
function pick(input: HTMLInputElement, files: File[]): void {
  Object.defineProperty(input, 'files', { value: files });
  input.dispatchEvent(new Event('change'));
}

describe('chooseImageFiles', () => {
  it('opens a chooser for PNG, JPEG, GIF and WebP files and resolves with the chosen ones', async () => {
    const chooser = catchChooser();
    const chosen = chooseImageFiles();
    const input = chooser.input();
    expect(input?.type).toBe('file');
    expect(input?.accept).toBe('image/png,image/jpeg,image/gif,image/webp');
    expect(input?.multiple).toBe(true);
    const file = new File([PNG], 'a.png', { type: 'image/png' });
    if (input !== null) pick(input, [file]);
    await expect(chosen).resolves.toEqual([file]);
  });

  it('resolves with nothing when the chooser is cancelled', async () => {
    const chooser = catchChooser();
    const chosen = chooseImageFiles();
    chooser.input()?.dispatchEvent(new Event('cancel'));
    await expect(chosen).resolves.toEqual([]);
  });
});

describe('insertChosenImages', () => {
  it('puts the chosen file in the note through addImages, the function a paste uses', async () => {
    const { editor, images } = setup();
    const file = new File([PNG], 'whiteboard.png', { type: 'image/png' });
    const choose = vi.fn(() => Promise.resolve([file]));
    await insertChosenImages(editor, images, choose);
    expect(choose).toHaveBeenCalledOnce();
    expect(addImages).toHaveBeenCalledWith(editor, images, [file], null);
    expect(imagesIn(editor)).toEqual([{ fileId: await fileIdOf(PNG), alt: 'whiteboard' }]);

    // A paste goes through the same function.
    const event = {
      clipboardData: { files: [file], getData: () => '', types: ['Files'] },
      preventDefault: () => undefined,
    } as unknown as ClipboardEvent;
    editor.view.someProp('handlePaste', (handle) => handle(editor.view, event, Slice.empty));
    expect(addImages).toHaveBeenCalledTimes(2);
    expect(vi.mocked(addImages).mock.calls[1]?.[2]).toEqual([file]);
  });

  it('gives a too-large file or a non-image the same message as a paste, inserting nothing', async () => {
    const { editor, images, notices } = setup();
    const big = new File([PNG, new Uint8Array(4096)], 'big.png', { type: 'image/png' });
    await insertChosenImages(editor, images, () => Promise.resolve([big]));
    expect(notices.at(-1)).toMatch(/too large/);
    const text = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    await insertChosenImages(editor, images, () => Promise.resolve([text]));
    expect(notices.at(-1)).toBe('Only PNG, JPEG, GIF and WebP images can be added to notes.');
    expect(imagesIn(editor)).toEqual([]);
  });

  it('adds nothing when the chooser is cancelled or the note became read-only meanwhile', async () => {
    const { editor, images } = setup();
    await insertChosenImages(editor, images, () => Promise.resolve([]));
    editor.setEditable(false);
    const file = new File([PNG], 'late.png', { type: 'image/png' });
    await insertChosenImages(editor, images, () => Promise.resolve([file]));
    expect(addImages).not.toHaveBeenCalled();
    expect(imagesIn(editor)).toEqual([]);
  });
});
