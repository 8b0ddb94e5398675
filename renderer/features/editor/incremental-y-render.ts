import { Fragment, Slice, type Node as PMNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { ProsemirrorBinding } from '@tiptap/y-tiptap';

/**
 * Makes y-tiptap's binding between the note's Y.XmlFragment and ProseMirror
 * update only what changed. Measured in Chromium (bench/results.md), three
 * things made each remote change and each keystroke cost time in proportion
 * to the whole note:
 *
 * 1. On every remote change `_typeChanged` cleared the binding's Y-type →
 *    node map and rebuilt every node of the document from Yjs. The upstream
 *    binding (y-prosemirror) keeps the map and forgets only the types the Yjs
 *    transaction changed (and their parents), so unchanged blocks keep their
 *    node objects; with the map cleared, node identity is lost and every
 *    paragraph is rebuilt and compared.
 * 2. It then replaced the whole document (0 … size) in one step, so every
 *    plugin that maps decorations or looks at changed ranges (carets,
 *    comments, TipTap's appendTransaction hooks) did work over the whole
 *    note. Here the replacement is cut to the top-level blocks that differ:
 *    the same resulting document, one small step.
 * 3. After every transaction, even one that only moved the caret, the plugin
 *    view walked the whole document against Yjs (`_prosemirrorChanged` →
 *    `updateYFragment`). A document already written to Yjs is not walked
 *    again.
 *
 * 4. After every remote change it measured the DOM selection
 *    (`_isLocalCursorInView`: getClientRects) and asked ProseMirror to scroll
 *    it into view, two forced layouts of the whole note per remote change.
 *    Chromium's scroll anchoring (CSS `overflow-anchor`, on by default)
 *    already keeps the content under the reader's eyes when text above it
 *    grows or shrinks, so the binding no longer does either.
 *
 * 5. Opening a note, the binding renders it from Yjs (`_forceRerender`), and
 *    at the next transaction (making the editor editable, placing the caret)
 *    walked all of it against Yjs as in point 3, finding nothing to write.
 *    A document it has just rendered from Yjs, block for block, counts as
 *    already written.
 *
 * The binding's methods are replaced on its prototype because y-tiptap
 * exposes no option for this; each replacement keeps the original's
 * contract (same resulting document and selection, same Yjs content).
 */
export function installIncrementalYRender(): void {
  const proto = ProsemirrorBinding.prototype as unknown as PatchedBinding;
  if (proto[PATCHED] === true) return;
  proto[PATCHED] = true;

  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the binding as `this`
  const typeChanged = proto._typeChanged;
  proto._typeChanged = function (this: PatchedBinding, events, transaction) {
    // The original forgets the types this transaction changed (and deleted),
    // then clears the whole map; without the clear, unchanged blocks keep
    // their nodes. Their sizes are unchanged too, so positions stay right.
    const mapping = this.mapping as Map<unknown, unknown> & { clear: () => void };
    mapping.clear = () => undefined;
    try {
      typeChanged.call(this, events, transaction);
    } finally {
      // Back to Map.prototype.clear for everyone else.
      delete (mapping as Partial<typeof mapping>).clear;
    }
  };

  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the binding as `this`
  const trGetter = Object.getOwnPropertyDescriptor(ProsemirrorBinding.prototype, '_tr')?.get;
  if (trGetter !== undefined) {
    Object.defineProperty(proto, '_tr', {
      configurable: true,
      get(this: PatchedBinding): Transaction {
        const tr = trGetter.call(this) as Transaction;
        const replace = tr.replace.bind(tr);
        tr.replace = (from: number, to?: number, slice?: Slice) =>
          replaceChangedBlocks(tr, replace, from, to, slice) ?? replace(from, to, slice);
        return tr;
      },
    });
  }

  proto._isLocalCursorInView = () => false;

  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the binding as `this`
  const forceRerender = proto._forceRerender;
  proto._forceRerender = function (this: PatchedBinding) {
    forceRerender.call(this);
    const view = this.prosemirrorView as { state: { doc: PMNode } } | null;
    if (view !== null && mirrorsYjs(this, view.state.doc)) this[SYNCED] = view.state.doc;
  };

  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the binding as `this`
  const prosemirrorChanged = proto._prosemirrorChanged;
  proto._prosemirrorChanged = function (this: PatchedBinding, doc: PMNode) {
    if (doc === this[SYNCED]) return;
    prosemirrorChanged.call(this, doc);
    this[SYNCED] = doc;
  };
}

const PATCHED = Symbol('incremental-y-render');
const SYNCED = Symbol('synced-doc');

type PatchedBinding = ProsemirrorBinding & {
  [PATCHED]?: boolean;
  [SYNCED]?: PMNode;
  mapping: Map<unknown, unknown>;
};

/**
 * Whether each top-level block of `doc` is the very node the binding built
 * from the fragment's child at that index. Not so when a plugin appended a
 * change to the render (TipTap's trailing paragraph) or the render dropped
 * content the schema refuses: then the walk runs and writes the difference.
 */
function mirrorsYjs(binding: PatchedBinding, doc: PMNode): boolean {
  const types = binding.type.toArray();
  if (types.length !== doc.childCount) return false;
  return types.every((type, i) => binding.mapping.get(type) === doc.child(i));
}

/**
 * `tr.replace(0, size, slice)` of a whole document, done as the replacement
 * of only the top-level blocks that are not the very same node objects.
 * Returns null for any other replace, which then runs as asked.
 */
function replaceChangedBlocks(
  tr: Transaction,
  replace: Transaction['replace'],
  from: number,
  to: number | undefined,
  slice: Slice | undefined,
): Transaction | null {
  const old = tr.doc.content;
  if (from !== 0 || to !== old.size || slice === undefined) return null;
  if (slice.openStart !== 0 || slice.openEnd !== 0) return null;
  const next = slice.content;
  let start = 0;
  let startPos = 0;
  const common = Math.min(old.childCount, next.childCount);
  while (start < common && sameBlock(old.child(start), next.child(start))) {
    startPos += old.child(start).nodeSize;
    start++;
  }
  if (start === old.childCount && start === next.childCount) return tr;
  let endOld = old.childCount;
  let endNew = next.childCount;
  let endPos = old.size;
  while (
    endOld > start &&
    endNew > start &&
    sameBlock(old.child(endOld - 1), next.child(endNew - 1))
  ) {
    endOld--;
    endNew--;
    endPos -= old.child(endOld).nodeSize;
  }
  const blocks: PMNode[] = [];
  for (let i = start; i < endNew; i++) blocks.push(next.child(i));
  return replace(startPos, endPos, new Slice(Fragment.from(blocks), 0, 0));
}

/**
 * Identity only: the binding maps each Y type to the node object it built,
 * and later compares the document with Yjs through that map. Keeping an old
 * node that is merely equal (two empty paragraphs) would leave the map
 * pointing at a node the document does not hold, and the next comparison
 * would rewrite that block in Yjs.
 */
function sameBlock(a: PMNode, b: PMNode): boolean {
  return a === b;
}
