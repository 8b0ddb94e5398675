// The bench page: exposes the two benchmarks to the Node side
// (bench/editor-open.ts, bench/typing-latency.ts) as `window.commonplaceBench`.
// The app's stylesheets for the note (tokens, element defaults, the editor's
// own) are loaded in the app's order, so that the editors lay out as there.
import '../../../renderer/ui/tokens.css';
import '../../../renderer/ui/base.css';
import '../../../renderer/features/editor/editor.css';
import '../../../renderer/features/editor/prosemirror.css';
import '../../../renderer/features/editor/blocks.css';
import type { BenchGlobal, BenchPageApi } from '../protocol.ts';
import { landed, open, prepareOpen } from './open-note.ts';
import { edit, finishTyping, lastKey, place, setupTyping } from './typing.ts';

const api: BenchPageApi = {
  prepareOpen,
  open,
  landed,
  setupTyping,
  place,
  edit,
  lastKey,
  finishTyping,
};
(globalThis as unknown as BenchGlobal).commonplaceBench = api;
document.documentElement.dataset['benchReady'] = 'true';
