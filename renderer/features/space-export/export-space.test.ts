import { afterEach, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { openSpaceIndex } from '../../../shared/space-index/index.ts';
import { createAppStore } from '../../store/index.ts';
import { createDocRegistry, type DocRegistry } from '../../sync/index.ts';
import { spaceIndexRoom } from '../tree/index.ts';
import { NoteImage } from '../images/index.ts';
import { exportSpace } from './index.ts';

const SPACE = 'space1';
const schema = getSchema([StarterKit, NoteImage]);
let registry: DocRegistry | null = null;
const releases: (() => void)[] = [];
afterEach(() => {
  for (const release of releases.splice(0)) release();
  registry?.destroy();
  registry = null;
});

/**
 * A real doc registry whose providers never connect (offline), with a tree
 * and the notes written here (so they count as known on this device) except
 * `Never fetched`, which this device has never had.
 */
function setup() {
  const store = createAppStore();
  registry = createDocRegistry({
    relayUrl: 'ws://127.0.0.1:9',
    store,
    user: { name: 'Ada', color: '#e5484d' },
    connect: false,
  });
  const reg = registry;
  const indexHandle = reg.open(spaceIndexRoom(SPACE));
  releases.push(reg.retain(indexHandle));
  const index = openSpaceIndex(indexHandle.doc, { userId: 'emp-ada' });
  const write = (id: string, text: string, ...images: { fileId: string; alt: string | null }[]) => {
    const handle = reg.open({ spaceId: SPACE, docId: id }, { created: true });
    releases.push(reg.retain(handle));
    prosemirrorJSONToYXmlFragment(
      schema,
      {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text }] },
          ...images.map((attrs) => ({ type: 'image', attrs })),
        ],
      },
      handle.body,
    );
  };
  index.create({ id: 'a'.repeat(32), title: 'Projects', parentId: null });
  index.create({ id: 'b'.repeat(32), title: 'Roadmap', parentId: 'a'.repeat(32) });
  index.create({ id: 'c'.repeat(32), title: 'Roadmap', parentId: 'a'.repeat(32) });
  index.create({ id: 'd'.repeat(32), title: 'Old plan', parentId: null });
  index.create({ id: 'e'.repeat(32), title: 'Never fetched', parentId: null });
  index.archive('d'.repeat(32));
  write('welcome', 'Start here');
  write('a'.repeat(32), 'All projects');
  write('b'.repeat(32), 'First roadmap');
  write('c'.repeat(32), 'Second roadmap');
  write('d'.repeat(32), 'Abandoned');
  return { store, registry: reg, index, write };
}

/** File ids (43 base64url characters) of the images below. */
const KEPT = 'k'.repeat(43);
const LOST = 'l'.repeat(43);
const PNG_BYTES = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('exportSpace', () => {
  it('zips the home note and the tree as Markdown folders, archived pages in _archive/, and names what it could not load', async () => {
    const { store, registry: reg, index } = setup();
    const progress: number[] = [];
    const result = await exportSpace({
      spaceId: SPACE,
      tree: index.snapshot(),
      registry: reg,
      store,
      online: false,
      onProgress: (done) => progress.push(done),
    });
    expect(result.exported).toBe(5);
    expect(result.missing).toEqual([
      {
        title: 'Never fetched',
        reason: 'it was never opened on this device and the relay cannot be reached',
      },
    ]);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    if (result.zip === null) throw new Error('no zip');
    const files = Object.fromEntries(
      Object.entries(unzipSync(result.zip)).map(([path, bytes]) => [path, strFromU8(bytes).trim()]),
    );
    expect(files).toEqual({
      'Home.md': 'Start here',
      'Projects.md': 'All projects',
      'Projects/Roadmap.md': 'First roadmap',
      'Projects/Roadmap (2).md': 'Second roadmap',
      '_archive/Old plan.md': 'Abandoned',
    });
  });

  it('puts the images in _files/, linked from each note by a relative path, and names those it could not get', async () => {
    const { store, registry: reg, index, write } = setup();
    write('welcome', 'Start here', { fileId: KEPT, alt: null });
    write(
      'b'.repeat(32),
      'First roadmap',
      { fileId: KEPT, alt: 'board' },
      { fileId: LOST, alt: 'x' },
    );
    const reads: string[] = [];
    const result = await exportSpace({
      spaceId: SPACE,
      tree: index.snapshot(),
      registry: reg,
      store,
      online: false,
      // A stand-in for the files service: one image is on this device, the other nowhere.
      files: {
        read: (spaceId, fileId) => {
          reads.push(`${spaceId}/${fileId}`);
          return fileId === KEPT
            ? Promise.resolve({ bytes: PNG_BYTES, contentType: 'image/png' })
            : Promise.reject(new Error('the relay cannot be reached'));
        },
      },
    });
    // An image shown in two notes is fetched and stored once.
    expect(reads.sort()).toEqual([`${SPACE}/${KEPT}`, `${SPACE}/${LOST}`]);
    expect(result.images).toBe(1);
    expect(result.missingImages).toEqual([
      { notes: ['Roadmap'], reason: 'the relay cannot be reached' },
    ]);
    if (result.zip === null) throw new Error('no zip');
    const files = unzipSync(result.zip);
    expect(files[`_files/${KEPT}.png`]).toEqual(PNG_BYTES);
    expect(strFromU8(files['Home.md'] ?? new Uint8Array())).toBe(
      `Start here\n\n![](_files/${KEPT}.png)\n`,
    );
    // The one not had keeps its commonplace-file: link (importing back into the space shows it).
    expect(strFromU8(files['Projects/Roadmap.md'] ?? new Uint8Array())).toBe(
      `First roadmap\n\n![board](../_files/${KEPT}.png)\n\n![x](commonplace-file:${LOST})\n`,
    );
  });
});
