// The relay's update rules alone, in process: the time `UpdateRules.judge`
// takes per keystroke update of the stream, against the note it would change.
// The fan-out comparison (relay-rules.ts) carries the noise of a shared
// machine and of N clients in one event loop; this is the rules' own share.
import * as Y from 'yjs';
import { DEFAULT_RELAY_LIMITS } from '../../shared/limits.ts';
import { UpdateRules, type RuledRoom } from '../../relay/rules/update-rules.ts';
import { summarize, type Summary } from './percentiles.ts';
import type { KeystrokeStream } from './trace.ts';

/** Updates judged before timing starts (JIT compilation is not the rules' steady cost). */
const WARMUP = 100;

/** Microseconds `judge` takes per update of `stream` (the rules on, no guard worker). */
export function judgeCost(stream: KeystrokeStream): Summary {
  const client = new Y.Doc();
  const text = client.getText('note');
  text.insert(0, stream.prefix);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(client));
  const room: RuledRoom = {
    name: 'bench/rules',
    doc,
    sizeEstimate: Y.encodeStateAsUpdate(doc).byteLength,
    measureSize: () => Y.encodeStateAsUpdate(doc).byteLength,
  };
  const rules = new UpdateRules({ limits: DEFAULT_RELAY_LIMITS, guard: null });
  const samples: number[] = [];
  // Filled by the update listener (an object: the listener runs synchronously inside `insert`).
  const captured: { update: Uint8Array | null } = { update: null };
  client.on('update', (update: Uint8Array) => {
    captured.update = update;
  });
  let seen = 0;
  for (const [position, deleteCount, insert] of stream.patches) {
    if (deleteCount > 0) text.delete(Math.min(position, text.length), deleteCount);
    if (insert !== '') text.insert(Math.min(position, text.length), insert);
    const update = captured.update;
    captured.update = null;
    if (update === null) continue;
    const started = performance.now();
    const verdict = rules.judge(room, 'bench', update, Y.decodeUpdate(update));
    if (seen++ >= WARMUP) samples.push((performance.now() - started) * 1000);
    if (verdict instanceof Promise || verdict.kind !== 'accept') {
      throw new Error('the rules refused a keystroke of the stream');
    }
    Y.applyUpdate(doc, update);
  }
  return summarize(samples);
}
