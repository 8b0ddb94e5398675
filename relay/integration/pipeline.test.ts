// The connection pipeline's plug-in points (the real relay fills them with JWT and
// space roles): a refusing stage closes with its code before any document
// data, and a read-only principal's edits are neither stored nor relayed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { READ_ONLY_REASON } from '../../shared/api.ts';
import { CloseCode } from '../../shared/wire.ts';
import { pass, refuse } from '../pipeline/types.ts';
import { allowAllAuthorizer, type Authenticator, type Authorizer } from '../pipeline/auth.ts';
import type { RelayHandle, RelayOptions } from '../server.ts';
import { SqliteStorage } from '../storage/sqlite.ts';
import {
  connectClient,
  openRawSocket,
  startTestRelay,
  synced,
  tempDataDir,
  type TestClient,
} from './helpers.ts';

let relay: RelayHandle | null = null;
let dataDir = '';
const cleanups: (() => void)[] = [];
const clients: TestClient[] = [];
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  for (const c of clients.splice(0)) c.destroy();
  await relay?.close();
  relay = null;
  for (const c of cleanups.splice(0)) c();
});

async function start(extra: Partial<RelayOptions>): Promise<RelayHandle> {
  const data = tempDataDir();
  cleanups.push(data.cleanup);
  dataDir = data.dir;
  relay = await startTestRelay(data.dir, extra);
  return relay;
}

async function refusedWith(wsUrl: string, path: string): Promise<{ code: number; frames: number }> {
  const { socket, frames, closed } = await openRawSocket(wsUrl, path);
  sockets.push(socket);
  const { code } = await closed;
  return { code, frames: frames.length };
}

describe('connection pipeline stages', () => {
  it('an authenticator refusal closes with its code (4401) before any document data', async () => {
    const authenticator: Authenticator = {
      authenticate: (req) =>
        req.query.get('token') === 'good'
          ? pass({ id: 'u1' })
          : refuse(CloseCode.Unauthorized, 'missing token'),
    };
    const r = await start({ authenticator, authorizer: allowAllAuthorizer });
    expect(await refusedWith(r.wsUrl, '/team/notes')).toEqual({
      code: CloseCode.Unauthorized,
      frames: 0,
    });
    const ok = await openRawSocket(r.wsUrl, '/team/notes?token=good');
    sockets.push(ok.socket);
    await expect.poll(() => ok.frames.length).toBeGreaterThan(0);
  });

  it('an authorizer refusal closes with 4403 before any document data', async () => {
    const authorizer: Authorizer = {
      authorize: (_p, room) =>
        room.spaceId === 'secret'
          ? refuse(CloseCode.Forbidden, 'not a member')
          : pass({ canWrite: true }),
    };
    const r = await start({ authorizer });
    expect(await refusedWith(r.wsUrl, '/secret/notes')).toEqual({
      code: CloseCode.Forbidden,
      frames: 0,
    });
  });

  it('drops a read-only client’s edits: not stored, not relayed, client told', async () => {
    const authorizer: Authorizer = {
      authorize: (p) => pass({ canWrite: p.id !== 'viewer' }),
    };
    const authenticator: Authenticator = {
      authenticate: (req) => pass({ id: req.query.get('as') ?? 'editor' }),
    };
    const r = await start({ authenticator, authorizer });
    const editor = connectClient(r.wsUrl, 'team/notes');
    clients.push(editor);
    await synced(editor);
    editor.text.insert(0, 'editor text');
    const viewer = connectClient(r.wsUrl, 'team/notes', { as: 'viewer' });
    clients.push(viewer);
    await expect.poll(() => viewer.text.toJSON()).toBe('editor text');
    // y-websocket reports y-protocols/auth "permission denied" through console.warn.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    viewer.text.insert(0, 'VIEWER ');
    editor.text.insert(editor.text.length, '!');
    await expect.poll(() => viewer.text.toJSON()).toBe('VIEWER editor text!');
    expect(editor.text.toJSON()).toBe('editor text!');
    await expect.poll(() => warn.mock.calls.flat().join(' ')).toContain(READ_ONLY_REASON);
    warn.mockRestore();
    await r.close();
    relay = null;
    const storage = new SqliteStorage({ dataDir });
    const stored = new Y.Doc();
    for (const u of storage.loadDoc('team/notes').updates) Y.applyUpdate(stored, u);
    await storage.close();
    expect(stored.getText('body').toJSON()).toBe('editor text!');
  });

  it('refuses connections over maxConnections with 4429', async () => {
    const r = await start({ limits: { maxConnections: 1 } });
    const first = await openRawSocket(r.wsUrl, '/team/notes');
    sockets.push(first.socket);
    expect((await refusedWith(r.wsUrl, '/team/notes')).code).toBe(CloseCode.Overloaded);
  });
});
