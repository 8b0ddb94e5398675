// Benchmark 2 in the page: an editor with a note open, measured per
// keystroke by the latency probe. ours-remote adds remote peers connected
// through the in-page relay; ours-alone and bare have the same document
// (the peers' paragraphs included) and nobody else.
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { IDENTITY_COLORS } from '../../../renderer/identity/index.ts';
import type { TypingKind, TypingSummary } from '../protocol.ts';
import {
  BODY_FIELD,
  bareDoc,
  mountBare,
  mountOurs,
  paragraphsJSON,
  paragraphsText,
  paragraphsUpdate,
  placeCaret,
  type BenchEditor,
} from './editors.ts';
import { createLatencyProbe, type LatencyProbe } from './latency-probe.ts';
import { connect, type Member, type Relay } from './relay.ts';
import { remotePeer, type RemotePeer } from './remote-peer.ts';

/** How often each remote peer moves its caret (and every third time types). */
const PEER_INTERVAL_MS = 150;
const PEER_NAMES = ['Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Edsger Dijkstra'];

interface Session {
  editor: BenchEditor;
  probe: LatencyProbe;
  local: Member | null;
  relay: Relay | null;
  peers: RemotePeer[];
}

let session: Session | null = null;

function current(): Session {
  if (!session) throw new Error('setupTyping first');
  return session;
}

function peerText(doc: Y.Doc, index: number): Y.XmlText {
  const paragraph = doc.getXmlFragment(BODY_FIELD).get(index);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  if (!(text instanceof Y.XmlText)) throw new Error(`paragraph ${index} has no text`);
  return text;
}

/** Opens the note; returns its number of paragraphs. */
export function setupTyping(
  kind: TypingKind,
  paragraphs: readonly string[],
  peerCount: number,
): number {
  const parent = document.getElementById('editor');
  if (!parent) throw new Error('the page has no #editor');
  const peerParagraphs = Array.from(
    { length: peerCount },
    (_, i) => `Notes of peer ${i + 1}: decisions, owners and dates go here.`,
  );
  const all = [...paragraphs, ...peerParagraphs];
  let editor: BenchEditor;
  let local: Member | null = null;
  let relay: Relay | null = null;
  const peers: RemotePeer[] = [];
  if (kind === 'bare') {
    editor = mountBare(parent, bareDoc(paragraphsJSON(all)));
  } else {
    const state = paragraphsUpdate(all);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    local = { doc, awareness: new Awareness(doc) };
    editor = mountOurs(parent, doc.getXmlFragment(BODY_FIELD), local.awareness, {
      name: 'Ada Lovelace',
      color: IDENTITY_COLORS[0],
    });
    if (kind === 'ours-remote') {
      for (let i = 0; i < peerCount; i++) {
        const color = IDENTITY_COLORS[(i + 1) % IDENTITY_COLORS.length] ?? '#30a46c';
        const name = PEER_NAMES[i % PEER_NAMES.length] ?? 'Peer';
        peers.push(
          remotePeer(
            i,
            state,
            (d) => peerText(d, paragraphs.length + i),
            { name, color },
            PEER_INTERVAL_MS,
          ),
        );
      }
      relay = connect([local, ...peers]);
      for (const peer of peers) peer.start();
    }
  }
  const { view } = editor;
  placeCaret(view, 1);
  const probe = createLatencyProbe(view.dom, () => view.state.doc);
  session = { editor, probe, local, relay, peers };
  return view.state.doc.childCount;
}

/** Untimed: the caret to `position` before the next key. */
export function place(position: number): void {
  placeCaret(current().editor.view, position);
}

/** Untimed: a change that is not a key press (a character the keyboard cannot type). */
export function edit(position: number, deleteCount: number, insert: string): void {
  const { view } = current().editor;
  const tr =
    insert === ''
      ? view.state.tr.delete(position, position + deleteCount)
      : view.state.tr.insertText(insert, position, position + deleteCount);
  view.dispatch(tr);
}

export function lastKey() {
  return current().probe.last();
}

/** Stops the peers, lets the relay drain, checks convergence, closes the editor. */
export async function finishTyping(count: number): Promise<TypingSummary> {
  const { editor, probe, local, relay, peers } = current();
  probe.disconnect();
  for (const peer of peers) peer.stop();
  await relay?.drained();
  const text = paragraphsText(editor.view, count);
  const ours = local?.doc.getXmlFragment(BODY_FIELD).toJSON();
  const converged = peers.every((p) => p.doc.getXmlFragment(BODY_FIELD).toJSON() === ours);
  const received = local && relay ? relay.received(local) : { updates: 0, awareness: 0 };
  relay?.close();
  editor.destroy();
  session = null;
  return {
    text,
    remoteUpdates: received.updates,
    remoteAwareness: received.awareness,
    converged,
  };
}
