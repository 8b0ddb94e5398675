// Background sync and pending counts, relay side: the RelayState request (the state
// vector of what the relay stored, answered in order after the sender's
// earlier frames) and `GET /api/spaces/{id}/docs` (change markers), against
// a real relay and real tokens from the dev IdP.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ApiErrorSchema, DocMarkersResponseSchema } from '../../shared/api.ts';
import { CloseCode, MessageType } from '../../shared/wire.ts';
import { encodeSyncUpdate } from '../protocol/encode.ts';
import { ADA, ALAN, GRACE, type DemoPerson } from './demo-people.ts';
import { useApiRig, type ApiRig } from './api-rig.ts';
import { synced, type RawSocket } from './helpers.ts';

const rigs = useApiRig();
let rig: ApiRig;
/** A space owned by Ada with Grace viewing; Alan is not a member. */
async function start(): Promise<string> {
  rig = await rigs.start();
  return rig.space(ADA, { [GRACE]: 'viewer' });
}

function raw(path: string, person: DemoPerson): Promise<RawSocket> {
  return rig.openRaw(`${path}?token=${rig.tokens[person]}`);
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
    const space = await start();
    const room = `${space}/note`;
    const writer = rig.connect(room, ADA);
    await synced(writer);
    writer.text.insert(0, 'stored first');
    const socket = await raw(`/${room}`, ADA);
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
    const space = await start();
    const writer = rig.connect(`${space}/note`, ADA);
    await synced(writer);
    writer.text.insert(0, 'hello');
    await expect
      .poll(async () => (await rig.api(ADA, 'GET', `/api/spaces/${space}/docs`)).body)
      .toMatchObject({ docs: [{ docId: 'note' }] });
    const viewer = await raw(`/${space}/note`, GRACE);
    viewer.socket.send(REQUEST);
    expect(await relayStateAnswer(viewer)).toEqual(vectorOf(writer.doc));

    const bad = await raw(`/${space}/note`, ADA);
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
    const space = await start();
    const markers = async (person: DemoPerson) => {
      const answer = await rig.api(person, 'GET', `/api/spaces/${space}/docs`);
      expect(answer.status).toBe(200);
      return DocMarkersResponseSchema.parse(answer.body).docs;
    };
    expect(await markers(ADA)).toEqual([]);
    const note = rig.connect(`${space}/note`, ADA);
    const index = rig.connect(`${space}/index`, ADA);
    await Promise.all([synced(note), synced(index)]);
    const t0 = Date.now();
    note.text.insert(0, 'agenda');
    index.doc.getMap('pages').set('note', 'x');
    await expect
      .poll(async () => (await markers(ADA)).map((m) => m.docId))
      .toEqual(['index', 'note']);
    const first = (await markers(ADA)).find((m) => m.docId === 'note');
    expect(first?.updatedBy).toBe(ADA);
    expect(first?.updatedAt).toBeGreaterThanOrEqual(t0);
    const decoded = Y.decodeStateVector(Buffer.from(first?.stateVector ?? '', 'base64'));
    expect(decoded).toEqual(vectorOf(note.doc));

    // Another writer: the marker moves on and names them; a viewer may read it.
    await rig.addMembers(space, ADA, { [GRACE]: 'editor' });
    const graceNote = rig.connect(`${space}/note`, GRACE);
    await synced(graceNote);
    graceNote.text.insert(6, ' and minutes');
    await expect
      .poll(async () => (await markers(GRACE)).find((m) => m.docId === 'note')?.updatedBy)
      .toBe(GRACE);
    const second = (await markers(GRACE)).find((m) => m.docId === 'note');
    expect(second?.stateVector).not.toBe(first?.stateVector);
    expect(Y.decodeStateVector(Buffer.from(second?.stateVector ?? '', 'base64'))).toEqual(
      vectorOf(graceNote.doc),
    );
    // Reconnecting without changes stores nothing, so the marker still names Grace.
    const again = rig.connect(`${space}/note`, ADA);
    await synced(again);
    note.provider.disconnect();
    note.provider.connect();
    await synced(note);
    expect((await markers(ADA)).find((m) => m.docId === 'note')?.updatedBy).toBe(GRACE);
  });

  it('refuses non-members (403), unknown spaces (404) and missing tokens (401)', async () => {
    const space = await start();
    const refused = await rig.api(ALAN, 'GET', `/api/spaces/${space}/docs`);
    expect(refused.status).toBe(403);
    expect(ApiErrorSchema.parse(refused.body).error.code).toBe('forbidden');
    expect((await rig.api(ALAN, 'GET', '/api/spaces/nope/docs')).status).toBe(404);
    expect((await rig.api(null, 'GET', `/api/spaces/${space}/docs`)).status).toBe(401);
  });
});
