import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_PLACE_DEPTH, updateShape } from './update-shape.ts';

const WATCHED = new Set(['fileId']);

/** The relay's doc and a client doc synced with it. */
function pair(): { relay: Y.Doc; client: Y.Doc; sync: () => void } {
  const relay = new Y.Doc();
  const client = new Y.Doc();
  return {
    relay,
    client,
    sync: () => {
      Y.applyUpdate(relay, Y.encodeStateAsUpdate(client));
    },
  };
}

/** The update `edit` makes in `client`, and its shape as seen by `relay`. */
function shapeOf(relay: Y.Doc, client: Y.Doc, edit: () => void) {
  const before = Y.encodeStateVector(client);
  edit();
  const update = Y.encodeStateAsUpdate(client, before);
  return updateShape(relay, Y.decodeUpdate(update), WATCHED);
}

describe('updateShape', () => {
  it('places a keystroke in an existing text under its root, through its origin', () => {
    const { relay, client, sync } = pair();
    client.getText('body').insert(0, 'hello');
    sync();
    const shape = shapeOf(relay, client, () => {
      client.getText('body').insert(5, '!');
    });
    expect([...shape.roots]).toEqual(['body']);
    expect(shape).toMatchObject({ unresolved: false, deep: false, addsStructs: true });
  });

  it('places nested types, map overwrites and deletions under their roots', () => {
    const { relay, client, sync } = pair();
    const thread = new Y.Map<unknown>();
    client.getMap('comments').set('t1', thread);
    thread.set('resolved', null);
    sync();
    // An overwrite carries no parent: it is found through the value it replaces.
    expect([...shapeOf(relay, client, () => thread.set('resolved', { by: 'x' })).roots]).toEqual([
      'comments',
    ]);
    sync();
    const deletion = shapeOf(relay, client, () => {
      client.getMap('comments').delete('t1');
    });
    expect([...deletion.roots]).toEqual(['comments']);
    expect(deletion.addsStructs).toBe(false);
  });

  it('collects values written under watched keys, overwrites included', () => {
    const { relay, client, sync } = pair();
    const image = new Y.XmlElement('image');
    const first = shapeOf(relay, client, () => {
      client.getXmlFragment('prosemirror').insert(0, [image]);
      image.setAttribute('fileId', 'abc');
    });
    expect(first.keyed.get('fileId')).toEqual(['abc']);
    sync();
    const second = shapeOf(relay, client, () => {
      image.setAttribute('fileId', 'https://elsewhere');
    });
    expect(second.keyed.get('fileId')).toEqual(['https://elsewhere']);
  });

  it('reports structs it cannot place as unresolved (Yjs would hold them pending)', () => {
    const { relay, client } = pair();
    client.getText('body').insert(0, 'offline');
    // The relay never got the first edit; the second builds on it.
    const shape = shapeOf(relay, client, () => {
      client.getText('body').insert(7, ' edit');
    });
    expect(shape.unresolved).toBe(true);
  });

  it('reports nesting past MAX_PLACE_DEPTH as deep, without walking it all', () => {
    const { relay, client, sync } = pair();
    let map = client.getMap('outline');
    for (let i = 0; i < MAX_PLACE_DEPTH + 5; i++) {
      const child = new Y.Map<unknown>();
      map.set('c', child);
      map = child;
    }
    sync();
    const leaf = map;
    const shape = shapeOf(relay, client, () => {
      leaf.set('k', 1);
    });
    expect(shape.deep).toBe(true);
  });
});
