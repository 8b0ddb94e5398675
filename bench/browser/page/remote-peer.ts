// A remote collaborator: its own Y.Doc and awareness, a caret (odd peers a
// five-character selection) that moves through its own paragraph, and a
// character typed there every third move. It has no editor: in the app its
// editor runs on someone else's machine; only its updates reach ours.
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Member } from './relay.ts';

export interface RemotePeer extends Member {
  start(): void;
  stop(): void;
}

const LETTERS = 'etaoinshrdlu';

/** A relative position as it travels in awareness (yjs types the JSON form as any). */
function asJSON(position: Y.RelativePosition): unknown {
  const json: unknown = Y.relativePositionToJSON(position);
  return json;
}

export function remotePeer(
  index: number,
  state: Uint8Array,
  text: (doc: Y.Doc) => Y.XmlText,
  user: { name: string; color: string },
  intervalMs: number,
): RemotePeer {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const awareness = new Awareness(doc);
  awareness.setLocalStateField('user', user);
  const ytext = text(doc);
  let caret = 0;
  let tick = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  let delay: ReturnType<typeof setTimeout> | undefined;
  const step = (): void => {
    tick += 1;
    if (tick % 3 === 0) {
      ytext.insert(caret, LETTERS[tick % LETTERS.length] ?? 'e');
    }
    caret = (caret + 1) % (ytext.length + 1);
    const anchor = Y.createRelativePositionFromTypeIndex(ytext, caret);
    const headIndex = index % 2 === 1 ? Math.min(caret + 5, ytext.length) : caret;
    const head = Y.createRelativePositionFromTypeIndex(ytext, headIndex);
    awareness.setLocalStateField('cursor', {
      anchor: asJSON(anchor),
      head: asJSON(head),
    });
  };
  return {
    doc,
    awareness,
    start: () => {
      // Staggered so the peers do not all act in the same task.
      delay = setTimeout(
        () => {
          timer = setInterval(step, intervalMs);
        },
        (intervalMs / 5) * index,
      );
    },
    stop: () => {
      clearTimeout(delay);
      clearInterval(timer);
      awareness.destroy();
    },
  };
}
