// Deleting and reclaiming, driven over plain HTTP and stock y-websocket
// clients against a real relay whose clock the test moves (no sleeps): a
// space deleted into its owners' trash is gone for every member, comes back
// whole, and is purged with everything it stored once its time is over;
// images no note and no kept version refers to are collected after their
// grace period and the space's quota goes down, referenced ones are kept.
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MySpacesResponseSchema } from '../../shared/api.ts';
import { FileListResponseSchema, StoredFileSchema } from '../../shared/files-api.ts';
import { snapshotsPath } from '../../shared/history-api.ts';
import {
  restoreSpacePath,
  TRASHED_SPACES_PATH,
  TrashedSpaceSchema,
  TrashedSpacesResponseSchema,
} from '../../shared/space-settings-api.ts';
import { CloseCode } from '../../shared/wire.ts';
import { useApiRig, type ApiRig } from './api-rig.ts';
import { ADA, GRACE, KATHERINE, type DemoPerson } from './demo-people.ts';
import { synced, type TestClient } from './helpers.ts';

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const RETENTION = 7 * DAY;
const GRACE_PERIOD = DAY;

let clock = 1_700_000_000_000;
const rigs = useApiRig({
  limits: {
    trashRetentionMs: RETENTION,
    fileGraceMs: GRACE_PERIOD,
    // Scheduled snapshots stay out of the way: versions here are saved by hand.
    snapshotIntervalMs: 1_000_000_000,
  },
  historyClock: () => clock,
  clock: () => clock,
});

async function client(r: ApiRig, room: string, who: DemoPerson): Promise<TestClient> {
  const c = r.connect(room, who);
  await synced(c);
  return c;
}

async function spaceNames(r: ApiRig, who: DemoPerson): Promise<string[]> {
  const answer = await r.api(who, 'GET', '/api/spaces');
  return MySpacesResponseSchema.parse(answer.body).spaces.map((s) => s.name);
}

async function trashOf(r: ApiRig, who: DemoPerson): Promise<string[]> {
  const answer = await r.api(who, 'GET', TRASHED_SPACES_PATH);
  return TrashedSpacesResponseSchema.parse(answer.body).spaces.map((s) => s.space.id);
}

/** Rows the relay's databases still hold for a space. */
function storedRows(r: ApiRig, spaceId: string): Record<string, number> {
  const count = (file: string, sql: string, ...params: string[]): number => {
    const db = new DatabaseSync(join(r.dataDir, file), { readOnly: true });
    try {
      return Number(db.prepare(sql).get(...params)?.['n'] ?? -1);
    } finally {
      db.close();
    }
  };
  return {
    updates: count(
      'relay.sqlite',
      'SELECT COUNT(*) AS n FROM updates WHERE room >= ? AND room < ?',
      `${spaceId}/`,
      `${spaceId}0`,
    ),
    snapshots: count(
      'history.sqlite',
      'SELECT COUNT(*) AS n FROM snapshots WHERE space = ?',
      spaceId,
    ),
    files: count('files.sqlite', 'SELECT COUNT(*) AS n FROM files WHERE space_id = ?', spaceId),
    spaces: count('spaces.sqlite', 'SELECT COUNT(*) AS n FROM spaces WHERE id = ?', spaceId),
  };
}

function png(fill: number, size = 1_000): Uint8Array {
  const bytes = new Uint8Array(size).fill(fill);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
}

async function upload(
  r: ApiRig,
  who: DemoPerson,
  spaceId: string,
  bytes: Uint8Array,
): Promise<string> {
  const response = await fetch(`${r.relay.httpUrl}/api/spaces/${spaceId}/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${r.tokens[who]}`, 'content-type': 'image/png' },
    body: bytes,
  });
  expect(response.status).toBe(201);
  return StoredFileSchema.parse(await response.json()).fileId;
}

async function fileStatus(r: ApiRig, who: DemoPerson, spaceId: string, fileId: string) {
  const response = await fetch(`${r.relay.httpUrl}/api/spaces/${spaceId}/files/${fileId}`, {
    headers: { authorization: `Bearer ${r.tokens[who]}` },
  });
  await response.arrayBuffer();
  return response.status;
}

async function fileList(r: ApiRig, spaceId: string) {
  const answer = await r.api(ADA, 'GET', `/api/spaces/${spaceId}/files`);
  expect(answer.status).toBe(200);
  return FileListResponseSchema.parse(answer.body);
}

/** An image node as a note holds it (the relay's scan does not depend on the note schema). */
function addImage(doc: Y.Doc, fileId: string): Y.XmlElement {
  const image = new Y.XmlElement('image');
  image.setAttribute('fileId', fileId);
  doc.getXmlFragment('content').push([image]);
  return image;
}

function removeImage(doc: Y.Doc, fileId: string): void {
  const fragment = doc.getXmlFragment('content');
  const at = fragment
    .toArray()
    .findIndex((n) => n instanceof Y.XmlElement && n.getAttribute('fileId') === fileId);
  fragment.delete(at, 1);
}

describe('delete and reclaim', () => {
  it('deletes a space into its owners’ trash, restores it whole, and purges it when its time is over', async () => {
    const r = await rigs.start();
    const spaceId = await r.space(ADA, { [GRACE]: 'editor', [KATHERINE]: 'viewer' }, 'Doomed');
    const room = `${spaceId}/plan`;
    const ada = await client(r, room, ADA);
    ada.text.insert(0, 'kept through the trash');
    const katherine = await client(r, room, KATHERINE);
    await expect.poll(() => katherine.text.toJSON()).toBe('kept through the trash');
    const katherineClosed = new Promise<number>((resolve) => {
      katherine.provider.on('connection-close', (event) => {
        if (event !== null) resolve(event.code);
      });
    });

    // Only owners delete.
    expect((await r.api(GRACE, 'DELETE', `/api/spaces/${spaceId}`)).status).toBe(403);
    const deleted = await r.api(ADA, 'DELETE', `/api/spaces/${spaceId}`);
    expect(deleted.status).toBe(200);
    expect(TrashedSpaceSchema.parse(deleted.body).purgeAt).toBe(clock + RETENTION);
    expect(await katherineClosed).toBe(CloseCode.Forbidden);
    katherine.destroy();
    expect(await spaceNames(r, GRACE)).toEqual([]);
    expect((await r.api(GRACE, 'GET', `/api/spaces/${spaceId}/docs`)).status).toBe(404);
    expect(await trashOf(r, ADA)).toEqual([spaceId]);
    expect(await trashOf(r, GRACE)).toEqual([]);
    expect((await r.api(GRACE, 'POST', restoreSpacePath(spaceId))).status).toBe(404);

    expect((await r.api(ADA, 'POST', restoreSpacePath(spaceId))).status).toBe(200);
    expect(await spaceNames(r, GRACE)).toEqual(['Doomed']);
    const grace = await client(r, room, GRACE);
    expect(grace.text.toJSON()).toBe('kept through the trash');
    expect((await r.api(ADA, 'POST', snapshotsPath(spaceId, 'plan'))).status).toBe(201);
    await upload(r, ADA, spaceId, png(7));
    grace.destroy();
    ada.destroy();

    expect((await r.api(ADA, 'DELETE', `/api/spaces/${spaceId}`)).status).toBe(200);
    clock += RETENTION - MINUTE;
    expect((await r.relay.runMaintenance()).spacesPurged).toEqual([]);
    expect(await trashOf(r, ADA)).toEqual([spaceId]);
    clock += 2 * MINUTE;
    expect((await r.relay.runMaintenance()).spacesPurged).toEqual([spaceId]);
    expect(await trashOf(r, ADA)).toEqual([]);
    expect((await r.api(ADA, 'POST', restoreSpacePath(spaceId))).status).toBe(404);
    expect(await spaceNames(r, GRACE)).toEqual([]);
    expect(storedRows(r, spaceId)).toEqual({ updates: 0, snapshots: 0, files: 0, spaces: 0 });
  });

  it('collects images no note and no kept version refers to after the grace period; the quota goes down', async () => {
    const r = await rigs.start();
    const spaceId = await r.space(ADA, { [GRACE]: 'editor', [KATHERINE]: 'viewer' });
    const ada = await client(r, `${spaceId}/plan`, ADA);
    const [inNote, inVersion, removed, never] = [
      await upload(r, ADA, spaceId, png(1)),
      await upload(r, ADA, spaceId, png(2)),
      await upload(r, ADA, spaceId, png(3)),
      await upload(r, GRACE, spaceId, png(4)),
    ];
    addImage(ada.doc, inNote);
    addImage(ada.doc, inVersion);
    // Saved while the note shows it: the version keeps it alive.
    await expect
      .poll(async () => (await r.api(ADA, 'POST', snapshotsPath(spaceId, 'plan'))).status)
      .toBe(201);
    removeImage(ada.doc, inVersion);
    // In the note for a moment and removed, never in a version: collected.
    addImage(ada.doc, removed);
    removeImage(ada.doc, removed);
    const honest = await client(r, `${spaceId}/plan`, KATHERINE);
    await expect.poll(() => honest.doc.getXmlFragment('content').length).toBe(1);
    const before = await fileList(r, spaceId);
    expect(before.usedBytes).toBe(4_000);

    expect((await r.relay.runMaintenance()).imagesCollected).toBe(0);
    clock += GRACE_PERIOD - MINUTE;
    expect((await r.relay.runMaintenance()).imagesCollected).toBe(0);
    clock += 2 * MINUTE;
    expect((await r.relay.runMaintenance()).imagesCollected).toBe(2);

    const after = await fileList(r, spaceId);
    expect(after.files.map((f) => f.fileId).sort()).toEqual([inNote, inVersion].sort());
    expect(after.usedBytes).toBe(2_000);
    expect(await fileStatus(r, KATHERINE, spaceId, inNote)).toBe(200);
    expect(await fileStatus(r, KATHERINE, spaceId, inVersion)).toBe(200);
    expect(await fileStatus(r, KATHERINE, spaceId, removed)).toBe(404);
    expect(await fileStatus(r, KATHERINE, spaceId, never)).toBe(404);
  });

  it('lets owners delete a file into the trash and restore it; others see it go and come back', async () => {
    const r = await rigs.start();
    const spaceId = await r.space(ADA, { [GRACE]: 'editor', [KATHERINE]: 'viewer' });
    const fileId = await upload(r, GRACE, spaceId, png(5));
    const path = `/api/spaces/${spaceId}/files/${fileId}`;
    expect((await r.api(GRACE, 'DELETE', path)).status).toBe(403);
    expect((await r.api(ADA, 'DELETE', path)).status).toBe(204);
    expect(await fileStatus(r, KATHERINE, spaceId, fileId)).toBe(404);
    expect((await fileList(r, spaceId)).files[0]?.deletedAt).toBe(clock);
    expect((await r.api(ADA, 'POST', `${path}/restore`)).status).toBe(204);
    expect(await fileStatus(r, KATHERINE, spaceId, fileId)).toBe(200);
    // Trashed again and left there: purged with the trash, and the quota goes down.
    expect((await r.api(ADA, 'DELETE', path)).status).toBe(204);
    clock += RETENTION;
    expect((await r.relay.runMaintenance()).filesPurged).toBe(1);
    expect((await fileList(r, spaceId)).usedBytes).toBe(0);
  });
});
