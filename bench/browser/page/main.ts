// The bench page: exposes the two benchmarks to the Node side
// (bench/editor-open.ts, bench/typing-latency.ts) as `window.commonplaceBench`.
// The app's stylesheet is loaded so that the editors lay out as in the app.
import '../../../renderer/styles.css';
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
