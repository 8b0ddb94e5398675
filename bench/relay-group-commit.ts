// Group commit on SQLite: the same relay with group commit on (every update
// of one event-loop turn in one transaction, the default) and off (one commit
// per update), under SQLite `synchronous=NORMAL` (the default) and `FULL`
// (an fsync per commit). Many documents, clients in separate driver processes
// (the relay-load drivers), an open-loop update rate in steps; the "on" and
// "off" relays run side by side and take turns step by step, so drift on a
// shared machine falls on both.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startDevIdp } from '../idp/dev-idp.ts';
import { startDrivers, type Drivers } from './lib/load-drivers.ts';
import { aggregate, spreadClients, type ClientSpec, type StepFigures } from './lib/load-plan.ts';
import { ms, table, times } from './lib/markdown.ts';
import { ratio } from './lib/percentiles.ts';
import { cpuMs } from './lib/proc-stat.ts';
import { listeningRecord, startRelay, type RelayProcess } from './lib/relay-process.ts';
import type { BenchContext, BenchModule } from './lib/types.ts';

type Synchronous = 'NORMAL' | 'FULL';

interface Plan {
  docs: number;
  clients: number;
  drivers: number;
  warmupSeconds: number;
  rates: number[];
  stepSeconds: number;
  drainMs: number;
  levels: Synchronous[];
}

// Short on purpose: the machine is shared; a few thousand updates per cell.
const FULL: Plan = {
  docs: 40,
  clients: 120,
  drivers: 2,
  warmupSeconds: 2,
  rates: [200, 600],
  stepSeconds: 6,
  drainMs: 2_000,
  levels: ['NORMAL', 'FULL'],
};
const QUICK: Plan = {
  docs: 20,
  clients: 60,
  drivers: 1,
  warmupSeconds: 1,
  rates: [100, 300],
  stepSeconds: 3,
  drainMs: 1_500,
  levels: ['NORMAL', 'FULL'],
};

interface Cell {
  level: Synchronous;
  rate: number;
  mode: 'on' | 'off';
  figures: StepFigures;
  lagMs: number;
  cpuPerUpdateMs: number;
}

interface Contender {
  mode: 'on' | 'off';
  relay: RelayProcess;
  drivers: Drivers;
}

export const relayGroupCommit: BenchModule = {
  name: 'relay-group-commit',
  title: 'Group commit on SQLite: the relay with it on and off',
  run: async (context) => {
    const plan = context.quick ? QUICK : FULL;
    const cells: Cell[] = [];
    for (const level of plan.levels) cells.push(...(await measureLevel(context, plan, level)));
    return report(plan, cells);
  },
};

async function measureLevel(
  context: BenchContext,
  plan: Plan,
  level: Synchronous,
): Promise<Cell[]> {
  const contenders: Contender[] = [];
  try {
    for (const mode of ['on', 'off'] as const) {
      const relay = await startVariant(context.root, mode, level, plan.clients + 50);
      const clients = spreadClients(plan.clients, plan.docs, (doc) => `${relay.space}/gc-${doc}`);
      context.log(`group commit: ${relay.name}: connecting ${plan.clients} clients`);
      const drivers = await startDrivers({
        root: context.root,
        count: plan.drivers,
        url: relay.url,
        protocol: 'y-websocket',
        params: await relay.params(),
        clients,
      }).catch(async (error: unknown) => {
        await relay.stop();
        throw error;
      });
      contenders.push({ mode, relay, drivers });
    }
    const receivers = receiversOf(spreadClients(plan.clients, plan.docs, (doc) => String(doc)));
    const cells: Cell[] = [];
    for (const contender of contenders) {
      await contender.drivers.step(plan.rates[0] ?? 100, plan.warmupSeconds * 1000, plan.drainMs);
    }
    for (const [index, rate] of plan.rates.entries()) {
      // Take turns, the first one alternating, so neither always runs first.
      const order = index % 2 === 0 ? contenders : [...contenders].reverse();
      for (const { mode, relay, drivers } of order) {
        context.log(`group commit: ${relay.name}: ${rate} updates/s for ${plan.stepSeconds} s`);
        const before = cpuMs(relay.pid);
        const outcome = await drivers.step(rate, plan.stepSeconds * 1000, plan.drainMs);
        const cpu = cpuMs(relay.pid) - before;
        const figures = aggregate(outcome.sends, outcome.receipts, receivers);
        cells.push({
          level,
          rate,
          mode,
          figures,
          lagMs: outcome.lagMs,
          cpuPerUpdateMs: figures.sent > 0 ? cpu / figures.sent : Number.NaN,
        });
      }
    }
    return cells;
  } finally {
    for (const { relay, drivers } of contenders) {
      await drivers.close();
      await relay.stop();
    }
  }
}

/** The relay from source (bench/lib/group-commit-relay-main.ts) in its own process. */
async function startVariant(
  root: string,
  mode: 'on' | 'off',
  level: Synchronous,
  perPerson: number,
): Promise<RelayProcess> {
  const data = await mkdtemp(path.join(os.tmpdir(), 'commonplace-bench-'));
  const idp = await startDevIdp({ port: 0 });
  const main = path.join(root, 'bench', 'lib', 'group-commit-relay-main.ts');
  return startRelay({
    name: `${level} group commit ${mode}`,
    args: [main, data, idp.issuer, idp.audience, mode, level, String(perPerson)],
    env: process.env,
    cwd: root,
    ready: (line) => {
      const url = listeningRecord(line)?.['url'];
      return typeof url === 'string'
        ? { url: url.replace(/^http/, 'ws'), issuer: idp.issuer }
        : undefined;
    },
    cleanup: async () => {
      await idp.close();
      await rm(data, { recursive: true, force: true });
    },
  });
}

/** How many other clients share each sender's document. */
function receiversOf(clients: readonly ClientSpec[]): (sender: number) => number {
  const perRoom = new Map<string, number>();
  for (const client of clients) perRoom.set(client.room, (perRoom.get(client.room) ?? 0) + 1);
  return (sender) => (perRoom.get(clients[sender]?.room ?? '') ?? 1) - 1;
}

function report(plan: Plan, cells: readonly Cell[]): string {
  const find = (level: Synchronous, rate: number, mode: 'on' | 'off') =>
    cells.find((c) => c.level === level && c.rate === rate && c.mode === mode);
  const p = (cell: Cell | undefined, key: 'p50' | 'p99') => cell?.figures.all?.[key] ?? Number.NaN;
  const rows = plan.levels.flatMap((level) =>
    plan.rates.map((rate) => {
      const on = find(level, rate, 'on');
      const off = find(level, rate, 'off');
      return [
        level,
        `${String(rate)}/s`,
        `${ms(p(on, 'p50'))} / ${ms(p(on, 'p99'))}`,
        `${ms(p(off, 'p50'))} / ${ms(p(off, 'p99'))}`,
        times(ratio(p(on, 'p50'), p(off, 'p50'))),
        times(ratio(p(on, 'p99'), p(off, 'p99'))),
        times(ratio(on?.cpuPerUpdateMs ?? Number.NaN, off?.cpuPerUpdateMs ?? Number.NaN)),
        `${String(on?.figures.missingReceipts ?? '?')} / ${String(off?.figures.missingReceipts ?? '?')}`,
        `${ms(on?.lagMs ?? Number.NaN)} / ${ms(off?.lagMs ?? Number.NaN)}`,
      ];
    }),
  );
  return [
    `${String(plan.clients)} clients over ${String(plan.docs)} documents, ${String(plan.drivers)} driver process(es) per relay, ` +
      `open-loop steps of ${String(plan.stepSeconds)} s at ${plan.rates.map(String).join(' and ')} updates/s in total. ` +
      '**on** = the relay as deployed (group commit: one SQLite transaction per event-loop turn); ' +
      '**off** = the same relay started with `--no-group-commit` (one commit per update). ' +
      'Latency per update = send → the last other client of its document has it. Ratios are on / off: below 1 means group commit is faster or cheaper.',
    table(
      [
        'synchronous',
        'Rate',
        'on p50 / p99',
        'off p50 / p99',
        'p50 on/off',
        'p99 on/off',
        'CPU per update on/off',
        'Missing receipts on / off',
        'Driver lag p99 on / off',
      ],
      rows,
    ),
    'Both relays of a level run at once (their clients connected, each idle while the other is measured) and take turns per step, the first alternating; a warm-up step precedes the measured ones. Each runs `startRelay` from source (bench/lib/group-commit-relay-main.ts) with real tokens of a development IdP; clients and load are the relay-load benchmark’s (bench/lib/load-driver.ts).',
  ].join('\n\n');
}
