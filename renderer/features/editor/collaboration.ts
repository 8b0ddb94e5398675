import Collaboration from '@tiptap/extension-collaboration';
import type * as Y from 'yjs';
import { installIncrementalYRender } from './incremental-y-render.ts';

/**
 * The note body bound to its Y.XmlFragment, with the binding updating only
 * what changed (incremental-y-render.ts). NoteEditor and the editor bench
 * (bench/browser/page/editors.ts) both build the editor with this, so the
 * benchmark measures the app's code path.
 */
export function noteCollaboration(fragment: Y.XmlFragment) {
  installIncrementalYRender();
  return Collaboration.configure({ fragment });
}
