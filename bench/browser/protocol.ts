// What the bench page (bench/browser/page/) offers the Node side through
// `page.evaluate`: plain data in and out, so it crosses the CDP boundary.
// Types only, shared by the page (DOM) and the bench modules (Node).

/** ours = TipTap as the app builds it (Y.Doc bound); bare = ProseMirror alone. */
export type OpenKind = 'ours' | 'bare';

/** Milliseconds from the start of `open`, all measured in the page. */
export interface OpenTimings {
  /** The stored form decoded: Y update applied (ours), JSON parsed into a node (bare). */
  decoded: number;
  /** The editor built, content in the view, editable, caret placed. */
  mounted: number;
  /** The next frame after mounting has been painted. */
  painted: number;
  /** Top-level nodes of the editor's document (checks the content arrived). */
  blocks: number;
}

export interface LandedResult {
  /** From the start of `open` to the typed character being in the document. */
  landed: number;
  /** Text of the first paragraph afterwards (checks where it landed). */
  firstParagraph: string;
  /** JS heap in use after a forced GC, minus the same before `open` (bytes), or NaN. */
  heapDelta: number;
}

/** ours-remote: with five remote peers; ours-alone: the same editor without them. */
export type TypingKind = 'ours-remote' | 'ours-alone' | 'bare';

/** One keystroke's latency, ms from the key event's timestamp. */
export interface KeySample {
  /** Until the editor finished its synchronous work and its DOM shows the change. */
  toDom: number;
  /** Until the frame after that change was painted (rAF, then the next task). */
  toFrame: number;
  /** How long the key event waited before our first listener ran. */
  queued: number;
}

export interface TypingSummary {
  /** The document's first `paragraphs` paragraphs, joined with newlines. */
  text: string;
  /** Remote document updates and awareness updates this editor received. */
  remoteUpdates: number;
  remoteAwareness: number;
  /** Every remote peer's document equals ours after the relay drained. */
  converged: boolean;
}

export interface BenchPageApi {
  prepareOpen(kind: OpenKind, paragraphs: readonly string[]): void;
  open(kind: OpenKind): Promise<OpenTimings>;
  landed(): Promise<LandedResult>;
  setupTyping(kind: TypingKind, paragraphs: readonly string[], peers: number): number;
  place(position: number): void;
  edit(position: number, deleteCount: number, insert: string): void;
  lastKey(): Promise<KeySample>;
  finishTyping(paragraphs: number): Promise<TypingSummary>;
}

/** The page's global, as seen from `page.evaluate` (Node has no `window` type). */
export interface BenchGlobal {
  commonplaceBench: BenchPageApi;
}
