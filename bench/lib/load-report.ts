// The Markdown section of the relay load benchmark (bench/relay-load.ts).
import type { RampPlan, RampStep } from './load-plan.ts';
import { sustained } from './load-plan.ts';
import { mib, ms, table, times } from './markdown.ts';
import { ratio } from './percentiles.ts';

export interface LoadPlan {
  docs: number;
  clients: number;
  /** Steady rate, updates per second across all clients. */
  rate: number;
  seconds: number;
  /** Unrecorded step before the steady one (connections warm, documents loaded). */
  warmupSeconds: number;
  /** Quiet time with every client connected, for the relay's idle CPU. */
  idleSeconds: number;
  /** Client driver processes. */
  drivers: number;
  /** Wait after a step's last send for its late receipts. */
  drainMs: number;
  stepSeconds: number;
  /** Documents opened (one client, one edit each) for the memory per small document. */
  smallDocs: number;
  ramp: RampPlan;
}

export interface StepCost {
  step: RampStep;
  /** Relay CPU time (user + system) per update sent (ms). */
  cpuPerUpdateMs: number;
  /** Relay CPU time over wall time of the step (1 = one core busy). */
  cpuShare: number;
}

export type RelayOutcome =
  | {
      name: string;
      steady: StepCost;
      ramp: StepCost[];
      highest: { rate: number | undefined; open: boolean };
      rssIdleKiB: number;
      rssConnectedKiB: number;
      /** Relay CPU over wall time with every client connected and no updates. */
      idleCpuShare: number;
      rssLoadedKiB: number;
      peakKiB: number;
      perSmallDocKiB: number;
      failure?: undefined;
    }
  | { name: string; failure: string };

type Measured = Extract<RelayOutcome, { steady: StepCost }>;

// "≥": every ramp step passed, so the limit lies above the figure.
const rateText = (highest: Measured['highest'], plan: RampPlan): string =>
  highest.rate === undefined
    ? `< ${String(plan.start)}/s`
    : `${highest.open ? '≥ ' : ''}${String(highest.rate)}/s`;

export function loadReport(plan: LoadPlan, outcomes: readonly RelayOutcome[]): string {
  const measured = outcomes.filter((o): o is Measured => o.failure === undefined);
  const by = (name: string): Measured | undefined => measured.find((o) => o.name === name);
  const ours = by('ours');
  const out: string[] = [];
  out.push(
    `${String(plan.clients)} clients over ${String(plan.docs)} documents (${(plan.clients / plan.docs).toFixed(1)} per document) ` +
      `in ${String(plan.drivers)} driver processes, ${String(plan.rate)} updates/s in total for ${String(plan.seconds)} s, ` +
      `then a ramp (×${String(plan.ramp.factor)} per ${String(plan.stepSeconds)} s step, at most ${String(plan.ramp.steps)} steps) ` +
      `until the per-update p99 passes ${String(plan.ramp.p99LimitMs)} ms. **ours** = built relay (SQLite, every update stored before broadcast); ` +
      '**peer** = stock `@y/websocket-server` (no persistence); **hocuspocus** = `@hocuspocus/server` + `@hocuspocus/extension-database` on node:sqlite (debounced whole-document stores).',
  );
  for (const o of outcomes)
    if (o.failure !== undefined) out.push(`**${o.name} failed:** ${o.failure}`);
  if (ours !== undefined) {
    out.push('### Headline: ours / peer (goals: sustained rate ≥ 0.8×, CPU per update ≤ 1.2×)');
    out.push(
      table(
        ['Against', 'Sustained rate', 'CPU / update', 'p50 (steady)', 'p99 (steady)', 'RSS loaded'],
        measured
          .filter((o) => o.name !== 'ours')
          .map((o) => [
            o.name,
            `${times(ratio(ours.highest.rate ?? Number.NaN, o.highest.rate ?? Number.NaN))} (${rateText(ours.highest, plan.ramp)} vs ${rateText(o.highest, plan.ramp)})`,
            times(ratio(ours.steady.cpuPerUpdateMs, o.steady.cpuPerUpdateMs)),
            times(
              ratio(
                ours.steady.step.figures.all?.p50 ?? NaN,
                o.steady.step.figures.all?.p50 ?? NaN,
              ),
            ),
            times(
              ratio(
                ours.steady.step.figures.all?.p99 ?? NaN,
                o.steady.step.figures.all?.p99 ?? NaN,
              ),
            ),
            times(ratio(ours.rssLoadedKiB, o.rssLoadedKiB)),
          ]),
      ),
    );
  }
  out.push(`### Steady load: ${String(plan.rate)} updates/s for ${String(plan.seconds)} s`);
  out.push(
    table(
      [
        'Relay',
        'Updates',
        'Missing receipts',
        'p50 all',
        'p99 all',
        'max',
        'p50 each',
        'p99 each',
        'CPU / update',
        'Relay CPU',
        'Relay CPU idle',
        'RSS idle',
        'RSS connected',
        'RSS loaded',
        'RSS peak',
        'Driver lag p99',
      ],
      measured.map((o) => {
        const f = o.steady.step.figures;
        return [
          o.name,
          String(f.sent),
          String(f.missingReceipts),
          ms(f.all?.p50 ?? NaN),
          ms(f.all?.p99 ?? NaN),
          ms(f.all?.max ?? NaN),
          ms(f.each?.p50 ?? NaN),
          ms(f.each?.p99 ?? NaN),
          ms(o.steady.cpuPerUpdateMs),
          `${(o.steady.cpuShare * 100).toFixed(0)} %`,
          `${(o.idleCpuShare * 100).toFixed(1)} %`,
          mib(o.rssIdleKiB),
          mib(o.rssConnectedKiB),
          mib(o.rssLoadedKiB),
          mib(o.peakKiB),
          ms(o.steady.step.lagMs),
        ];
      }),
    ),
  );
  out.push(`### Ramp: highest rate with p99 ≤ ${String(plan.ramp.p99LimitMs)} ms`);
  out.push(
    table(
      ['Relay', 'Highest sustained', 'Steps (rate: p50 / p99, CPU per update, verdict)'],
      measured.map((o) => [
        o.name,
        rateText(o.highest, plan.ramp),
        o.ramp
          .map(
            (r) =>
              `${String(r.step.rate)}/s: ${ms(r.step.figures.all?.p50 ?? NaN)} / ${ms(r.step.figures.all?.p99 ?? NaN)}, ${ms(r.cpuPerUpdateMs)}, ` +
              (sustained(plan.ramp, r.step)
                ? 'ok'
                : r.step.figures.missingReceipts > 0
                  ? `${String(r.step.figures.missingReceipts)} receipts missing`
                  : r.step.lagMs > plan.ramp.p99LimitMs
                    ? `drivers ${ms(r.step.lagMs)} behind`
                    : 'p99 over'),
          )
          .join('; '),
      ]),
    ),
  );
  out.push(
    `### Memory per loaded small document (goal ≤ 100 kB): RSS delta over ${String(plan.smallDocs)} more documents`,
  );
  out.push(
    table(
      ['Relay', 'RSS per document'],
      measured.map((o) => [
        o.name,
        Number.isFinite(o.perSmallDocKiB) ? `${o.perSmallDocKiB.toFixed(1)} KiB` : 'n/a',
      ]),
    ),
  );
  out.push(
    [
      '### Method',
      '- Clients: a lean y-websocket client (bench/lib/load-client.ts: `ws` socket, Y.Doc, y-protocols sync; no awareness) so hundreds fit in one driver process; Hocuspocus gets the same sync messages in its framing (document name first, an Auth message). Each client is synced before the load starts.',
      '- Load: open loop; each driver sends its share of the rate on a fixed schedule, round-robin over its clients; each update is one transaction of a one-character insert and the sender’s stamp (sequence, wall-clock send time).',
      '- Latency: “all” = per update, send → the last other client of the document applied it; “each” = per receipt. Clocks: `performance.timeOrigin + performance.now()` in every process on this one machine. Arrival time is taken when the message reaches the client’s socket handler.',
      '- A ramp step is sustained when every receipt arrived within the drain, p99 “all” ≤ the limit and the p99 of the sends’ delay behind their schedule (“driver lag”) ≤ the limit too (otherwise the drivers, not the relay, set the figure).',
      '- CPU: utime + stime of the relay process (all threads) from /proc/<pid>/stat over the step including its drain, divided by the updates sent; “Relay CPU” is that time over the step’s wall time (100 % = one core), “idle” the same with every client connected and nobody typing, which every figure per update includes. RSS: VmRSS idle after start, after all clients connected, after the steady run; peak = VmHWM.',
      '- Ours signs all clients in as one development-IdP account, with `--max-connections-per-person` raised to fit them. Hocuspocus’s idle timeout is raised (its default closes clients that send nothing for 60 s).',
      '- Memory per small document: after the ramp, with the load clients still connected, N more documents are opened by one client each, which makes one edit; the figure is the VmRSS delta / N, so it includes one connection per document and whatever the garbage collector had not yet collected.',
      '- The relays run one after another, each alone with the drivers, in the order of the tables.',
    ].join('\n'),
  );
  return out.join('\n\n');
}
