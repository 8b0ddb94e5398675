import * as Y from 'yjs';
import { AnchorSchema, type Anchor } from './schema.ts';

/**
 * An anchor from the relative positions of the start and end of a selection.
 * Relative positions point at Yjs items rather than at offsets, so the anchor
 * follows the text through everyone's concurrent edits (https://docs.yjs.dev/api/relative-positions).
 */
export function anchorFromPositions(start: Y.RelativePosition, end: Y.RelativePosition): Anchor {
  return AnchorSchema.parse({
    start: Y.relativePositionToJSON(start) as unknown,
    end: Y.relativePositionToJSON(end) as unknown,
  });
}

/** The relative positions of an anchor, for resolving against the current document. */
export function anchorPositions(anchor: Anchor): {
  start: Y.RelativePosition;
  end: Y.RelativePosition;
} {
  return {
    start: Y.createRelativePositionFromJSON(anchor.start),
    end: Y.createRelativePositionFromJSON(anchor.end),
  };
}

/** A range of the current document, or null when the anchored text is gone. */
export type ResolvedRange = { readonly from: number; readonly to: number } | null;

/**
 * The range an anchor covers now, from its resolved ends. When the commented
 * text has been deleted, both ends collapse onto one place (or no longer
 * resolve): the thread is "detached" and is kept, shown without a highlight.
 */
export function anchoredRange(from: number | null, to: number | null): ResolvedRange {
  if (from === null || to === null || to <= from) return null;
  return { from, to };
}
