// Bench: 10,000 edits made offline by one client, then reconnect:
// the time from reconnecting to a second client holding the same text, for
// our relay (stores the merged offline edits in SQLite before relaying them)
// and the stock @y/websocket-server (stores nothing), side by side.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type * as Y from 'yjs';
import { closeClient, connectClient, type BenchClient } from './lib/clients.ts';
import { ms, table, times } from './lib/markdown.ts';
import { ratio, summarize } from './lib/percentiles.ts';
import { startOurRelay, startPeerRelay, type RelayProcess } from './lib/relay-process.ts';
import { readTrace, syntheticStream, traceStream, type KeystrokeStream } from './lib/trace.ts';
import type { BenchContext, BenchModule } from './lib/types.ts';

const FULL = { edits: 10_000, rounds: 5 };
const QUICK = { edits: 2_000, rounds: 1 };
/** Mid-paper, so the note already has a realistic size when the offline edits start. */
const TRACE_OFFSET = 100_000;
const TIMEOUT_MS = 60_000;

export const offlineReconnect: BenchModule = {
  name: 'offline-reconnect',
  title: 'Offline edits, then reconnect',
  run: async (context) => {
    const plan = context.quick ? QUICK : FULL;
    const stream = await keystrokes(context, plan.edits);
    const withOurs = existsSync(path.join(context.root, 'relay', 'cli.ts'));
    const relays: RelayProcess[] = [];
    const samples = new Map<string, number[]>();
    try {
      if (withOurs) relays.push(await startOurRelay(context.root));
      relays.push(await startPeerRelay(context.root));
      for (let round = 0; round < plan.rounds; round++) {
        const order = round % 2 === 0 ? relays : [...relays].reverse();
        for (const relay of order) {
          const took = await measure(relay, `${relay.space}/offline-${String(round)}`, stream);
          samples.set(relay.name, [...(samples.get(relay.name) ?? []), took]);
          context.log(`  round ${String(round + 1)} ${relay.name}: ${ms(took)}`);
        }
      }
    } finally {
      await Promise.all(relays.map((r) => r.stop()));
    }
    return report(plan, stream, samples, withOurs);
  },
};

async function keystrokes(context: BenchContext, length: number): Promise<KeystrokeStream> {
  if (!existsSync(context.tracePath)) {
    context.log(`trace ${context.tracePath} not found: using a synthetic keystroke stream`);
    return syntheticStream(length);
  }
  const stream = traceStream(await readTrace(context.tracePath), TRACE_OFFSET, length);
  return { ...stream, source: `automerge-paper ${stream.source}` };
}

function apply(text: Y.Text, [position, deleteCount, insert]: readonly [number, number, string]) {
  if (deleteCount > 0) text.delete(position, deleteCount);
  if (insert !== '') text.insert(position, insert);
}

/** One round: returns milliseconds from reconnect to the second client's convergence. */
async function measure(relay: RelayProcess, room: string, stream: KeystrokeStream) {
  const clients: BenchClient[] = [];
  try {
    const writer = await connectClient(relay.url, room, TIMEOUT_MS, await relay.params());
    clients.push(writer);
    const reader = await connectClient(relay.url, room, TIMEOUT_MS, await relay.params());
    clients.push(reader);
    const writerText = writer.doc.getText('body');
    writerText.insert(0, stream.prefix);
    const readerText = reader.doc.getText('body');
    await until(reader.doc, () => readerText.length === stream.prefix.length);

    writer.provider.disconnect();
    // Each keystroke its own transaction, as typing produces them.
    for (const patch of stream.patches) apply(writerText, patch);
    const expected = writerText.toJSON();
    const converged = until(
      reader.doc,
      () => readerText.length === expected.length && readerText.toJSON() === expected,
    );
    const t0 = performance.now();
    writer.provider.connect();
    await converged;
    return performance.now() - t0;
  } finally {
    clients.forEach(closeClient);
  }
}

function until(doc: Y.Doc, done: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    if (done()) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      doc.off('update', check);
      reject(new Error(`no convergence within ${String(TIMEOUT_MS)} ms`));
    }, TIMEOUT_MS);
    function check(): void {
      if (!done()) return;
      clearTimeout(timer);
      doc.off('update', check);
      resolve();
    }
    doc.on('update', check);
  });
}

function report(
  plan: { edits: number; rounds: number },
  stream: KeystrokeStream,
  samples: Map<string, number[]>,
  withOurs: boolean,
): string {
  const ours = summarize(samples.get('ours') ?? []);
  const peer = summarize(samples.get('peer') ?? []);
  const out = [
    `One client goes offline, makes ${String(plan.edits)} keystroke edits (one transaction each), and reconnects; the time is from \`provider.connect()\` to a second, connected client holding exactly the same text. **ours** = the built relay (\`out/relay/cli.js\` from \`relay/cli.ts\`; token auth; stores the merged offline update in SQLite before relaying it); **peer** = stock \`@y/websocket-server\` (no persistence). Ratio ours / peer: below 1 means ours is faster.`,
    withOurs
      ? table(
          ['Relay', 'Rounds', 'p50', 'p99', 'max', 'p50 ratio'],
          [
            [
              'ours',
              String(ours.count),
              ms(ours.p50),
              ms(ours.p99),
              ms(ours.max),
              times(ratio(ours.p50, peer.p50)),
            ],
            ['peer', String(peer.count), ms(peer.p50), ms(peer.p99), ms(peer.max), '1.00×'],
          ],
        )
      : '**relay/cli.ts was missing: the peer alone was measured.**',
    [
      '### Method',
      `- Edits: ${stream.source}, applied to a note that starts with the text before them (${String(stream.prefix.length)} characters).`,
      `- ${String(plan.rounds)} rounds per relay, alternating which relay goes first; a fresh room each round; both relays run as child processes, the clients in the bench process (stock \`WebsocketProvider\`, BroadcastChannel off).`,
      '- Reconnect includes the WebSocket handshake (and, for ours, token verification), the sync step 1/2 exchange that carries the merged offline edits, and the relay’s broadcast to the second client.',
    ].join('\n'),
  ];
  return out.join('\n\n');
}
