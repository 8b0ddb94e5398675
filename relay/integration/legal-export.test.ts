// eDiscovery export of a legal hold on a real relay: the zip holds each note
// as Markdown and JSON (versions, per-edit attribution naming who inserted
// and deleted which text) and a manifest whose SHA-256 checksums match; only
// an admin may export, only an active hold, and the export is audited.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unzipSync } from 'fflate';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { AuditPageSchema } from '../../shared/admin-api.ts';
import { LegalHoldSchema } from '../../shared/legal-api.ts';
import { useApiRig, type ApiRig } from './api-rig.ts';
import { ADA, GRACE } from './demo-people.ts';

const HEDY = 'emp-1005';
const rigs = useApiRig({ adminGroup: 'commonplace-admins' });
const providers: WebsocketProvider[] = [];
afterEach(() => {
  for (const p of providers.splice(0)) p.destroy();
});

async function connect(r: ApiRig, room: string, token: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(r.relay.wsUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
  });
  providers.push(provider);
  await vi.waitFor(() => {
    expect(provider.synced).toBe(true);
  });
  return doc;
}

async function download(r: ApiRig, token: string, holdId: string): Promise<Response> {
  return fetch(`${r.relay.httpUrl}/api/admin/legal/holds/${holdId}/export`, {
    headers: { authorization: `Bearer ${token}` },
  });
}

interface Manifest {
  hold: { id: string; caseName: string };
  exportedBy: string;
  files: { path: string; bytes: number; sha256: string }[];
}
interface NoteRecord {
  docId: string;
  versions: { markdown: string | null }[];
  edits: { by: string | null; byName: string | null; inserted: string; deleted: string }[];
}

describe('eDiscovery export', () => {
  it('zips every note of a held space with history, attribution and checksums', async () => {
    const r = await rigs.start();
    const space = await r.space(ADA, { [GRACE]: 'editor' });
    const ada = await connect(r, `${space}/plan`, r.tokens[ADA]);
    const text = new Y.XmlText();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [text]);
    ada.getXmlFragment('body').push([paragraph]);
    text.insert(0, 'Ship on Friday');
    const grace = await connect(r, `${space}/plan`, r.tokens[GRACE]);
    await vi.waitFor(() => {
      expect(grace.getXmlFragment('body').toJSON()).toContain('Ship on Friday');
    });
    const graceText = grace.getXmlFragment('body').get(0) as Y.XmlElement;
    const t = graceText.get(0) as Y.XmlText;
    t.delete(8, 6);
    t.insert(8, 'Monday');
    await vi.waitFor(() => {
      expect(ada.getXmlFragment('body').toJSON()).toContain('Ship on Monday');
    });
    expect((await r.api(ADA, 'POST', `/api/spaces/${space}/docs/plan/snapshots`)).status).toBe(201);

    const admin = { token: await rigs.idp.token(HEDY) };
    const created = await r.api(admin, 'POST', '/api/admin/legal/holds', {
      caseName: 'Friday launch',
      scope: { kind: 'space', spaceId: space },
    });
    const hold = LegalHoldSchema.parse(created.body);
    expect((await download(r, r.tokens[ADA], hold.id)).status).toBe(403);

    const answer = await download(r, admin.token, hold.id);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/zip');
    const zip = unzipSync(new Uint8Array(await answer.arrayBuffer()));
    const manifest = JSON.parse(new TextDecoder().decode(zip['manifest.json'])) as Manifest;
    expect(manifest.hold).toMatchObject({ id: hold.id, caseName: 'Friday launch' });
    expect(manifest.exportedBy).toBe(HEDY);
    expect(manifest.files.map((f) => f.path).sort()).toEqual([
      `notes/${space}/plan.json`,
      `notes/${space}/plan.md`,
    ]);
    for (const file of manifest.files) {
      const bytes = zip[file.path];
      expect(bytes, file.path).toBeDefined();
      expect(
        createHash('sha256')
          .update(bytes ?? new Uint8Array())
          .digest('hex'),
      ).toBe(file.sha256);
      expect(bytes?.byteLength).toBe(file.bytes);
    }
    expect(new TextDecoder().decode(zip[`notes/${space}/plan.md`])).toContain('Ship on Monday');
    const record = JSON.parse(
      new TextDecoder().decode(zip[`notes/${space}/plan.json`]),
    ) as NoteRecord;
    expect(record.versions[0]?.markdown).toContain('Ship on Monday');
    expect(record.edits).toContainEqual(
      expect.objectContaining({ by: ADA, inserted: 'Ship on Friday' }),
    );
    expect(record.edits).toContainEqual(expect.objectContaining({ by: GRACE, deleted: 'Friday' }));
    expect(record.edits).toContainEqual(expect.objectContaining({ by: GRACE, inserted: 'Monday' }));
    expect(record.edits.find((e) => e.by === GRACE)?.byName).toBeTruthy();

    await r.api(admin, 'POST', `/api/admin/legal/holds/${hold.id}/release`);
    expect((await download(r, admin.token, hold.id)).status).toBe(409);
    expect((await download(r, admin.token, 'unknown')).status).toBe(404);
    await r.relay.audit.flush();
    const audit = await r.api(admin, 'GET', '/api/admin/audit?kind=legal.exported');
    expect(AuditPageSchema.parse(audit.body).entries).toEqual([
      expect.objectContaining({ actor: HEDY, target: hold.id }),
    ]);
  });
});
