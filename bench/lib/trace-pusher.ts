// One person replaying the editing trace into one note as fast as the relay
// takes it: one Yjs transaction (one update) per keystroke, over a stock
// y-websocket client, while others work. Sends are paced only by the
// socket's send buffer, so the relay, not this process, sets the speed.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { closeClient, connectClient } from './clients.ts';
import { applyPatch, type KeystrokeStream } from './trace.ts';

/** Keystrokes applied per turn of this process's event loop. */
const CHUNK = 200;
/** Bytes queued on the socket past which the pusher waits for the relay to read. */
const HIGH_WATER = 1 << 20;

export interface PushOutcome {
  /** Keystrokes sent when it stopped. */
  sent: number;
  /** Whether the whole stream went out before `until` said stop. */
  finished: boolean;
  /** From the first keystroke to the last sent (ms). */
  ms: number;
}

export async function pushTrace(options: {
  url: string;
  room: string;
  params: Record<string, string>;
  stream: KeystrokeStream;
  /** Polled between chunks: true stops the push. */
  until: () => boolean;
}): Promise<PushOutcome> {
  const client = await connectClient(options.url, options.room, 30_000, options.params);
  const text = client.doc.getText('note');
  try {
    if (options.stream.prefix.length > 0) text.insert(0, options.stream.prefix);
    // Checked against a plain string as it goes, so a patch past the end of
    // the text (a bug in the stream) fails loudly instead of being clamped.
    let shadow = options.stream.prefix;
    let sent = 0;
    const began = performance.now();
    const elapsed = (): number => performance.now() - began;
    for (const patch of options.stream.patches) {
      if (sent % CHUNK === 0) {
        if (options.until()) return { sent, finished: false, ms: elapsed() };
        await nextTurn();
        while ((client.provider.ws?.bufferedAmount ?? 0) > HIGH_WATER && !options.until())
          await nextTurn();
      }
      const [position, deleteCount, insert] = patch;
      shadow = applyPatch(shadow, patch);
      client.doc.transact(() => {
        if (deleteCount > 0) text.delete(position, deleteCount);
        if (insert.length > 0) text.insert(position, insert);
      });
      sent += 1;
    }
    if (text.toJSON() !== shadow) throw new Error('the pushed note differs from the trace');
    return { sent, finished: true, ms: elapsed() };
  } finally {
    closeClient(client);
  }
}
