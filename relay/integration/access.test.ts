// Access control on the WebSocket: a real dev IdP issues tokens, a
// real relay verifies them; each refusal closes with its documented code
// before any document data, and nothing the refused client sent is stored or
// relayed. Viewers read but cannot write; role changes reach open sockets.
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { READ_ONLY_REASON } from '../../shared/api.ts';
import { CloseCode, MessageType } from '../../shared/wire.ts';
import { encodeAwareness, encodeSyncStep2, encodeSyncUpdate } from '../protocol/encode.ts';
import type { RelayHandle } from '../server.ts';
import { SqliteStorage } from '../storage/sqlite.ts';
import { ADA, ALAN, GRACE, KATHERINE } from './demo-people.ts';
import { useApiRig, type ApiRig, type ApiRigOptions } from './api-rig.ts';
import { synced } from './helpers.ts';

// Ada owns the space, Grace edits, Katherine views, Alan is not a member.
const rigs = useApiRig();
let rig: ApiRig;

afterEach(() => {
  vi.restoreAllMocks();
});

async function start(options: ApiRigOptions = {}): Promise<RelayHandle> {
  rig = await rigs.start(options);
  return rig.relay;
}

/** A space owned by Ada with Grace as editor and Katherine as viewer. */
function team(): Promise<string> {
  return rig.space(ADA, { [GRACE]: 'editor', [KATHERINE]: 'viewer' });
}

function updateFrame(text: string): Buffer {
  const doc = new Y.Doc();
  doc.getText('body').insert(0, text);
  return encodeSyncUpdate(Y.encodeStateAsUpdate(doc));
}

/** Reasons of every y-protocols/auth permission-denied frame received. */
function deniedReasons(frames: readonly Buffer[]): string[] {
  return frames.flatMap((frame) => {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MessageType.Auth) return [];
    decoding.readVarUint(decoder); // 0 = permission denied
    return [decoding.readVarString(decoder)];
  });
}

/** The stored text of `room` once the relay has closed (storage released). */
async function storedText(room: string): Promise<string> {
  await rig.relay.close();
  const storage = new SqliteStorage({ dataDir: rig.dataDir });
  const doc = new Y.Doc();
  for (const update of storage.loadDoc(room).updates) Y.applyUpdate(doc, update);
  await storage.close();
  return doc.getText('body').toJSON();
}

describe('relay authentication on the WebSocket', () => {
  it('refuses every bad token with 4401 before any data; what it sent is neither stored nor relayed', async () => {
    const r = await start();
    const spaceId = await team();
    const room = `${spaceId}/notes`;
    const watcher = rig.connect(room, GRACE);
    await synced(watcher);
    const bad = { 'no token': '', ...(await rigs.idp.forged()) };
    for (const [name, token] of Object.entries(bad)) {
      const socket = await rig.openRaw(`/${room}${token === '' ? '' : `?token=${token}`}`);
      socket.socket.send(updateFrame(`from ${name}`));
      const { code, reason } = await socket.closed;
      expect({ name, code }).toEqual({ name, code: CloseCode.Unauthorized });
      expect(reason.length).toBeGreaterThan(0);
      expect(socket.frames).toHaveLength(0);
    }
    expect(watcher.text.toJSON()).toBe('');
    expect(r.metrics.updatesPersisted).toBe(0);
    expect(await storedText(room)).toBe('');
  });

  it('refuses a non-member with 4403 and nothing of the document', async () => {
    const r = await start();
    const spaceId = await team();
    const room = `${spaceId}/notes`;
    const grace = rig.connect(room, GRACE);
    await synced(grace);
    grace.text.insert(0, 'members only');
    await expect.poll(() => r.metrics.updatesPersisted).toBe(1);
    const outsider = await rig.openRaw(`/${room}?token=${rig.tokens[ALAN]}`);
    outsider.socket.send(updateFrame('intruder'));
    expect(await outsider.closed).toEqual({
      code: CloseCode.Forbidden,
      reason: 'not a member of this space',
    });
    expect(outsider.frames).toHaveLength(0);
    // A space that does not exist answers the same.
    const nowhere = await rig.openRaw(`/NoSuchSpace/notes?token=${rig.tokens[ALAN]}`);
    expect((await nowhere.closed).code).toBe(CloseCode.Forbidden);
    expect(await storedText(room)).toBe('members only');
  });

  it('refuses a domain outside --allowed-domains with 4403 and a clear reason', async () => {
    await start({ auth: { allowedDomains: ['example.com'] } });
    const outsiderToken = await rigs.idp.sign({
      sub: 'ext-2001',
      email: 'charles.babbage@partner.example.org',
    });
    const socket = await rig.openRaw(`/any/notes?token=${outsiderToken}`);
    const { code, reason } = await socket.closed;
    expect(code).toBe(CloseCode.Forbidden);
    expect(reason).toContain('partner.example.org is not allowed');
    expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(123);
    expect(socket.frames).toHaveLength(0);
    // Same policy on HTTP: 403 with the reason.
    const answer = await rig.api({ token: outsiderToken }, 'GET', '/api/me');
    expect(answer.status).toBe(403);
    // Real tokens of the allowed domain pass.
    expect((await rig.api(ADA, 'GET', '/api/me')).status).toBe(200);
  });

  it.each([
    ['..', '/../notes'],
    ['dot segments', '/space/../notes'],
    ['%2F', '/space%2Fnotes/doc'],
    ['empty space id', '//notes'],
    ['empty doc id', '/space/'],
    ['over-long id', `/${'a'.repeat(65)}/notes`],
    ['extra segment', '/space/notes/more'],
  ])('refuses a room name with %s (4404), before any data', async (_name, path) => {
    await start();
    const socket = await rig.openRaw(`${path}?token=${rig.tokens[ADA]}`);
    expect((await socket.closed).code).toBe(CloseCode.InvalidRoom);
    expect(socket.frames).toHaveLength(0);
  });

  it('closes with 4401 when the token expires mid-session', async () => {
    await start({ auth: { clockToleranceSec: 0 } });
    const spaceId = await rig.space(ADA);
    const shortLived = await rigs.idp.sign({ exp: Math.floor(Date.now() / 1000) + 2 });
    const socket = await rig.openRaw(`/${spaceId}/notes?token=${shortLived}`);
    await expect.poll(() => socket.frames.length).toBeGreaterThan(0);
    expect(await socket.closed).toEqual({ code: CloseCode.Unauthorized, reason: 'token expired' });
  });
});

describe('space roles on the WebSocket', () => {
  it('a viewer reads; its update and its sync step 2 with new content are dropped, and it is told why', async () => {
    const r = await start();
    const spaceId = await team();
    const room = `${spaceId}/notes`;
    const grace = rig.connect(room, GRACE);
    await synced(grace);
    grace.text.insert(0, 'shared text');
    await expect.poll(() => r.metrics.updatesPersisted).toBe(1);

    const viewer = await rig.openRaw(`/${room}?token=${rig.tokens[KATHERINE]}`);
    await expect.poll(() => viewer.frames.length).toBeGreaterThan(0);
    // A step 2 that only repeats what the relay has is no write: no refusal.
    const known = new Y.Doc();
    Y.applyUpdate(known, Y.encodeStateAsUpdate(grace.doc));
    viewer.socket.send(encodeSyncStep2(Y.encodeStateAsUpdate(known)));
    viewer.socket.send(updateFrame('viewer update'));
    await expect.poll(() => deniedReasons(viewer.frames)).toEqual([READ_ONLY_REASON]);
    expect(r.metrics.writesRefused).toBe(1);
    viewer.socket.send(encodeSyncStep2(Y.encodeStateAsUpdate(updateDoc('viewer step 2'))));
    await expect.poll(() => r.metrics.writesRefused).toBe(2);

    // Still connected, still receiving.
    const before = viewer.frames.length;
    grace.text.insert(grace.text.length, '!');
    await expect.poll(() => r.metrics.updatesPersisted).toBe(2);
    await expect.poll(() => viewer.frames.length).toBeGreaterThan(before);
    expect(grace.text.toJSON()).toBe('shared text!');
    expect(await storedText(room)).toBe('shared text!');
  });

  it('limits awareness for everyone, viewers included (1009)', async () => {
    await start({ limits: { maxAwarenessBytes: 1024 } });
    const spaceId = await team();
    for (const sub of [ADA, KATHERINE]) {
      const socket = await rig.openRaw(`/${spaceId}/notes?token=${rig.tokens[sub]}`);
      await expect.poll(() => socket.frames.length).toBeGreaterThan(0);
      socket.socket.send(encodeAwareness(awarenessUpdate('x'.repeat(2000))));
      expect((await socket.closed).code).toBe(CloseCode.MessageTooLarge);
    }
  });

  it('role changes reach a live connection: demotion stops writes, promotion restores them, removal closes with 4403', async () => {
    const r = await start();
    const spaceId = await team();
    const room = `${spaceId}/notes`;
    const owner = rig.connect(room, ADA);
    const grace = rig.connect(room, GRACE);
    await Promise.all([synced(owner), synced(grace)]);
    grace.text.insert(0, 'one ');
    await expect.poll(() => owner.text.toJSON()).toBe('one ');

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const setRole = (role: string) =>
      rig.api(ADA, 'PUT', `/api/spaces/${spaceId}/members/${GRACE}`, { role });
    expect((await setRole('viewer')).status).toBe(200);
    // Told at once, before writing anything.
    await expect.poll(() => warn.mock.calls.flat().join(' ')).toContain(READ_ONLY_REASON);
    grace.text.insert(grace.text.length, 'two ');
    await expect.poll(() => r.metrics.writesRefused).toBe(1);
    expect(owner.text.toJSON()).toBe('one ');

    // Promoted: the relay asks for what it lacks (as a reconnect would), so
    // later edits that build on the dropped one can integrate.
    expect((await setRole('editor')).status).toBe(200);
    grace.text.insert(grace.text.length, 'three');
    await expect.poll(() => owner.text.toJSON()).toBe('one two three');

    const closes: number[] = [];
    grace.provider.on('connection-close', (event) => {
      if (event !== null) closes.push(event.code);
    });
    const removed = await rig.api(ADA, 'DELETE', `/api/spaces/${spaceId}/members/${GRACE}`);
    expect(removed.status).toBe(204);
    await expect.poll(() => closes).toContain(CloseCode.Forbidden);
    // And she cannot come back.
    const again = await rig.openRaw(`/${room}?token=${rig.tokens[GRACE]}`);
    expect((await again.closed).code).toBe(CloseCode.Forbidden);
  });
});

function updateDoc(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('body').insert(0, text);
  return doc;
}

/** An awareness update of one client whose state carries `padding`. */
function awarenessUpdate(padding: string): Uint8Array {
  const state = JSON.stringify({ user: { name: padding } });
  const encoder = new TextEncoder().encode(state);
  // varUint count=1, clientID, clock, varString state
  const head = [1, 7, 1];
  const len: number[] = [];
  let n = encoder.length;
  while (n > 0x7f) {
    len.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  len.push(n);
  return Uint8Array.from([...head, ...len, ...encoder]);
}
