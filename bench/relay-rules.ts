// The cost of the relay's update rules (authorship of comments, template
// caps, the per-document byte limit, image references) on the fan-out path:
// the same relay with the rules on and off (`benchmarkWithoutUpdateRules`),
// started the same way in the same run, fed the same keystroke stream, with
// the round order alternating. The goal is on / off within 1.05×.
import { existsSync } from 'node:fs';
import { runRound, type RoomState } from './lib/fanout-round.ts';
import { ms, table, times } from './lib/markdown.ts';
import { ratio, summarize, type Summary } from './lib/percentiles.ts';
import { startRulesRelay, type RelayProcess } from './lib/relay-process.ts';
import { judgeCost } from './lib/rules-cost.ts';
import { readTrace, syntheticStream, traceStream, type KeystrokeStream } from './lib/trace.ts';
import type { BenchContext, BenchModule } from './lib/types.ts';

interface Plan {
  counts: { clients: number; updates: number }[];
  rounds: number;
  warmup: number;
}

const FULL: Plan = {
  counts: [
    { clients: 10, updates: 1000 },
    { clients: 50, updates: 500 },
  ],
  rounds: 4,
  warmup: 20,
};
const QUICK: Plan = {
  counts: [
    { clients: 10, updates: 150 },
    { clients: 50, updates: 60 },
  ],
  rounds: 4,
  warmup: 10,
};
/** Mid-paper, as the fan-out benchmark: the note has a realistic size. */
const TRACE_OFFSET = 100_000;
const TIMEOUT_MS = 30_000;

export const relayRules: BenchModule = {
  name: 'relay-rules',
  title: 'Relay update rules: fan-out with the checks on and off',
  run: async (context) => {
    const plan = context.quick ? QUICK : FULL;
    const needed = Math.max(...plan.counts.map((c) => plan.rounds * (plan.warmup + c.updates)));
    const stream = await keystrokes(context, needed);
    const results = new Map<number, Map<string, Summary>>();
    for (const [index, count] of plan.counts.entries()) {
      context.log(`rules: ${count.clients} clients, ${count.updates} updates × ${plan.rounds}`);
      results.set(count.clients, await measure(context, plan, count, index, stream));
    }
    const cost = judgeCost(stream);
    return report(plan, stream, results, cost);
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
  context: BenchContext,
  plan: Plan,
  count: { clients: number; updates: number },
  index: number,
  stream: KeystrokeStream,
): Promise<Map<string, Summary>> {
  const relays: RelayProcess[] = [];
  try {
    relays.push(await startRulesRelay(context.root, 'on'));
    relays.push(await startRulesRelay(context.root, 'off'));
    const states = new Map<string, RoomState>(
      relays.map((r) => [
        r.name,
        { room: `${r.space}/rules-${count.clients}`, prefix: stream.prefix, next: 0, expected: '' },
      ]),
    );
    const samples = new Map<string, number[]>(relays.map((r) => [r.name, []]));
    for (let round = 0; round < plan.rounds; round++) {
      // Alternate which relay goes first, so drift on this shared machine favours neither.
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
      }
    }
    return new Map(relays.map((r) => [r.name, summarize(samples.get(r.name) ?? [])]));
  } finally {
    await Promise.all(relays.map((r) => r.stop()));
  }
}

function report(
  plan: Plan,
  stream: KeystrokeStream,
  results: Map<number, Map<string, Summary>>,
  cost: Summary,
): string {
  const rows = [...results].map(([clients, byRelay]) => {
    const on = byRelay.get('rules on');
    const off = byRelay.get('rules off');
    if (on === undefined || off === undefined) return [String(clients), 'n/a', 'n/a', '', ''];
    return [
      String(clients),
      times(ratio(on.p50, off.p50)),
      times(ratio(on.p99, off.p99)),
      `${ms(on.p50)} / ${ms(on.p99)}`,
      `${ms(off.p50)} / ${ms(off.p99)}`,
    ];
  });
  const updates = plan.counts.map((c) => `${c.updates} at ${c.clients} clients`).join(', ');
  return [
    'One client of N types; the other N − 1 receive each keystroke through the relay. ' +
      '**rules on** = the relay as deployed; **rules off** = the same relay started with ' +
      '`benchmarkWithoutUpdateRules` (no authorship, cap or reference checks; the update ' +
      'guard stays). Ratios are on / off: the goal is at most 1.05×.',
    table(['Clients', 'p50 on/off', 'p99 on/off', 'on p50 / p99', 'off p50 / p99'], rows),
    `The rules' own time per keystroke update (\`UpdateRules.judge\` in process, ${String(cost.count)} updates of the stream after 100 of warm-up): ` +
      `p50 ${cost.p50.toFixed(1)} µs, p99 ${cost.p99.toFixed(1)} µs, mean ${cost.mean.toFixed(1)} µs.`,
    [
      '### Method',
      `- Stream: ${stream.source}; the note starts from the text before it (${stream.prefix.length} characters).`,
      `- ${plan.rounds} rounds of ${plan.warmup} warm-up + (${updates}) measured updates per relay, closed-loop, the round order alternating.`,
      '- Both relays run `startRelay` from source in their own process (bench/lib/rules-relay-main.ts), verifying real tokens of a development IdP.',
      '- Keystrokes reach the note body: the rules place each update with a few look-ups (relay/rules/update-shape.ts) and accept it. Comment and template changes pay more (a scratch copy of the document) and are rare; they are not in this stream.',
    ].join('\n'),
  ].join('\n\n');
}
