// What the audit log costs on the fan-out path: the same relay with auditing
// on (as deployed) and off (`benchmarkWithoutAudit`), started the same way in
// the same run, fed the same keystroke stream, the round order alternating.
// Accepted updates write no audit entry (only sign-ins, refusals, changes of
// membership and admin actions do), so the expectation is on / off ≈ 1.
import { existsSync } from 'node:fs';
import { runRound, type RoomState } from './lib/fanout-round.ts';
import { ms, table, times } from './lib/markdown.ts';
import { ratio, summarize, type Summary } from './lib/percentiles.ts';
import { startRulesRelay, type RelayProcess } from './lib/relay-process.ts';
import { readTrace, syntheticStream, traceStream, type KeystrokeStream } from './lib/trace.ts';
import type { BenchContext, BenchModule } from './lib/types.ts';

const COUNTS = [
  { clients: 10, updates: 600 },
  { clients: 50, updates: 300 },
];
const QUICK_COUNTS = [
  { clients: 10, updates: 100 },
  { clients: 50, updates: 50 },
];
const ROUNDS = 4;
const WARMUP = 20;
const TRACE_OFFSET = 100_000;
const TIMEOUT_MS = 30_000;

export const relayAudit: BenchModule = {
  name: 'relay-audit',
  title: 'Audit log: fan-out with auditing on and off',
  run: async (context) => {
    const counts = context.quick ? QUICK_COUNTS : COUNTS;
    const needed = Math.max(...counts.map((c) => ROUNDS * (WARMUP + c.updates)));
    const stream = await keystrokes(context, needed);
    const rows: string[][] = [];
    for (const [index, count] of counts.entries()) {
      context.log(`audit fan-out: ${count.clients} clients, ${count.updates} updates × ${ROUNDS}`);
      const byRelay = await measure(count, index, stream, context.root);
      const on = byRelay.get('rules on');
      const off = byRelay.get('rules audit-off');
      if (on === undefined || off === undefined) throw new Error('missing relay results');
      rows.push([
        String(count.clients),
        times(ratio(on.p50, off.p50)),
        times(ratio(on.p99, off.p99)),
        `${ms(on.p50)} / ${ms(on.p99)}`,
        `${ms(off.p50)} / ${ms(off.p99)}`,
      ]);
    }
    return [
      'One client of N types; the other N − 1 receive each keystroke through the relay. ' +
        '**audit on** = the relay as deployed (every sign-in, refusal and change audited); ' +
        '**audit off** = the same relay started with `benchmarkWithoutAudit`. Ratios are on / off.',
      table(['Clients', 'p50 on/off', 'p99 on/off', 'on p50 / p99', 'off p50 / p99'], rows),
      `Stream: ${stream.source}. ${String(ROUNDS)} rounds of ${String(WARMUP)} warm-up + the measured updates per relay, closed-loop, the order alternating; both relays run \`startRelay\` from source in their own process with real tokens of a development IdP (bench/lib/rules-relay-main.ts).`,
    ].join('\n\n');
  },
};

async function keystrokes(context: BenchContext, length: number): Promise<KeystrokeStream> {
  if (!existsSync(context.tracePath)) {
    const stream = syntheticStream(length);
    return { ...stream, source: `${stream.source}; trace ${context.tracePath} not found` };
  }
  const stream = traceStream(await readTrace(context.tracePath), TRACE_OFFSET, length);
  return { ...stream, source: `automerge-paper ${stream.source}` };
}

async function measure(
  count: { clients: number; updates: number },
  index: number,
  stream: KeystrokeStream,
  root: string,
): Promise<Map<string, Summary>> {
  const relays: RelayProcess[] = [];
  try {
    relays.push(await startRulesRelay(root, 'on'));
    relays.push(await startRulesRelay(root, 'audit-off'));
    const states = new Map<string, RoomState>(
      relays.map((r) => [
        r.name,
        {
          room: `${r.space}/audit-${String(count.clients)}`,
          prefix: stream.prefix,
          next: 0,
          expected: '',
        },
      ]),
    );
    const samples = new Map<string, number[]>(relays.map((r) => [r.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which relay goes first, so drift on this shared machine favours neither.
      const order = (round + index) % 2 === 0 ? relays : [...relays].reverse();
      for (const relay of order) {
        const state = states.get(relay.name);
        const into = samples.get(relay.name);
        if (state === undefined || into === undefined) throw new Error('unknown relay');
        const result = await runRound(relay, state, {
          clients: count.clients,
          warmup: WARMUP,
          updates: count.updates,
          patches: stream.patches,
          timeoutMs: TIMEOUT_MS,
        });
        into.push(...result.latencies);
      }
    }
    return new Map(relays.map((r) => [r.name, summarize(samples.get(r.name) ?? [])]));
  } finally {
    await Promise.all(relays.map((r) => r.stop()));
  }
}
