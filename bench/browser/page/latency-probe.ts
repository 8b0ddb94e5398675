// Key-to-screen latency of an editor. Start: the keydown event's timestamp
// (when the browser received the key, so time spent queued behind other work
// counts). DOM: the first mutation callback after the key in which the
// editor's document has changed; this observer is created after the editor's
// own (ProseMirror's DOMObserver), and observers are notified in creation
// order (DOM standard, "notify mutation observers"), so by then the editor
// has read the change and updated its view. Frame: the next paint after that.
import type { KeySample } from '../protocol.ts';
import { nextPaint } from './frames.ts';

export interface LatencyProbe {
  /** The sample of the most recent key (resolves once it is on screen). */
  last(): Promise<KeySample>;
  disconnect(): void;
}

interface Pending {
  start: number;
  handler: number;
  before: unknown;
  dom: number | null;
  resolve: (sample: KeySample) => void;
}

/**
 * Watches `target` (the editor's DOM); `version` returns a value that changes
 * whenever the editor's document does (ProseMirror's immutable doc node).
 */
export function createLatencyProbe(target: Element, version: () => unknown): LatencyProbe {
  let pending: Pending | null = null;
  let last: Promise<KeySample> | null = null;
  const onKey = (event: KeyboardEvent): void => {
    const handler = performance.now();
    // A timestamp from another clock or the future would be a bug; fall back.
    const start = event.timeStamp > 0 && event.timeStamp <= handler ? event.timeStamp : handler;
    last = new Promise((resolve) => {
      pending = { start, handler, before: version(), dom: null, resolve };
    });
  };
  const observer = new MutationObserver(() => {
    const key = pending;
    if (!key || key.dom !== null || version() === key.before) return;
    key.dom = performance.now();
    const dom = key.dom;
    pending = null;
    void nextPaint().then((frame) => {
      key.resolve({
        toDom: dom - key.start,
        toFrame: frame - key.start,
        queued: key.handler - key.start,
      });
    });
  });
  window.addEventListener('keydown', onKey, { capture: true });
  observer.observe(target, { subtree: true, childList: true, characterData: true });
  return {
    last: () => last ?? Promise.reject(new Error('no key pressed yet')),
    disconnect: () => {
      window.removeEventListener('keydown', onKey, { capture: true });
      observer.disconnect();
    },
  };
}
