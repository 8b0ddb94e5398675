// Bench 1: relay fan-out. For 10, 50 and 200 clients on one
// document, the latency from one client's local update to its receipt by
// every other client, and the relay's memory, for our relay (which persists
// every update to SQLite before broadcasting) and the stock
// @y/websocket-server relay (which persists nothing), side by side.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runRound, type RoomState } from './lib/fanout-round.ts';
import { mib, ms, table, times } from './lib/markdown.ts';
import { ratio, summarize, type Summary } from './lib/percentiles.ts';
import { startOurRelay, startPeerRelay, type RelayProcess } from './lib/relay-process.ts';
import { readTrace, syntheticStream, traceStream, type KeystrokeStream } from './lib/trace.ts';
import type { BenchContext, BenchModule } from './lib/types.ts';

interface Plan {
  counts: { clients: number; updates: number }[];
  rounds: number;
  warmup: number;
}

const FULL: Plan = {
  counts: [
    { clients: 10, updates: 1500 },
    { clients: 50, updates: 800 },
    { clients: 200, updates: 300 },
  ],
  rounds: 4,
  warmup: 20,
};
const QUICK: Plan = {
  counts: [
    { clients: 10, updates: 60 },
    { clients: 50, updates: 40 },
    { clients: 200, updates: 20 },
  ],
  rounds: 2,
  warmup: 5,
};
/** Where in the trace the stream starts: mid-paper, so the note has realistic size. */
const TRACE_OFFSET = 100_000;
const TIMEOUT_MS = 30_000;

interface Figures {
  latency: Summary;
  idleKiB: number;
  connectedKiB: number;
  peakKiB: number;
}

export const relayFanout: BenchModule = {
  name: 'relay-fanout',
  title: 'Relay fan-out',
  run: async (context) => {
    const plan = context.quick ? QUICK : FULL;
    const needed = Math.max(...plan.counts.map((c) => plan.rounds * (plan.warmup + c.updates)));
    const stream = await keystrokes(context, needed);
    const withOurs = existsSync(path.join(context.root, 'relay', 'cli.ts'));
    if (!withOurs) context.log('relay/cli.ts is missing: measuring the peer alone');

    const results = new Map<number, Map<string, Figures>>();
    for (const [index, count] of plan.counts.entries()) {
      context.log(
        `fan-out: ${count.clients} clients, ${count.updates} updates × ${plan.rounds} rounds`,
      );
      results.set(count.clients, await measure(context, plan, count, index, stream, withOurs));
    }
    return report(plan, stream, results, withOurs);
  },
};

async function keystrokes(context: BenchContext, length: number): Promise<KeystrokeStream> {
  if (!existsSync(context.tracePath)) {
    context.log(`trace ${context.tracePath} not found: using a synthetic keystroke stream`);
    const stream = syntheticStream(length);
    return { ...stream, source: `${stream.source}; trace ${context.tracePath} not found` };
  }
  const trace = await readTrace(context.tracePath);
  const stream = traceStream(trace, TRACE_OFFSET, length);
  return { ...stream, source: `automerge-paper ${stream.source}` };
}

async function measure(
  context: BenchContext,
  plan: Plan,
  count: { clients: number; updates: number },
  index: number,
  stream: KeystrokeStream,
  withOurs: boolean,
): Promise<Map<string, Figures>> {
  // Fresh relay processes for every client count, so memory figures of one
  // count do not carry the documents of the previous one.
  const relays: RelayProcess[] = [];
  try {
    if (withOurs) relays.push(await startOurRelay(context.root));
    relays.push(await startPeerRelay(context.root));
    const idle = new Map(relays.map((r) => [r.name, r.memory().rssKiB]));
    // `<spaceId>/<docId>`: the room form our relay requires; the
    // stock relay takes any path.
    const states = new Map<string, RoomState>(
      relays.map((r) => [
        r.name,
        {
          room: `${r.space}/fanout-${count.clients}`,
          prefix: stream.prefix,
          next: 0,
          expected: '',
        },
      ]),
    );
    const samples = new Map<string, number[]>(relays.map((r) => [r.name, []]));
    const connected = new Map<string, number>();
    for (let round = 0; round < plan.rounds; round++) {
      // Alternate which relay goes first, so drift (thermal, other load on
      // this shared machine) does not always favour the same one.
      const order = (round + index) % 2 === 0 ? relays : [...relays].reverse();
      for (const relay of order) {
        const state = states.get(relay.name);
        const into = samples.get(relay.name);
        if (state === undefined || into === undefined) throw new Error('unknown relay');
        const result = await runRound(relay, state, {
          clients: count.clients,
          warmup: plan.warmup,
          updates: count.updates,
          patches: stream.patches,
          timeoutMs: TIMEOUT_MS,
        });
        into.push(...result.latencies);
        connected.set(relay.name, Math.max(connected.get(relay.name) ?? 0, result.rssKiB));
        context.log(`  round ${round + 1} ${relay.name}: ${result.latencies.length} receipts`);
      }
    }
    const figures = new Map<string, Figures>();
    for (const relay of relays) {
      figures.set(relay.name, {
        latency: summarize(samples.get(relay.name) ?? []),
        idleKiB: idle.get(relay.name) ?? Number.NaN,
        connectedKiB: connected.get(relay.name) ?? Number.NaN,
        peakKiB: relay.memory().peakKiB,
      });
    }
    return figures;
  } finally {
    await Promise.all(relays.map((r) => r.stop()));
  }
}

function report(
  plan: Plan,
  stream: KeystrokeStream,
  results: Map<number, Map<string, Figures>>,
  withOurs: boolean,
): string {
  const out: string[] = [];
  out.push(
    'One client of N sends keystrokes; the other N − 1 receive them through the relay. ' +
      'Each sample is one receipt: the time from the sender’s local Yjs transaction to the ' +
      'receiving client’s observer firing. **ours** = the built relay (`out/relay/cli.js` from `relay/cli.ts`; persists every update to ' +
      'SQLite before broadcasting); **peer** = stock `@y/websocket-server` (no persistence). ' +
      'Ratios are ours / peer: below 1 means ours is faster or smaller.',
  );
  if (withOurs) {
    out.push('### Headline: ours / peer');
    out.push(
      table(
        ['Clients', 'p50 ratio', 'p99 ratio', 'RSS ratio (clients connected)'],
        [...results].map(([clients, byRelay]) => {
          const ours = byRelay.get('ours');
          const peer = byRelay.get('peer');
          if (ours === undefined || peer === undefined)
            return [String(clients), 'n/a', 'n/a', 'n/a'];
          return [
            String(clients),
            times(ratio(ours.latency.p50, peer.latency.p50)),
            times(ratio(ours.latency.p99, peer.latency.p99)),
            times(ratio(ours.connectedKiB, peer.connectedKiB)),
          ];
        }),
      ),
    );
  } else {
    out.push('**relay/cli.ts was missing in this run: the peer alone was measured, no ratios.**');
  }
  out.push('### Raw figures');
  out.push(
    table(
      [
        'Clients',
        'Relay',
        'Receipts',
        'p50',
        'p99',
        'max',
        'mean',
        'RSS idle',
        'RSS connected',
        'RSS peak',
      ],
      [...results].flatMap(([clients, byRelay]) =>
        [...byRelay].map(([name, f]) => [
          String(clients),
          name,
          String(f.latency.count),
          ms(f.latency.p50),
          ms(f.latency.p99),
          ms(f.latency.max),
          ms(f.latency.mean),
          mib(f.idleKiB),
          mib(f.connectedKiB),
          mib(f.peakKiB),
        ]),
      ),
    ),
  );
  const updates = plan.counts.map((c) => `${c.updates} at ${c.clients} clients`).join(', ');
  out.push(
    [
      '### Method',
      `- Stream: ${stream.source}; the note starts from the text before it (${stream.prefix.length} characters).`,
      `- Per relay and client count: ${plan.rounds} rounds of ${plan.warmup} warm-up + (${updates}) measured updates, sent closed-loop (the next keystroke leaves when every receiver has the previous one); the round order alternates between relays.`,
      '- Fresh relay processes for each client count; RSS is VmRSS of the relay process from /proc: idle after start, connected after the last update with every client still connected, peak = VmHWM.',
      '- Clients: stock y-websocket `WebsocketProvider` over `ws`, all in the bench process (BroadcastChannel off), each synced before measuring; every client’s text is checked against a plain replay of the stream at the end of each round.',
      '- All clients share the bench process’s one event loop, so the later receivers of an update also wait for the earlier ones to be decoded: latencies include that client-side cost, the same for both relays.',
    ].join('\n'),
  );
  return out.join('\n\n');
}
