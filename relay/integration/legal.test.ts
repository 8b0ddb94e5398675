// Retention and legal holds on a real relay with real y-websocket clients:
// history older than the policy is purged so that deleted text is in no
// stored row of any database (documents, versions, edit journal); a hold
// suspends the purge and releasing it lets the purge run; a note kept in the
// trash past its days is deleted for good (gone from the space index, its
// room refused); every admin action and every purge is audited.
import { readdirSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { AuditPageSchema, type AuditEntry } from '../../shared/admin-api.ts';
import { SearchResponseSchema } from '../../shared/knowledge-api.ts';
import { LegalHoldSchema } from '../../shared/legal-api.ts';
import { openSpaceIndex } from '../../shared/space-index/index.ts';
import { useApiRig, type ApiRig } from './api-rig.ts';
import { ADA, GRACE } from './demo-people.ts';
import { WebsocketProvider } from 'y-websocket';
import { WebSocket } from 'ws';
import { afterEach } from 'vitest';

const HEDY = 'emp-1005';
const DAY_MS = 24 * 60 * 60 * 1000;
const SECRET = 'secret-alpha-7f3c';

let offset = 0;
const clock = (): number => Date.now() + offset;
const rigs = useApiRig({
  adminGroup: 'commonplace-admins',
  clock,
  limits: { idleUnloadMs: 50, maintenanceIntervalMs: 3_600_000 },
  knowledge: { indexDelayMs: 10, flushMs: 10 },
});

/** The notes of `space` that the relay's search finds for `q`, as Grace. */
async function found(r: ApiRig, space: string, q: string): Promise<string[]> {
  const answer = await r.api(GRACE, 'GET', `/api/search?q=${encodeURIComponent(q)}`);
  expect(answer.status).toBe(200);
  return SearchResponseSchema.parse(answer.body)
    .hits.filter((hit) => hit.spaceId === space)
    .map((hit) => hit.docId);
}

async function admin(): Promise<{ token: string }> {
  return { token: await rigs.idp.token(HEDY) };
}

/** Whether `text` is in any row of any table of the data directory's databases. */
function storedAnywhere(dataDir: string, text: string): string[] {
  const found: string[] = [];
  const needle = Buffer.from(text);
  // Every store of the relay: the search index and notifications keep note text too.
  for (const file of readdirSync(dataDir).filter((f) => f.endsWith('.sqlite'))) {
    const db = new DatabaseSync(join(dataDir, file), { readOnly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
      for (const { name } of tables) {
        for (const row of db.prepare(`SELECT * FROM "${String(name)}"`).all()) {
          for (const value of Object.values(row)) {
            const bytes =
              value instanceof Uint8Array ? Buffer.from(value) : Buffer.from(String(value));
            if (bytes.includes(needle)) found.push(`${file}:${String(name)}`);
          }
        }
      }
    } finally {
      db.close();
    }
  }
  return found;
}

interface NoteClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  destroy(): void;
}
const clients: NoteClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});

/** A stock y-websocket client whose `body` is a note's XML fragment, as the app writes it. */
async function connectNote(r: ApiRig, room: string, token: string): Promise<NoteClient> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(r.relay.wsUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
  });
  const client = {
    doc,
    provider,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
  clients.push(client);
  await vi.waitFor(() => {
    expect(provider.synced).toBe(true);
  });
  return client;
}

function paragraph(client: NoteClient, text: string): Y.XmlText {
  const body = client.doc.getXmlFragment('body');
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text);
  p.insert(0, [t]);
  body.push([p]);
  return t;
}

async function audit(r: ApiRig, kind: string): Promise<AuditEntry[]> {
  await r.relay.audit.flush();
  const answer = await r.api(await admin(), 'GET', `/api/admin/audit?kind=${kind}`);
  return AuditPageSchema.parse(answer.body).entries;
}

describe('retention and legal holds', () => {
  it('purges old history so deleted text is gone from storage; a hold suspends it', async () => {
    offset = 0;
    const r = await rigs.start();
    const space = await r.space(ADA);
    const note = await connectNote(r, `${space}/note1`, r.tokens[ADA]);
    const text = paragraph(note, `KEEP-ME ${SECRET} tail`);
    const save = () => r.api(ADA, 'POST', `/api/spaces/${space}/docs/note1/snapshots`);
    await vi.waitFor(async () => {
      expect((await save()).status).toBe(201);
    });
    text.delete(8, SECRET.length + 1);
    await vi.waitFor(() => {
      expect(storedAnywhere(r.dataDir, 'tail').length).toBeGreaterThan(0);
      expect(storedAnywhere(r.dataDir, SECRET)).toContain('relay.sqlite:updates');
    });
    expect(storedAnywhere(r.dataDir, SECRET)).toContain('history.sqlite:snapshots');

    expect(
      (await r.api(ADA, 'PUT', '/api/admin/legal/retention', { trashDays: null, historyDays: 30 }))
        .status,
    ).toBe(403);
    const set = await r.api(await admin(), 'PUT', '/api/admin/legal/retention', {
      trashDays: null,
      historyDays: 30,
    });
    expect(set.status).toBe(200);
    const created = await r.api(await admin(), 'POST', '/api/admin/legal/holds', {
      caseName: 'Acme v. Us',
      scope: { kind: 'space', spaceId: space },
    });
    expect(created.status).toBe(201);
    const hold = LegalHoldSchema.parse(created.body);

    offset = 31 * DAY_MS;
    const held = await r.relay.runMaintenance();
    expect(held.retention?.held).toBeGreaterThan(0);
    expect(storedAnywhere(r.dataDir, SECRET)).toContain('history.sqlite:snapshots');
    expect(storedAnywhere(r.dataDir, SECRET)).toContain('legal.sqlite:legal_edits');

    const released = await r.api(
      await admin(),
      'POST',
      `/api/admin/legal/holds/${hold.id}/release`,
    );
    expect(released.status).toBe(200);
    expect(
      (await r.api(await admin(), 'POST', `/api/admin/legal/holds/${hold.id}/release`)).status,
    ).toBe(409);
    const purged = await r.relay.runMaintenance();
    expect(purged.retention).toMatchObject({ held: 0 });
    expect(purged.retention?.versionsDeleted).toBeGreaterThan(0);
    expect(storedAnywhere(r.dataDir, SECRET)).toEqual([]);
    // What is still in the note is kept, and a fresh client gets it.
    note.destroy();
    const again = await connectNote(r, `${space}/note1`, r.tokens[ADA]);
    expect(again.doc.getXmlFragment('body').toJSON()).toContain('KEEP-ME tail');

    expect((await audit(r, 'legal.retention.set'))[0]).toMatchObject({
      actor: HEDY,
      detail: { historyDays: 30, trashDays: null },
    });
    expect((await audit(r, 'legal.hold.created'))[0]).toMatchObject({
      actor: HEDY,
      target: hold.id,
      detail: { caseName: 'Acme v. Us', 'scope.kind': 'space', 'scope.spaceId': space },
    });
    expect((await audit(r, 'legal.hold.released'))[0]).toMatchObject({
      actor: HEDY,
      target: hold.id,
    });
    expect(await audit(r, 'legal.purged')).toContainEqual(
      expect.objectContaining({ actor: null, space, target: 'note1' }),
    );
  });

  it('deletes a note kept in the trash past its days for good, unless its writer is held', async () => {
    offset = 0;
    const r = await rigs.start();
    const space = await r.space(ADA, { [GRACE]: 'editor' });
    const indexClient = await connectNote(r, `${space}/index`, r.tokens[ADA]);
    const index = openSpaceIndex(indexClient.doc, { userId: ADA });
    index.create({ id: 'doomed', title: 'Old plans', kind: 'note', parentId: null });
    index.create({ id: 'child', title: 'Under it', kind: 'note', parentId: 'doomed' });
    index.create({ id: 'kept', title: 'Kept', kind: 'note', parentId: null });
    const note = await connectNote(r, `${space}/doomed`, r.tokens[GRACE]);
    paragraph(note, `plans ${SECRET}`);
    index.archive('doomed');
    await vi.waitFor(() => {
      expect(storedAnywhere(r.dataDir, SECRET)).toContain('relay.sqlite:updates');
    });
    await vi.waitFor(async () => {
      expect(await found(r, space, 'plans')).toContain('doomed');
    });
    note.destroy();
    await r.api(await admin(), 'PUT', `/api/admin/legal/retention/spaces/${space}`, {
      trashDays: 1,
      historyDays: null,
    });
    const created = await r.api(await admin(), 'POST', '/api/admin/legal/holds', {
      caseName: 'Grace inquiry',
      scope: { kind: 'person', personId: GRACE },
    });
    const hold = LegalHoldSchema.parse(created.body);
    offset = 2 * DAY_MS;
    await vi.waitFor(async () => {
      expect((await r.relay.runMaintenance()).retention?.held).toBeGreaterThan(0);
    });
    expect(index.get('doomed')).toBeDefined();
    expect(storedAnywhere(r.dataDir, SECRET)).toContain('relay.sqlite:updates');

    await r.api(await admin(), 'POST', `/api/admin/legal/holds/${hold.id}/release`);
    // Purged once nobody has the note open (its room unloaded).
    await vi.waitFor(async () => {
      expect((await r.relay.runMaintenance()).retention?.notesPurged).toBe(2);
    });
    await vi.waitFor(() => {
      expect(index.get('doomed')).toBeUndefined();
    });
    expect(index.get('child')).toBeUndefined();
    expect(index.get('kept')).toBeDefined();
    expect(storedAnywhere(r.dataDir, SECRET)).toEqual([]);
    // Nor found by the relay's search (its index hears of purges like any watcher).
    await vi.waitFor(async () => {
      expect(await found(r, space, 'plans')).toEqual([]);
    });
    const socket = await r.openRaw(`/${space}/doomed?token=${r.tokens[GRACE]}`);
    expect((await socket.closed).code).toBe(4403);
    expect(await audit(r, 'legal.purged')).toContainEqual(
      expect.objectContaining({ space, target: 'doomed', detail: { reason: 'trash' } }),
    );
  });

  it('keeps a deleted space in the trash past its time while a hold covers it', async () => {
    offset = 0;
    const r = await rigs.start();
    const space = await r.space(ADA);
    const created = await r.api(await admin(), 'POST', '/api/admin/legal/holds', {
      caseName: 'Space matter',
      scope: { kind: 'space', spaceId: space },
    });
    const hold = LegalHoldSchema.parse(created.body);
    expect((await r.api(ADA, 'DELETE', `/api/spaces/${space}`)).status).toBe(200);
    offset = 31 * DAY_MS;
    expect((await r.relay.runMaintenance()).spacesPurged).toEqual([]);
    await r.api(await admin(), 'POST', `/api/admin/legal/holds/${hold.id}/release`);
    expect((await r.relay.runMaintenance()).spacesPurged).toEqual([space]);
  });
});
