// REST writes to notes obey the same guards as socket writes, on a real
// relay on port 0 with real y-websocket clients: a note deleted for good
// stays refused even when a page of its id reappears in the space's tree; a
// member made a viewer can no longer write; the document size cap and the
// per-update cap refuse a change and leave the note as it was.
import { describe, expect, it, vi } from 'vitest';
import { CreatedAccessTokenSchema } from '../../shared/access-tokens-api.ts';
import { NoteSchema } from '../../shared/notes-api.ts';
import { openSpaceIndex } from '../../shared/space-index/index.ts';
import { useApiRig, type ApiRig, type Caller } from './api-rig.ts';
import { ADA, GRACE } from './demo-people.ts';
import { synced } from './helpers.ts';

const HEDY = 'emp-1005';
const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_DOC_BYTES = 60_000;
const MAX_UPDATE_BYTES = 40_000;
let offset = 0;
const rigs = useApiRig({
  adminGroup: 'commonplace-admins',
  clock: () => Date.now() + offset,
  limits: {
    idleUnloadMs: 50,
    maintenanceIntervalMs: 3_600_000,
    maxDocBytes: MAX_DOC_BYTES,
    maxMessageBytes: MAX_UPDATE_BYTES,
    // Room for Markdown larger than the caps under test (the default is 16 KiB).
    maxApiBodyBytes: 200_000,
  },
});

async function pat(r: ApiRig, caller: Caller): Promise<{ token: string }> {
  const answer = await r.api(caller, 'POST', '/api/tokens', {
    name: 'script',
    scopes: ['read', 'write'],
  });
  expect(answer.status).toBe(201);
  return { token: CreatedAccessTokenSchema.parse(answer.body).secret };
}

async function note(r: ApiRig, spaceId: string, markdown?: string): Promise<string> {
  const created = await r.api(ADA, 'POST', `/api/spaces/${spaceId}/notes`, {
    title: 'Guarded',
    ...(markdown === undefined ? {} : { markdown }),
  });
  expect(created.status).toBe(201);
  return NoteSchema.parse(created.body).id;
}

/** Words of `n` characters in all, in paragraphs short enough for the importer. */
const text = (n: number, word: string): string =>
  Array.from({ length: Math.ceil(n / 500) }, () => `${word} `.repeat(500 / (word.length + 1)))
    .join('\n\n')
    .slice(0, n);

describe('REST note writes obey the socket guards', () => {
  it('keeps a note deleted for good refused, even if its page reappears', async () => {
    offset = 0;
    const r = await rigs.start();
    const spaceId = await r.space(ADA, { [GRACE]: 'editor' });
    const id = await note(r, spaceId, 'Old plans');
    const hedy = { token: await rigs.idp.token(HEDY) };
    const retention = await r.api(hedy, 'PUT', `/api/admin/legal/retention/spaces/${spaceId}`, {
      trashDays: 1,
      historyDays: null,
    });
    expect(retention.status).toBe(200);
    const index = r.connect(`${spaceId}/index`, ADA);
    await synced(index);
    openSpaceIndex(index.doc, { userId: ADA }).archive(id);
    offset = 2 * DAY_MS;
    await vi.waitFor(async () => {
      expect((await r.relay.runMaintenance()).retention?.notesPurged).toBe(1);
    });
    // A client puts a page of the same id back into the tree.
    const tree = openSpaceIndex(index.doc, { userId: ADA });
    await vi.waitFor(() => {
      expect(tree.get(id)).toBeUndefined();
    });
    tree.create({ id, title: 'Back again', kind: 'note', parentId: null });
    const grace = await pat(r, GRACE);
    const path = `/api/spaces/${spaceId}/notes/${id}`;
    await vi.waitFor(async () => {
      const read = await r.api(grace, 'GET', path);
      expect(read.status).toBe(403);
      expect(JSON.stringify(read.body)).toContain('deleted for good');
    });
    const append = await r.api(grace, 'POST', `${path}/append`, { markdown: 'resurrected' });
    expect(append.status).toBe(403);
    const socket = await r.openRaw(`/${spaceId}/${id}?token=${r.tokens[GRACE]}`);
    expect((await socket.closed).code).toBe(4403);
    offset = 0;
  });

  it('stops a member made a viewer from writing at once', async () => {
    offset = 0;
    const r = await rigs.start();
    const spaceId = await r.space(ADA, { [GRACE]: 'editor' });
    const id = await note(r, spaceId);
    const grace = await pat(r, GRACE);
    const path = `/api/spaces/${spaceId}/notes/${id}`;
    expect((await r.api(grace, 'POST', `${path}/append`, { markdown: 'one' })).status).toBe(200);
    await r.addMembers(spaceId, ADA, { [GRACE]: 'viewer' });
    expect((await r.api(grace, 'POST', `${path}/append`, { markdown: 'two' })).status).toBe(403);
    expect(
      (await r.api(grace, 'POST', `/api/spaces/${spaceId}/notes`, { title: 'New' })).status,
    ).toBe(403);
    expect(NoteSchema.parse((await r.api(grace, 'GET', path)).body).markdown).toBe('one\n');
  });

  it('refuses a change past the document size cap or the per-update cap', async () => {
    offset = 0;
    const r = await rigs.start();
    const spaceId = await r.space(ADA);
    const id = await note(r, spaceId);
    const path = `/api/spaces/${spaceId}/notes/${id}`;
    const token = await pat(r, ADA);
    const first = text(30_000, 'alpha');
    expect((await r.api(token, 'POST', `${path}/append`, { markdown: first })).status).toBe(200);
    // One update larger than a socket frame may be.
    const huge = await r.api(token, 'POST', `${path}/append`, {
      markdown: text(MAX_UPDATE_BYTES + 5_000, 'gamma'),
    });
    expect(huge.status).toBe(413);
    // Each small enough for a frame, but the note would pass its cap.
    const second = await r.api(token, 'POST', `${path}/append`, {
      markdown: text(35_000, 'beta'),
    });
    expect(second.status).toBe(409);
    expect(JSON.stringify(second.body)).toContain(String(MAX_DOC_BYTES));
    const after = NoteSchema.parse((await r.api(token, 'GET', path)).body).markdown;
    expect(after).toContain('alpha');
    expect(after).not.toContain('beta');
    expect(after).not.toContain('gamma');
  });
});
