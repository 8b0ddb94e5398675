import {
  Plugin,
  PluginKey,
  TextSelection,
  type EditorState,
  type Transaction,
} from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { commentsMap, listThreads } from '../../../shared/comments/index.ts';
import { resolveAnchor, syncBinding } from './anchors.ts';

/** What the highlight plugin knows: one inline decoration per open, attached thread. */
export interface HighlightState {
  readonly decorations: DecorationSet;
  readonly active: string | null;
}

type Meta = { readonly refresh: true } | { readonly active: string | null };

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

export interface HighlightOptions {
  /** The note's doc, whose comments map is watched. */
  readonly doc: Y.Doc;
  /** Someone clicked a highlight: focus that thread. */
  readonly onActivate: (threadId: string) => void;
}

function compute(state: EditorState, active: string | null): DecorationSet {
  const sync = syncBinding(state);
  if (sync === null) return DecorationSet.empty;
  const size = state.doc.content.size;
  const decorations: Decoration[] = [];
  for (const thread of listThreads(sync.doc).threads) {
    if (thread.resolved !== null) continue;
    const range = resolveAnchor(sync, thread.anchor);
    if (range === null || range.to > size) continue;
    const classes = ['comment-highlight'];
    if (thread.id === active) classes.push('comment-highlight--active');
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        { class: classes.join(' '), 'data-thread-id': thread.id },
        { threadId: thread.id },
      ),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

function isRemoteChange(tr: Transaction): boolean {
  const meta: unknown = tr.getMeta(ySyncPluginKey);
  return (
    typeof meta === 'object' &&
    meta !== null &&
    'isChangeOrigin' in meta &&
    meta.isChangeOrigin === true
  );
}

/**
 * Highlights the text of open comment threads with ProseMirror decorations:
 * they are drawn over the document and never change it, so highlighting
 * writes nothing to the Y.Doc and nothing to undo.
 *
 * The ranges are resolved from the threads' relative positions whenever the
 * comments change or the sync plugin has rendered a change from Yjs (its Y↔PM
 * mapping is current then). A local edit only maps them through its steps:
 * at that moment Yjs has not yet seen the edit.
 */
export function commentHighlights(options: HighlightOptions): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: commentHighlightsKey,
    state: {
      init: (_config, state) => ({ decorations: compute(state, null), active: null }),
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(commentHighlightsKey) as Meta | undefined;
        const active = meta !== undefined && 'active' in meta ? meta.active : value.active;
        if (meta !== undefined || isRemoteChange(tr)) {
          return { decorations: compute(state, active), active };
        }
        if (tr.docChanged)
          return { decorations: value.decorations.map(tr.mapping, tr.doc), active };
        return value;
      },
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state)?.decorations ?? null,
      handleClick(view, pos) {
        const found = commentHighlightsKey.getState(view.state)?.decorations.find(pos, pos);
        const id = (found?.[0]?.spec as { threadId?: unknown } | undefined)?.threadId;
        if (typeof id !== 'string') return false;
        // Activating a thread redraws the highlight under the pointer, and the
        // browser loses the caret it was placing in the replaced text: place
        // it at the clicked position ourselves, before the redraw.
        view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(pos))));
        view.focus();
        options.onActivate(id);
        return true;
      },
    },
    view(view) {
      const comments = commentsMap(options.doc);
      const refresh = () => {
        if (view.isDestroyed) return;
        view.dispatch(
          view.state.tr.setMeta(commentHighlightsKey, { refresh: true } satisfies Meta),
        );
      };
      comments.observeDeep(refresh);
      return {
        destroy: () => {
          comments.unobserveDeep(refresh);
        },
      };
    },
  });
}

/** Marks `threadId` as the focused thread (drawn stronger); null for none. */
export function setActiveThread(
  view: { state: EditorState; dispatch: (tr: Transaction) => void; isDestroyed: boolean },
  threadId: string | null,
): void {
  if (view.isDestroyed) return;
  view.dispatch(view.state.tr.setMeta(commentHighlightsKey, { active: threadId } satisfies Meta));
}

/** The editor range of each highlighted thread. */
export function highlightedRanges(state: EditorState): Map<string, { from: number; to: number }> {
  const out = new Map<string, { from: number; to: number }>();
  for (const d of commentHighlightsKey.getState(state)?.decorations.find() ?? []) {
    const id = (d.spec as { threadId?: unknown }).threadId;
    if (typeof id === 'string') out.set(id, { from: d.from, to: d.to });
  }
  return out;
}
