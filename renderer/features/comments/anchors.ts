import * as Y from 'yjs';
import type { EditorState } from '@tiptap/pm/state';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import {
  anchorFromPositions,
  anchorPositions,
  anchoredRange,
  type Anchor,
  type ResolvedRange,
} from '../../../shared/comments/index.ts';

type Mapping = Parameters<typeof absolutePositionToRelativePosition>[2];

/** What the Collaboration extension's sync plugin keeps: the doc, the body and the Y↔PM mapping. */
export interface SyncBinding {
  readonly doc: Y.Doc;
  readonly type: Y.XmlFragment;
  readonly mapping: Mapping;
}

/** The note's Yjs binding from the editor state; null before the sync plugin bound it. */
export function syncBinding(state: EditorState): SyncBinding | null {
  const raw: unknown = ySyncPluginKey.getState(state);
  if (typeof raw !== 'object' || raw === null) return null;
  const { doc, type, binding } = raw as { doc?: unknown; type?: unknown; binding?: unknown };
  if (!(doc instanceof Y.Doc) || !(type instanceof Y.XmlFragment)) return null;
  if (typeof binding !== 'object' || binding === null) return null;
  const mapping = (binding as { mapping?: unknown }).mapping;
  if (!(mapping instanceof Map)) return null;
  return { doc, type, mapping: mapping as Mapping };
}

/**
 * The anchor of the editor range `[from, to)`. y-prosemirror attaches a
 * position to the character before it (assoc -1); the start is moved onto
 * the first commented character instead (assoc 0), so text typed just
 * before the comment is not pulled into it.
 */
export function anchorForRange(state: EditorState, from: number, to: number): Anchor | null {
  const sync = syncBinding(state);
  if (sync === null || to <= from) return null;
  const startRel = absolutePositionToRelativePosition(from, sync.type, sync.mapping) as unknown;
  const endRel = absolutePositionToRelativePosition(to, sync.type, sync.mapping) as unknown;
  if (!(startRel instanceof Y.RelativePosition) || !(endRel instanceof Y.RelativePosition)) {
    return null;
  }
  const startAbs = Y.createAbsolutePositionFromRelativePosition(startRel, sync.doc);
  const start =
    startAbs === null
      ? startRel
      : Y.createRelativePositionFromTypeIndex(startAbs.type, startAbs.index, 0);
  return anchorFromPositions(start, endRel);
}

/** Where an anchor lies in the editor's document now; null when its text is gone. */
export function resolveAnchor(sync: SyncBinding, anchor: Anchor): ResolvedRange {
  const { start, end } = anchorPositions(anchor);
  const from = relativePositionToAbsolutePosition(sync.doc, sync.type, start, sync.mapping);
  const to = relativePositionToAbsolutePosition(sync.doc, sync.type, end, sync.mapping);
  return anchoredRange(from, to);
}
