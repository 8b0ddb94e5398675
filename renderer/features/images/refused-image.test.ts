import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Editor } from '@tiptap/core';
import { ApiRequestError, type FilesApi } from '../../api/index.ts';
import { noteExtensions } from '../editor/index.ts';
import { fileIdOf } from './file-id.ts';
import { createFilesService, type FilesService } from './files-service.ts';
import { openPendingFiles } from './pending-files.ts';

// An image the relay refused (review, HIGH: pasted offline, the person then
// became a viewer): its bytes stay on this machine and its view in the real
// note editor offers Download, Remove from note and Try again. The relay is
// a stand-in whose answer the test switches.

const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);
const PNG_ID = await fileIdOf(PNG);

/** Stand-in relay: refuses uploads with `refusal` while it is set, else accepts them. */
function standInRelay() {
  const relay = {
    refusal: new ApiRequestError(403, 'forbidden', 'Viewers cannot add images.') as Error | null,
    uploads: 0,
  };
  const api: FilesApi = {
    upload: async (_space, bytes) => {
      if (relay.refusal !== null) throw relay.refusal;
      relay.uploads += 1;
      return { fileId: await fileIdOf(bytes), contentType: 'image/png', bytes: bytes.byteLength };
    },
    download: () => Promise.reject(new ApiRequestError(404, 'not_found', 'no')),
    limits: () => Promise.reject(new ApiRequestError(404, 'not_found', 'no')),
  };
  return { relay, api };
}

const editors: Editor[] = [];
const services: FilesService[] = [];
afterEach(() => {
  for (const e of editors.splice(0)) e.destroy();
  for (const s of services.splice(0)) s.destroy();
  vi.restoreAllMocks();
});

let people = 0;
async function setup() {
  const { relay, api } = standInRelay();
  const owner = `refused-person-${String(++people)}`;
  const files = createFilesService({
    api,
    owner: () => owner,
    storage: null,
    urls: { create: () => 'blob:test/image', revoke: () => undefined },
  });
  services.push(files);
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({
    element,
    extensions: noteExtensions({
      images: { files, spaceId: 'team', onNotice: () => undefined },
    }),
    injectCSS: false,
  });
  editors.push(editor);
  expect(await files.add('team', new Blob([PNG], { type: 'image/png' }))).toEqual({
    ok: true,
    fileId: PNG_ID,
  });
  editor.commands.insertContent({ type: 'image', attrs: { fileId: PNG_ID, alt: 'board' } });
  const figure = element.querySelector<HTMLElement>('figure.note-image');
  if (figure === null) throw new Error('no image view');
  await vi.waitFor(() => {
    expect(figure.dataset['state']).toBe('refused');
  });
  const button = (label: string) => {
    const found = [...figure.querySelectorAll('button')].find((b) => b.textContent === label);
    if (found === undefined) throw new Error(`no ${label} button`);
    return found;
  };
  return { editor, figure, relay, owner, button };
}

const imageCount = (editor: Editor) => {
  let count = 0;
  editor.state.doc.descendants((node) => {
    if (node.type.name === 'image') count += 1;
  });
  return count;
};

describe('an image the relay refused', () => {
  it('stays visible from this machine with the reason and its three actions', async () => {
    const { figure, button } = await setup();
    expect(figure.querySelector('img')?.getAttribute('src')).toBe('blob:test/image');
    expect(figure.querySelector('figcaption')?.textContent).toBe(
      'Not uploaded: Viewers cannot add images. The image is kept on this device only.',
    );
    expect(figure.querySelector<HTMLElement>('.note-image__actions')?.hidden).toBe(false);
    expect(() => button('Download')).not.toThrow();
    expect(() => button('Remove from note')).not.toThrow();
    expect(() => button('Try again')).not.toThrow();
  });

  it('saves its bytes as a file on Download', async () => {
    const { button } = await setup();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      if (blob instanceof Blob) blobs.push(blob);
      return 'blob:test/download';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    button('Download').click();
    await vi.waitFor(() => {
      expect(names).toEqual([`image-${PNG_ID.slice(0, 12)}.png`]);
    });
    expect(new Uint8Array(await (blobs[0] ?? new Blob()).arrayBuffer())).toEqual(PNG);
    expect(blobs[0]?.type).toBe('image/png');
  });

  it('uploads again on Try again once the relay accepts it', async () => {
    const { figure, relay, owner, button } = await setup();
    relay.refusal = null;
    button('Try again').click();
    await vi.waitFor(() => {
      expect(figure.dataset['state']).toBe('ready');
    });
    expect(relay.uploads).toBe(1);
    expect(figure.querySelector<HTMLElement>('.note-image__actions')?.hidden).toBe(true);
    const pending = await openPendingFiles(owner);
    expect(await pending.list()).toEqual([]);
    pending.close();
  });

  it('leaves the note and this machine on Remove from note', async () => {
    const { editor, owner, button } = await setup();
    expect(imageCount(editor)).toBe(1);
    button('Remove from note').click();
    expect(imageCount(editor)).toBe(0);
    const pending = await openPendingFiles(owner);
    await vi.waitFor(async () => {
      expect(await pending.list()).toEqual([]);
    });
    pending.close();
  });
});
