// Issue 5 points 3 and 4, relay side: the RelayState request (the state
// vector of what the relay stored, answered in order after the sender's
// earlier frames) and `GET /api/spaces/{id}/docs` (change markers), against
// a real relay and real tokens from the dev IdP.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ApiErrorSchema, DocMarkersResponseSchema } from '../../shared/api.ts';
import { CloseCode, MessageType } from '../../shared/wire.ts';
import { encodeSyncUpdate } from '../protocol/encode.ts';
import type { RelayHandle } from '../server.ts';
import {
  addMember,
  api,
  createSpace,
  startAuthRelay,
  startTestIdp,
  type TestIdp,
} from './auth-helpers.ts';
import {
  connectClient,
  openRawSocket,
  synced,
  tempDataDir,
  type RawSocket,
  type TestClient,
} from './helpers.ts';

const ADA = 'emp-1001';
const GRACE = 'emp-1002';
const ALAN = 'emp-1004';

let idp: TestIdp;
let relay: RelayHandle;
let cleanup: () => void;
const clients: TestClient[] = [];
const sockets: RawSocket[] = [];

beforeAll(async () => {
  idp = await startTestIdp();
});
afterAll(async () => {
  await idp.close();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of sockets.splice(0)) s.socket.terminate();
  await relay.close();
  cleanup();
});

async function start(): Promise<{ space: string; ada: string; grace: string; alan: string }> {
  const data = tempDataDir();
  cleanup = data.cleanup;
  relay = await startAuthRelay(data.dir, idp);
  const [ada, grace, alan] = await Promise.all([idp.token(ADA), idp.token(GRACE), idp.token(ALAN)]);
  const space = await createSpace(relay, ada);
  await addMember(relay, ada, space, grace, GRACE, 'viewer');
  return { space, ada, grace, alan };
}

async function raw(path: string, token: string): Promise<RawSocket> {
  const socket = await openRawSocket(relay.wsUrl, `${path}?token=${token}`);
  sockets.push(socket);
  return socket;
}

function client(room: string, token: string): TestClient {
  const c = connectClient(relay.wsUrl, room, { token });
  clients.push(c);
  return c;
}

const REQUEST = Uint8Array.from([MessageType.RelayState]);

/** The state vector of the n-th RelayState answer a raw socket received (waits for it). */
async function relayStateAnswer(socket: RawSocket, nth = 0): Promise<Map<number, number>> {
  const answers = (): Buffer[] => socket.frames.filter((f) => f[0] === MessageType.RelayState);
  await expect.poll(() => answers().length).toBeGreaterThan(nth);
  const decoder = decoding.createDecoder(answers()[nth] ?? Buffer.alloc(0));
  expect(decoding.readVarUint(decoder)).toBe(MessageType.RelayState);
  const vector = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
  expect(decoding.hasContent(decoder)).toBe(false);
  return vector;
}

function vectorOf(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

describe('RelayState', () => {
  it('answers with the state vector of what is stored, after the frames the client sent before it', async () => {
    const { space, ada } = await start();
    const room = `${space}/note`;
    const writer = client(room, ada);
    await synced(writer);
    writer.text.insert(0, 'stored first');
    const socket = await raw(`/${room}`, ada);
    // An update and the request in one burst: the answer must already count the update.
    const own = new Y.Doc();
    own.getText('body').insert(0, 'mine ');
    socket.socket.send(encodeSyncUpdate(Y.encodeStateAsUpdate(own)));
    socket.socket.send(REQUEST);
    const answered = await relayStateAnswer(socket);
    expect(answered.get(own.clientID)).toBe(vectorOf(own).get(own.clientID));
    await expect.poll(() => writer.text.toJSON()).toContain('mine ');
    expect(answered).toEqual(vectorOf(writer.doc));
  });

  it('answers viewers too, and closes a RelayState frame with trailing bytes with 4400', async () => {
    const { space, ada, grace } = await start();
    const writer = client(`${space}/note`, ada);
    await synced(writer);
    writer.text.insert(0, 'hello');
    await expect
      .poll(async () => (await api(relay, ada, 'GET', `/api/spaces/${space}/docs`)).body)
      .toMatchObject({ docs: [{ docId: 'note' }] });
    const viewer = await raw(`/${space}/note`, grace);
    viewer.socket.send(REQUEST);
    expect(await relayStateAnswer(viewer)).toEqual(vectorOf(writer.doc));

    const bad = await raw(`/${space}/note`, ada);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.RelayState);
    encoding.writeVarUint(encoder, 7);
    bad.socket.send(encoding.toUint8Array(encoder));
    expect((await bad.closed).code).toBe(CloseCode.MalformedMessage);
    // The room carries on for everyone else.
    viewer.socket.send(REQUEST);
    expect(await relayStateAnswer(viewer, 1)).toEqual(vectorOf(writer.doc));
  });
});

describe('GET /api/spaces/{id}/docs', () => {
  it('lists a marker per stored document (the index too) that follows each update and its writer', async () => {
    const { space, ada, grace } = await start();
    const markers = async (token: string) => {
      const answer = await api(relay, token, 'GET', `/api/spaces/${space}/docs`);
      expect(answer.status).toBe(200);
      return DocMarkersResponseSchema.parse(answer.body).docs;
    };
    expect(await markers(ada)).toEqual([]);
    const note = client(`${space}/note`, ada);
    const index = client(`${space}/index`, ada);
    await Promise.all([synced(note), synced(index)]);
    const t0 = Date.now();
    note.text.insert(0, 'agenda');
    index.doc.getMap('pages').set('note', 'x');
    await expect
      .poll(async () => (await markers(ada)).map((m) => m.docId))
      .toEqual(['index', 'note']);
    const first = (await markers(ada)).find((m) => m.docId === 'note');
    expect(first?.updatedBy).toBe(ADA);
    expect(first?.updatedAt).toBeGreaterThanOrEqual(t0);
    const decoded = Y.decodeStateVector(Buffer.from(first?.stateVector ?? '', 'base64'));
    expect(decoded).toEqual(vectorOf(note.doc));

    // Another writer: the marker moves on and names them; a viewer may read it.
    await addMember(relay, ada, space, grace, GRACE, 'editor');
    const graceNote = client(`${space}/note`, grace);
    await synced(graceNote);
    graceNote.text.insert(6, ' and minutes');
    await expect
      .poll(async () => (await markers(grace)).find((m) => m.docId === 'note')?.updatedBy)
      .toBe(GRACE);
    const second = (await markers(grace)).find((m) => m.docId === 'note');
    expect(second?.stateVector).not.toBe(first?.stateVector);
    expect(Y.decodeStateVector(Buffer.from(second?.stateVector ?? '', 'base64'))).toEqual(
      vectorOf(graceNote.doc),
    );
    // Reconnecting without changes stores nothing, so the marker still names Grace.
    const again = client(`${space}/note`, ada);
    await synced(again);
    note.provider.disconnect();
    note.provider.connect();
    await synced(note);
    expect((await markers(ada)).find((m) => m.docId === 'note')?.updatedBy).toBe(GRACE);
  });

  it('refuses non-members (403), unknown spaces (404) and missing tokens (401)', async () => {
    const { space, alan } = await start();
    const refused = await api(relay, alan, 'GET', `/api/spaces/${space}/docs`);
    expect(refused.status).toBe(403);
    expect(ApiErrorSchema.parse(refused.body).error.code).toBe('forbidden');
    expect((await api(relay, alan, 'GET', '/api/spaces/nope/docs')).status).toBe(404);
    expect((await api(relay, null, 'GET', `/api/spaces/${space}/docs`)).status).toBe(401);
  });
});
