// A signed-in editor with a stock y-websocket client ignores the app's caps:
// the relay holds them itself (templates per space, their bytes, a
// document's bytes, image references), tells the sender why, and stores and
// relays nothing of the refused update; the honest members see the room as
// it was and keep working in it.
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  MAX_TEMPLATE_CONTENT_LENGTH,
  MAX_TEMPLATES,
  MAX_TEMPLATES_TOTAL_LENGTH,
  listTemplates,
  saveTemplate,
  templatesMap,
} from '../../shared/space-templates/index.ts';
import { SPACE_INDEX_DOC_ID } from '../../shared/wire.ts';
import { createJsonLogger } from '../log.ts';
import { useApiRig, type ApiRig, type ApiRigOptions } from './api-rig.ts';
import { ADA, GRACE, KATHERINE } from './demo-people.ts';
import { memberClient, whenSynced, type MemberClient } from './hostile-member-helpers.ts';

const rigs = useApiRig();

interface Space {
  readonly rig: ApiRig;
  readonly spaceId: string;
}

async function openSpace(options: ApiRigOptions = {}): Promise<Space> {
  const rig = await rigs.start(options);
  const spaceId = await rig.space(ADA, { [GRACE]: 'editor', [KATHERINE]: 'viewer' });
  return { rig, spaceId };
}

async function joined(
  s: Space,
  doc: string,
  person: typeof ADA | typeof GRACE | typeof KATHERINE,
  header = true,
): Promise<MemberClient> {
  const client = memberClient(s.rig, `${s.spaceId}/${doc}`, person, { header });
  await whenSynced(client);
  return client;
}

async function refusedFor(client: MemberClient, why: string): Promise<void> {
  // Large updates wait for the update guard's worker: allow for a busy machine.
  await vi.waitFor(
    () => {
      expect(client.denials.join(' | ')).toContain(why);
    },
    { timeout: 20_000 },
  );
}

/** A template's content: a note of one paragraph of about `chars` characters of JSON. */
function noteOf(chars: number): { type: 'doc'; content: unknown[] } {
  const text = 'a'.repeat(Math.max(1, chars - 80));
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

function save(doc: Y.Doc, id: string, by: string, chars = 100): void {
  saveTemplate(doc, { id, name: id, createdBy: by, createdAt: 1, content: noteOf(chars) }, 'app');
}

/** Templates as someone opening the space now gets them from the relay. */
async function templatesSeenBy(s: Space): Promise<string[]> {
  const katherine = await joined(s, SPACE_INDEX_DOC_ID, KATHERINE);
  const ids = listTemplates(katherine.doc).map((t) => t.id);
  katherine.destroy();
  return ids;
}

describe('the space index keeps its caps against a member', () => {
  it('refuses a template past the count cap and one saved in another name', async () => {
    const s = await openSpace();
    const ada = await joined(s, SPACE_INDEX_DOC_ID, ADA);
    ada.doc.transact(() => {
      for (let i = 0; i < MAX_TEMPLATES; i++) save(ada.doc, `t${String(i)}`, ADA);
    });
    const grace = await joined(s, SPACE_INDEX_DOC_ID, GRACE, false);
    await vi.waitFor(
      () => {
        expect(ada.denials).toEqual([]);
        expect(listTemplates(grace.doc)).toHaveLength(MAX_TEMPLATES);
      },
      { timeout: 20_000 },
    );

    // The app would refuse; a stock client writes the map directly.
    templatesMap(grace.doc).set('one-more', {
      name: 'one more',
      createdBy: GRACE,
      createdAt: 2,
      content: JSON.stringify(noteOf(100)),
    });
    await refusedFor(grace, `a space has at most ${String(MAX_TEMPLATES)} templates`);
    // Ada frees a place; Grace's honest second client may then save one, not as Ada.
    templatesMap(ada.doc).delete('t0');
    const honest = await joined(s, SPACE_INDEX_DOC_ID, GRACE);
    await vi.waitFor(() => {
      expect(listTemplates(honest.doc)).toHaveLength(MAX_TEMPLATES - 1);
    });
    save(honest.doc, 'as-ada', ADA);
    await refusedFor(honest, 'a template can only be saved as yourself');
    const ids = await templatesSeenBy(s);
    expect(ids).toHaveLength(MAX_TEMPLATES - 1);
    expect(ids).not.toContain('one-more');
    expect(ids).not.toContain('as-ada');
    expect(listTemplates(ada.doc).map((t) => t.id)).not.toContain('one-more');
  });

  it('refuses templates past their byte cap', async () => {
    const s = await openSpace();
    const ada = await joined(s, SPACE_INDEX_DOC_ID, ADA);
    const big = MAX_TEMPLATE_CONTENT_LENGTH - 200;
    const count = Math.floor(MAX_TEMPLATES_TOTAL_LENGTH / big);
    ada.doc.transact(() => {
      for (let i = 0; i < count; i++) save(ada.doc, `big${String(i)}`, ADA, big);
    });
    const grace = await joined(s, SPACE_INDEX_DOC_ID, GRACE, false);
    // Updates this large go through the update guard's worker first.
    await vi.waitFor(
      () => {
        expect(listTemplates(grace.doc)).toHaveLength(count);
      },
      { timeout: 20_000 },
    );

    templatesMap(grace.doc).set('straw', {
      name: 'straw',
      createdBy: GRACE,
      createdAt: 2,
      content: JSON.stringify(noteOf(big)),
    });
    await refusedFor(grace, "a space's templates take at most 4 MiB together");
    // The room goes on: Ada removes one, and everyone sees that.
    templatesMap(ada.doc).delete('big0');
    // A fresh client syncs the whole 4 MiB index on each try: give it time.
    await vi.waitFor(
      async () => {
        const ids = await templatesSeenBy(s);
        expect(ids).toHaveLength(count - 1);
        expect(ids).not.toContain('straw');
      },
      { timeout: 20_000 },
    );
  });
});

describe('a document keeps its byte limit against a member', () => {
  it('refuses an update that grows a note past maxDocBytes, and takes small ones after', async () => {
    const s = await openSpace({ limits: { maxDocBytes: 64 * 1024 } });
    const ada = await joined(s, 'plan', ADA);
    const grace = await joined(s, 'plan', GRACE, false);
    ada.doc.getText('body').insert(0, 'Agenda. ');
    await vi.waitFor(() => {
      expect(grace.doc.getText('body').toJSON()).toBe('Agenda. ');
    });
    grace.doc.getText('body').insert(8, 'x'.repeat(100 * 1024));
    await refusedFor(grace, "this document would exceed the relay's limit of 65536 bytes");
    ada.doc.getText('body').insert(8, 'Done.');
    await vi.waitFor(
      async () => {
        const katherine = await joined(s, 'plan', KATHERINE);
        try {
          expect(katherine.doc.getText('body').toJSON()).toBe('Agenda. Done.');
        } finally {
          katherine.destroy();
        }
      },
      { timeout: 20_000 },
    );
    expect(ada.doc.getText('body').toJSON()).toBe('Agenda. Done.');
  });

  it('refuses an image that names anything but a file id', async () => {
    const s = await openSpace();
    const ada = await joined(s, 'plan', ADA);
    const grace = await joined(s, 'plan', GRACE, false);
    const image = new Y.XmlElement('image');
    image.setAttribute('fileId', 'https://evil.example/track.png');
    grace.doc.getXmlFragment('prosemirror').insert(0, [image]);
    await refusedFor(grace, 'an image must name a file of this space by its id');
    ada.doc.getText('body').insert(0, 'still works');
    await vi.waitFor(async () => {
      const katherine = await joined(s, 'plan', KATHERINE);
      expect(katherine.doc.getText('body').toJSON()).toBe('still works');
      expect(katherine.doc.getXmlFragment('prosemirror').length).toBe(0);
      katherine.destroy();
    });
  });
});

describe('the token stays out of URLs', () => {
  it('connects the app’s way with no token in any URL, never logs it, and still admits stock clients', async () => {
    const out = new PassThrough();
    const logged: string[] = [];
    out.on('data', (chunk: Buffer) => logged.push(chunk.toString()));
    const s = await openSpace({ log: createJsonLogger(out, 'debug') });
    const app = await joined(s, 'plan', ADA);
    const token = s.rig.tokens[ADA];
    expect(app.urls.length).toBeGreaterThan(0);
    for (const url of app.urls) {
      expect(url).not.toContain(token);
      expect(new URL(url).search).toBe('');
    }
    // The relay echoed its own subprotocol, never the token-carrying one.
    expect(app.provider.ws?.protocol).toBe('commonplace.v1');

    // A stock client configured with `params`, as the README shows, still works.
    const stock = await joined(s, 'plan', GRACE, false);
    app.doc.getText('body').insert(0, 'hello');
    await vi.waitFor(() => {
      expect(stock.doc.getText('body').toJSON()).toBe('hello');
    });
    app.destroy();
    stock.destroy();
    await s.rig.relay.close();
    expect(logged.join('')).not.toContain(token);
    expect(logged.join('')).not.toContain(s.rig.tokens[GRACE]);
  });
});
