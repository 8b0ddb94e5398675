// A member with a stock y-websocket client and plain HTTP tries to erase a
// document's past: wipe it, then save versions in a burst so the thinning
// pushes every earlier version out. The original stays in history, an
// honest member restores it as an ordinary edit, and a second honest
// member sees it. The same for the space index (page tree and templates).
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { ApiErrorSchema } from '../../shared/api.ts';
import {
  SnapshotListResponseSchema,
  SnapshotMetaSchema,
  SnapshotResponseSchema,
  snapshotsPath,
  type SnapshotMeta,
} from '../../shared/history-api.ts';
import { restoreIndexFromSnapshot } from '../../shared/history-restore.ts';
import { listTemplates, saveTemplate } from '../../shared/space-templates/index.ts';
import { createPage } from '../../shared/space-index/operations.ts';
import { buildPageTree } from '../../shared/space-index/page-tree.ts';
import { pagesMap, readAllPages } from '../../shared/space-index/schema.ts';
import { useApiRig, type ApiRig } from './api-rig.ts';
import { ADA, GRACE, KATHERINE, type DemoPerson } from './demo-people.ts';
import { synced, type TestClient } from './helpers.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const SAVES_PER_HOUR = 4;

let clock = 1_700_000_000_000;
const rigs = useApiRig({
  // Scheduled snapshots stay out of the way: every version here is a manual save.
  limits: { snapshotIntervalMs: 1_000_000_000, manualSnapshotsPerHour: SAVES_PER_HOUR },
  historyClock: () => clock,
  clock: () => clock,
});

async function client(r: ApiRig, room: string, who: DemoPerson): Promise<TestClient> {
  const c = r.connect(room, who);
  await synced(c);
  return c;
}

async function snapshotState(
  r: ApiRig,
  who: DemoPerson,
  spaceId: string,
  docId: string,
  id: string,
) {
  const got = await r.api(who, 'GET', snapshotsPath(spaceId, docId, id));
  expect(got.status).toBe(200);
  return Buffer.from(SnapshotResponseSchema.parse(got.body).update, 'base64');
}

function textIn(state: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getText('body').toJSON();
}

/** Saves a version as `who` until the relay's copy passes `check` (the edit may be in flight). */
async function saveUntil(
  r: ApiRig,
  who: DemoPerson,
  spaceId: string,
  docId: string,
  check: (state: Uint8Array) => boolean,
): Promise<SnapshotMeta> {
  return vi.waitFor(async () => {
    const answer = await r.api(who, 'POST', snapshotsPath(spaceId, docId));
    expect([200, 201]).toContain(answer.status);
    const meta = SnapshotMetaSchema.parse(answer.body);
    expect(check(await snapshotState(r, who, spaceId, docId, meta.id))).toBe(true);
    return meta;
  });
}

async function ids(r: ApiRig, spaceId: string, docId: string): Promise<string[]> {
  const answer = await r.api(ADA, 'GET', snapshotsPath(spaceId, docId));
  return SnapshotListResponseSchema.parse(answer.body).snapshots.map((s) => s.id);
}

/**
 * Grace's burst: edit, save, one second later again, until the relay
 * refuses; checks the refusal names the limit and when to retry.
 */
async function burst(r: ApiRig, spaceId: string, docId: string, edit: () => void): Promise<number> {
  let created = 0;
  for (let i = 0; i < 50; i += 1) {
    edit();
    clock += 1_000;
    const answer = await vi.waitFor(async () => {
      const a = await r.api(GRACE, 'POST', snapshotsPath(spaceId, docId));
      // 200 means the edit had not reached the relay yet: try again.
      expect(a.status).not.toBe(200);
      return a;
    });
    if (answer.status === 429) {
      const error = ApiErrorSchema.parse(answer.body).error;
      expect(error.limit).toBe('manualSnapshotsPerHour');
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(error.retryAfterSeconds).toBe(Number(answer.headers.get('retry-after')));
      return created;
    }
    expect(answer.status).toBe(201);
    created += 1;
  }
  throw new Error('the burst was never refused');
}

describe('history a burst of saves cannot empty', () => {
  it('keeps the original of a wiped note through bursts over days, and restores it for everyone', async () => {
    const r = await rigs.start();
    const spaceId = await r.space(ADA, { [GRACE]: 'editor', [KATHERINE]: 'viewer' });
    const room = `${spaceId}/plan`;
    const ada = await client(r, room, ADA);
    ada.text.insert(0, 'the original plan');
    const original = await saveUntil(
      r,
      ADA,
      spaceId,
      'plan',
      (s) => textIn(s) === 'the original plan',
    );

    clock += 5 * 60_000;
    const grace = await client(r, room, GRACE);
    await expect.poll(() => grace.text.toJSON()).toBe('the original plan');
    grace.text.delete(0, grace.text.length);
    await expect.poll(() => ada.text.toJSON()).toBe('');
    // Bursts now, an hour later, two days later, a month later: each as large as the rate allows.
    for (const wait of [0, 2 * HOUR, 2 * DAY, 40 * DAY]) {
      clock += wait;
      const created = await burst(r, spaceId, 'plan', () => {
        grace.text.insert(grace.text.length, 'x');
      });
      expect(created).toBeLessThanOrEqual(SAVES_PER_HOUR);
      expect(await ids(r, spaceId, 'plan')).toContain(original.id);
    }

    // Restore as the app does: the snapshot's text becomes an ordinary edit of the live note.
    const restored = textIn(await snapshotState(r, ADA, spaceId, 'plan', original.id));
    ada.doc.transact(() => {
      ada.text.delete(0, ada.text.length);
      ada.text.insert(0, restored);
    });
    const katherine = await client(r, room, KATHERINE);
    await expect.poll(() => katherine.text.toJSON()).toBe('the original plan');
    await expect.poll(() => grace.text.toJSON()).toBe('the original plan');
  });

  it('restores a wiped page tree and template set from the space index history', async () => {
    const r = await rigs.start();
    const spaceId = await r.space(ADA, { [GRACE]: 'editor', [KATHERINE]: 'viewer' });
    const room = `${spaceId}/index`;
    const ada = await client(r, room, ADA);
    const actor = { userId: ADA, now: () => clock, origin: null };
    for (const [id, title] of [
      ['roadmap', 'Roadmap'],
      ['minutes', 'Minutes'],
    ] as const) {
      createPage(ada.doc, buildPageTree(readAllPages(ada.doc)), actor, {
        id,
        title,
        parentId: null,
      });
    }
    // Grace saves the template; Ada will restore it after Grace wipes it.
    const grace = await client(r, room, GRACE);
    const standup = { id: 'standup', name: 'Stand-up', createdAt: clock };
    saveTemplate(grace.doc, { ...standup, createdBy: GRACE, content: { type: 'doc' } });
    const titles = (doc: Y.Doc) =>
      readAllPages(doc)
        .map((p) => p.title)
        .sort();
    const saved = await saveUntil(r, ADA, spaceId, 'index', (state) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      return titles(doc).length === 2 && doc.getMap('templates').has('standup');
    });

    clock += 60_000;
    await expect.poll(() => titles(grace.doc)).toEqual(['Minutes', 'Roadmap']);
    grace.doc.transact(() => {
      pagesMap(grace.doc).clear();
      grace.doc.getMap('templates').clear();
    });
    await expect.poll(() => titles(ada.doc)).toEqual([]);
    await burst(r, spaceId, 'index', () => {
      const junk = { id: `junk${String(clock)}`, name: 'junk', createdAt: clock };
      saveTemplate(grace.doc, { ...junk, createdBy: GRACE, content: { type: 'doc' } });
    });
    expect(await ids(r, spaceId, 'index')).toContain(saved.id);

    const state = await snapshotState(r, ADA, spaceId, 'index', saved.id);
    expect(restoreIndexFromSnapshot(ada.doc, state, null, ADA)).toBeGreaterThan(0);
    const katherine = await client(r, room, KATHERINE);
    await expect.poll(() => titles(katherine.doc)).toEqual(['Minutes', 'Roadmap']);
    await expect.poll(() => [...katherine.doc.getMap('templates').keys()]).toEqual(['standup']);
    // The relay takes templates only in their sender's name: Ada's restore saved it as hers.
    expect(listTemplates(katherine.doc).map((t) => [t.id, t.createdBy])).toEqual([
      ['standup', ADA],
    ]);
  });
});
