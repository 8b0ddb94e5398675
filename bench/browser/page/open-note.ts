// Benchmark 1 in the page: open a large note and wait for the first typed
// character. The note is held in its stored form before the clock starts (a
// Y update for ours, as the local store and the relay hand it over; JSON for
// bare ProseMirror), so both sides pay for decoding what they store.
import type { Node as PMNode } from '@tiptap/pm/model';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { LandedResult, OpenKind, OpenTimings } from '../protocol.ts';
import {
  BODY_FIELD,
  bareDoc,
  mountBare,
  mountOurs,
  paragraphsJSON,
  paragraphsUpdate,
  placeCaret,
  type BenchEditor,
} from './editors.ts';
import { heapAfterGc, nextPaint } from './frames.ts';

interface Opened {
  editor: BenchEditor;
  firstParagraph: () => string;
}

let stored: { kind: OpenKind; data: Uint8Array | string } | null = null;
let heapBefore = Number.NaN;
let t0 = 0;
let armed = false;
let landedAt: ((time: number) => void) | null = null;
let landedPromise: Promise<number> | null = null;
let opened: Opened | null = null;

/** Untimed: the note in its stored form. */
export function prepareOpen(kind: OpenKind, paragraphs: readonly string[]): void {
  stored = {
    kind,
    data:
      kind === 'ours' ? paragraphsUpdate(paragraphs) : JSON.stringify(paragraphsJSON(paragraphs)),
  };
  heapBefore = heapAfterGc();
}

function markLanded(): void {
  if (armed && landedAt) {
    landedAt(performance.now());
    landedAt = null;
  }
}

function mount(parent: HTMLElement, kind: OpenKind, data: Uint8Array | string): Opened {
  if (kind === 'ours') {
    if (!(data instanceof Uint8Array)) throw new Error('ours opens a Y update');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, data);
    performance.mark('decoded');
    const fragment = doc.getXmlFragment(BODY_FIELD);
    doc.on('update', markLanded);
    const editor = mountOurs(parent, fragment, new Awareness(doc), {
      name: 'Ada Lovelace',
      color: '#0090ff',
    });
    const first = (): string => {
      const paragraph = fragment.get(0);
      if (!(paragraph instanceof Y.XmlElement)) return '';
      const children: unknown[] = paragraph.toArray();
      // yjs types XmlText#toString as any.
      const texts = children.map((c): unknown => (c instanceof Y.XmlText ? c.toString() : ''));
      return texts.map((t) => (typeof t === 'string' ? t : '')).join('');
    };
    return { editor, firstParagraph: first };
  }
  if (typeof data !== 'string') throw new Error('bare opens JSON');
  const json: unknown = JSON.parse(data);
  const node: PMNode = bareDoc(json);
  performance.mark('decoded');
  const editor = mountBare(parent, node, markLanded);
  return { editor, firstParagraph: () => editor.view.state.doc.firstChild?.textContent ?? '' };
}

/** Timed from here: decode, build the editor, place the caret, wait for a paint. */
export async function open(kind: OpenKind): Promise<OpenTimings> {
  if (stored?.kind !== kind) throw new Error(`prepareOpen('${kind}') first`);
  const parent = document.getElementById('editor');
  if (!parent) throw new Error('the page has no #editor');
  landedPromise = new Promise((resolve) => {
    landedAt = resolve;
  });
  // The typed character counts once its keydown has arrived, not before.
  window.addEventListener(
    'keydown',
    () => {
      armed = true;
    },
    { capture: true, once: true },
  );
  performance.clearMarks('decoded');
  t0 = performance.now();
  opened = mount(parent, kind, stored.data);
  const decoded = performance.getEntriesByName('decoded')[0]?.startTime ?? Number.NaN;
  placeCaret(opened.editor.view, 1);
  const mounted = performance.now();
  const painted = await nextPaint();
  return {
    decoded: decoded - t0,
    mounted: mounted - t0,
    painted: painted - t0,
    blocks: opened.editor.view.state.doc.childCount,
  };
}

/** Resolves once the character typed after `open` is in the document. */
export async function landed(): Promise<LandedResult> {
  if (!landedPromise || !opened) throw new Error('open first');
  const at = await landedPromise;
  const firstParagraph = opened.firstParagraph();
  return { landed: at - t0, firstParagraph, heapDelta: heapAfterGc() - heapBefore };
}
