import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { Awareness } from 'y-protocols/awareness';
import { frameBatchedAwareness, type FrameScheduler } from './batched-awareness.ts';
import { renderCaret, renderSelection } from './carets.ts';

/**
 * Remote carets and selections as the note editor shows them: our renderers,
 * and awareness changes applied at most once per frame (batched-awareness.ts).
 * The editor bench (bench/browser/page/editors.ts) builds its editor with this
 * too, so the benchmark measures the app's code path.
 */
export function noteCarets(
  awareness: Awareness,
  user: { name: string; color: string },
  schedule?: FrameScheduler,
) {
  return CollaborationCaret.configure({
    // CollaborationCaret reads only `provider.awareness`.
    provider: { awareness: frameBatchedAwareness(awareness, schedule) },
    user,
    render: renderCaret,
    selectionRender: renderSelection,
  });
}
