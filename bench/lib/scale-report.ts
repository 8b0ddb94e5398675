// The Markdown section of the scale-out benchmark (bench/relay-scale.ts).
import type { StepFigures } from './load-plan.ts';
import { mib, ms, table, times } from './markdown.ts';
import { ratio } from './percentiles.ts';

export interface Load {
  docs: number;
  clients: number;
  /** Updates per second over all clients. */
  rate: number;
  seconds: number;
  /** Client driver processes in total. */
  drivers: number;
}

export interface ScalePlan {
  shapes: Load;
  wide: Load;
  churn: { seconds: number; perRound: number; docPool: number };
  /** Keystrokes of the trace pushed into one note, within a step of `seconds` at the shapes' load. */
  push: { patches: number; seconds: number };
  warmupSeconds: number;
  drainMs: number;
}

export type Shaped =
  | {
      name: string;
      figures: StepFigures;
      cpuPerUpdateMs: number;
      /** Updates that reached every other client of their document, per second of the step. */
      storedPerSecond: number;
      lagMs: number;
      rssKiB: number;
      connectMs?: number;
      rssConnectedKiB?: number;
      failure?: undefined;
    }
  | { name: string; failure: string };

export type ChurnOutcome =
  | {
      name: string;
      rounds: number;
      edits: number;
      samples: { atMs: number; rssKiB: number }[];
      peakKiB: number;
      failure?: undefined;
    }
  | { name: string; failure: string };

export type PushRun =
  | {
      name: string;
      /** The others' updates (the pusher's own are not in them). */
      figures: StepFigures;
      eventLoopP99Ms: number;
      walPeakBytes: number;
      pushed: number;
      pushFinished: boolean;
      pushSeconds: number;
      lagMs: number;
      failure?: undefined;
    }
  | { name: string; failure: string };

type Measured = Extract<Shaped, { figures: StepFigures }>;
type Churned = Extract<ChurnOutcome, { samples: unknown }>;

const p = (o: Measured | undefined, q: 'p50' | 'p99'): number => o?.figures.all?.[q] ?? NaN;

function loadTable(rows: readonly Measured[], withConnect: boolean): string {
  const headers = ['Relay', 'Updates', 'Missing receipts', 'p50', 'p99', 'max', 'CPU / update'];
  headers.push('Stored / s', 'RSS after', 'Driver lag p99');
  if (withConnect) headers.push('Connect all', 'RSS connected');
  return table(
    headers,
    rows.map((o) => {
      const f = o.figures;
      const cells = [o.name, String(f.sent), String(f.missingReceipts), ms(p(o, 'p50'))];
      cells.push(ms(p(o, 'p99')), ms(f.all?.max ?? NaN), ms(o.cpuPerUpdateMs));
      cells.push(o.storedPerSecond.toFixed(0), mib(o.rssKiB), ms(o.lagMs));
      if (withConnect) cells.push(ms(o.connectMs ?? NaN), mib(o.rssConnectedKiB ?? NaN));
      return cells;
    }),
  );
}

/** Median of the RSS samples in the first and in the last tenth of the run (at least one each). */
export function rssTrend(samples: readonly { rssKiB: number }[]): { start: number; end: number } {
  const tenth = Math.max(1, Math.floor(samples.length / 10));
  const median = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
  };
  return {
    start: median(samples.slice(0, tenth).map((s) => s.rssKiB)),
    end: median(samples.slice(-tenth).map((s) => s.rssKiB)),
  };
}

export function scaleReport(
  plan: ScalePlan,
  shapes: readonly Shaped[],
  wide: readonly Shaped[],
  churn: readonly ChurnOutcome[],
  push: readonly PushRun[],
): string {
  const out: string[] = [];
  for (const o of [...shapes, ...wide, ...churn, ...push])
    if (o.failure !== undefined) out.push(`**${o.name} failed:** ${o.failure}`);
  const measured = (list: readonly Shaped[]): Measured[] =>
    list.filter((o): o is Measured => o.failure === undefined);
  const shaped = measured(shapes);
  const by = (name: string): Measured | undefined => shaped.find((o) => o.name === name);
  const sqlite = by('sqlite ×1');
  const pg = by('postgres ×1');
  const two = by('postgres + redis ×2');
  const s = plan.shapes;

  out.push('### Headline');
  out.push(
    table(
      ['Comparison', 'p50', 'p99', 'CPU / update', 'Goal'],
      [
        [
          'two nodes over Redis / one node (both PostgreSQL)',
          times(ratio(p(two, 'p50'), p(pg, 'p50'))),
          times(ratio(p(two, 'p99'), p(pg, 'p99'))),
          times(ratio(two?.cpuPerUpdateMs ?? NaN, pg?.cpuPerUpdateMs ?? NaN)),
          'p99 ≤ 2×',
        ],
        [
          'PostgreSQL / SQLite (one node)',
          times(ratio(p(pg, 'p50'), p(sqlite, 'p50'))),
          times(ratio(p(pg, 'p99'), p(sqlite, 'p99'))),
          times(ratio(pg?.cpuPerUpdateMs ?? NaN, sqlite?.cpuPerUpdateMs ?? NaN)),
          'figure only',
        ],
      ],
    ),
  );

  out.push(
    `### Backends and nodes: ${String(s.clients)} clients over ${String(s.docs)} documents, ${String(s.rate)} updates/s for ${String(s.seconds)} s`,
  );
  out.push(
    'With two nodes the k-th client of every document connects to node k mod 2, so every update reaches some of its readers through Redis. CPU is all nodes together; the PostgreSQL server and Redis are not counted.',
  );
  out.push(loadTable(shaped, false));

  const w = plan.wide;
  out.push(
    `### Many connections on one node: ${String(w.clients)} clients over ${String(w.docs)} documents, ${String(w.rate)} updates/s for ${String(w.seconds)} s`,
  );
  out.push(
    '**ours** = one built relay on SQLite, every update stored before broadcast; **peer** = stock `@y/websocket-server` (no persistence). "Connect all" is from the first driver starting to every client synced.',
  );
  out.push(loadTable(measured(wide), true));

  const c = plan.churn;
  out.push(
    `### Connection churn for ${String(c.seconds)} s: rounds of ${String(c.perRound)} clients that connect, edit once and leave, over ${String(c.docPool)} documents`,
  );
  const churned = churn.filter((o): o is Churned => o.failure === undefined);
  out.push(
    table(
      ['Relay', 'Rounds', 'Edits', 'RSS first tenth', 'RSS last tenth', 'last / first', 'RSS peak'],
      churned.map((o) => {
        const trend = rssTrend(o.samples);
        return [
          o.name,
          String(o.rounds),
          String(o.edits),
          mib(trend.start),
          mib(trend.end),
          times(ratio(trend.end, trend.start)),
          mib(o.peakKiB),
        ];
      }),
    ),
  );
  out.push(
    'RSS is read after every round with the round’s clients gone; “first / last tenth” are medians of the samples in the first and last tenth of the run (goal: flat, i.e. last / first near 1×).',
  );
  out.push(...pushSection(plan, push));
  return out.join('\n\n');
}

function pushSection(plan: ScalePlan, push: readonly PushRun[]): string[] {
  type Pushed = Extract<PushRun, { figures: StepFigures }>;
  const runs = push.filter((o): o is Pushed => o.failure === undefined);
  const s = plan.shapes;
  const quiet = runs.find((o) => !o.name.includes('push'));
  const loud = runs.find((o) => o.name.includes('push'));
  const p99 = (o: Pushed | undefined): number => o?.figures.all?.p99 ?? NaN;
  return [
    `### One person pushing the editing trace while ${String(s.clients)} others work at ${String(s.rate)} updates/s`,
    `One stock y-websocket client replays up to ${String(plan.push.patches)} keystrokes of the trace into one note, one update each, as fast as its socket drains, during a ${String(plan.push.seconds)} s step of the others' load on one SQLite node; the same step without the push ran first. Others' p99 with / without the push: **${times(ratio(p99(loud), p99(quiet)))}**.`,
    table(
      ['Run', 'Others’ updates', 'Missing', 'p50', 'p99', 'Loop delay p99', 'WAL peak'],
      runs.map((o) => [
        o.name,
        String(o.figures.sent),
        String(o.figures.missingReceipts),
        ms(o.figures.all?.p50 ?? NaN),
        ms(p99(o)),
        ms(o.eventLoopP99Ms),
        mib(o.walPeakBytes / 1024),
      ]),
    ),
    loud === undefined
      ? ''
      : `The push sent ${String(loud.pushed)} keystrokes in ${loud.pushSeconds.toFixed(1)} s (${(loud.pushed / Math.max(loud.pushSeconds, 1e-9)).toFixed(0)}/s)${loud.pushFinished ? ', the whole stream' : ', and was stopped at the end of the step'}. Loop delay is the node's own (its /metrics, sampled every 10 ms over the step).`,
  ];
}
