// Version history against a real relay and a real dev IdP: "Save version
// now" by role, listing, reading a snapshot back, the schedule with an
// injected clock, and bad ids.
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { ApiErrorSchema } from '../../shared/api.ts';
import {
  SnapshotListResponseSchema,
  SnapshotMetaSchema,
  SnapshotResponseSchema,
  snapshotsPath,
} from '../../shared/history-api.ts';
import { ADA, ALAN, GRACE, KATHERINE, type DemoPerson } from '../integration/demo-people.ts';
import { useApiRig, type ApiRig } from '../integration/api-rig.ts';
import { synced, type TestClient } from '../integration/helpers.ts';

const INTERVAL = 60_000;

let clock = 1_700_000_000_000;
const rigs = useApiRig({
  limits: { snapshotIntervalMs: INTERVAL },
  historyClock: () => clock,
});

/** A space owned by Ada with Grace editing and Katherine viewing. */
function team(r: ApiRig): Promise<string> {
  return r.space(ADA, { [GRACE]: 'editor', [KATHERINE]: 'viewer' });
}

async function writer(r: ApiRig, room: string): Promise<TestClient> {
  const c = r.connect(room, ADA);
  await synced(c);
  return c;
}

function textOf(update: string): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(update, 'base64'));
  return doc.getText('body').toJSON();
}

/** POSTs "Save version now" until the snapshot holds `text` (the edit may still be in flight). */
async function saveUntil(r: ApiRig, spaceId: string, docId: string, text: string) {
  return vi.waitFor(async () => {
    const answer = await r.api(ADA, 'POST', snapshotsPath(spaceId, docId));
    expect([200, 201]).toContain(answer.status);
    const meta = SnapshotMetaSchema.parse(answer.body);
    const got = await r.api(ADA, 'GET', snapshotsPath(spaceId, docId, meta.id));
    expect(textOf(SnapshotResponseSchema.parse(got.body).update)).toBe(text);
    return meta;
  });
}

async function list(r: ApiRig, sub: DemoPerson, spaceId: string, docId: string) {
  const answer = await r.api(sub, 'GET', snapshotsPath(spaceId, docId));
  expect(answer.status).toBe(200);
  return SnapshotListResponseSchema.parse(answer.body).snapshots;
}

function errorCode(body: unknown): string {
  return ApiErrorSchema.parse(body).error.code;
}

describe('note history', () => {
  it('saves a version for owners and editors; viewers and outsiders get 403, an unknown space 404', async () => {
    const r = await rigs.start();
    const spaceId = await team(r);
    const ada = await writer(r, `${spaceId}/notes`);
    ada.text.insert(0, 'first draft');
    const saved = await saveUntil(r, spaceId, 'notes', 'first draft');
    expect(saved).toMatchObject({
      reason: 'manual',
      createdBy: ADA,
      createdByName: 'Ada Lovelace',
    });

    ada.text.insert(ada.text.length, ', edited');
    await vi.waitFor(async () => {
      const answer = await r.api(GRACE, 'POST', snapshotsPath(spaceId, 'notes'));
      expect(answer.status).toBe(201);
      expect(SnapshotMetaSchema.parse(answer.body).createdBy).toBe(GRACE);
    });

    const viewer = await r.api(KATHERINE, 'POST', snapshotsPath(spaceId, 'notes'));
    expect(viewer.status).toBe(403);
    expect(errorCode(viewer.body)).toBe('forbidden');
    const outsider = await r.api(ALAN, 'POST', snapshotsPath(spaceId, 'notes'));
    expect(outsider.status).toBe(403);
    expect((await r.api(ALAN, 'GET', snapshotsPath(spaceId, 'notes'))).status).toBe(403);
    const nowhere = await r.api(ADA, 'POST', snapshotsPath('NoSuchSpace', 'notes'));
    expect(nowhere.status).toBe(404);
    expect((await r.api(null, 'GET', snapshotsPath(spaceId, 'notes'))).status).toBe(401);
    expect(await list(r, ADA, spaceId, 'notes')).toHaveLength(2);
  });

  it('lists snapshots newest first to every member, viewers included, and reads one back', async () => {
    const r = await rigs.start();
    const spaceId = await team(r);
    const ada = await writer(r, `${spaceId}/plan`);
    ada.text.insert(0, 'one');
    const first = await saveUntil(r, spaceId, 'plan', 'one');
    clock += 1000;
    ada.text.insert(3, ' two');
    const second = await saveUntil(r, spaceId, 'plan', 'one two');

    const seen = await list(r, KATHERINE, spaceId, 'plan');
    expect(seen.map((s) => s.id)).toEqual([second.id, first.id]);
    expect(seen[0]?.createdAt).toBeGreaterThan(seen[1]?.createdAt ?? Infinity);
    const old = await r.api(KATHERINE, 'GET', snapshotsPath(spaceId, 'plan', first.id));
    expect(old.status).toBe(200);
    expect(textOf(SnapshotResponseSchema.parse(old.body).update)).toBe('one');
  });

  it('stores no duplicate when nothing changed: 200 with the newest snapshot', async () => {
    const r = await rigs.start();
    const spaceId = await team(r);
    const ada = await writer(r, `${spaceId}/same`);
    ada.text.insert(0, 'steady');
    const first = await saveUntil(r, spaceId, 'same', 'steady');
    const again = await r.api(ADA, 'POST', snapshotsPath(spaceId, 'same'));
    expect(again.status).toBe(200);
    expect(SnapshotMetaSchema.parse(again.body).id).toBe(first.id);
    expect(await list(r, ADA, spaceId, 'same')).toHaveLength(1);
  });

  it('takes a scheduled snapshot once the interval has passed since the first unsaved change', async () => {
    const r = await rigs.start();
    const spaceId = await team(r);
    const ada = await writer(r, `${spaceId}/log`);
    ada.text.insert(0, 'a');
    // Stored (its change marker is out) and not yet due: no snapshot.
    await vi.waitFor(async () => {
      const docs = await r.api(ADA, 'GET', `/api/spaces/${spaceId}/docs`);
      expect(JSON.stringify(docs.body)).toContain('"docId":"log"');
    });
    expect(await list(r, ADA, spaceId, 'log')).toEqual([]);

    clock += INTERVAL;
    ada.text.insert(1, 'b');
    const scheduled = await vi.waitFor(async () => {
      const [only, ...rest] = await list(r, GRACE, spaceId, 'log');
      expect(rest).toEqual([]);
      expect(only).toMatchObject({ reason: 'scheduled', createdBy: null, createdAt: clock });
      return only;
    });
    const got = await r.api(ADA, 'GET', snapshotsPath(spaceId, 'log', scheduled?.id));
    expect(textOf(SnapshotResponseSchema.parse(got.body).update)).toBe('ab');

    // A change right after: not due yet, so only the manual save below is added.
    ada.text.insert(2, 'c');
    await saveUntil(r, spaceId, 'log', 'abc');
    expect((await list(r, ADA, spaceId, 'log')).map((s) => s.reason)).toEqual([
      'manual',
      'scheduled',
    ]);
  });

  it('keeps snapshots across a relay restart', async () => {
    const r = await rigs.start();
    const spaceId = await team(r);
    const ada = await writer(r, `${spaceId}/kept`);
    ada.text.insert(0, 'durable');
    const saved = await saveUntil(r, spaceId, 'kept', 'durable');
    await r.restart();
    expect((await list(r, ADA, spaceId, 'kept')).map((s) => s.id)).toEqual([saved.id]);
  });

  it('answers 404 for bad ids, another note’s snapshot and an empty note', async () => {
    const r = await rigs.start();
    const spaceId = await team(r);
    const ada = await writer(r, `${spaceId}/mine`);
    ada.text.insert(0, 'x');
    const saved = await saveUntil(r, spaceId, 'mine', 'x');

    const notFound = [
      snapshotsPath(spaceId, 'mine', 'not-a-snapshot-id'),
      snapshotsPath(spaceId, 'mine', 'AAAAAAAAAAAAAAAAAAAAAA'),
      snapshotsPath(spaceId, 'other', saved.id),
      snapshotsPath(spaceId, '..'),
      `/api/spaces/${spaceId}/docs/%ZZ/snapshots`,
    ];
    for (const path of notFound) {
      const answer = await r.api(ADA, 'GET', path);
      expect({ path, status: answer.status }).toEqual({
        path,
        status: path.includes('%ZZ') ? 400 : 404,
      });
    }
    const empty = await r.api(ADA, 'POST', snapshotsPath(spaceId, 'never-written'));
    expect(empty.status).toBe(404);
    expect(errorCode(empty.body)).toBe('not_found');
  });
});
