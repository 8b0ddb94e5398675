// Relay under company-scale load: one node, many documents, many clients in
// separate driver processes, a steady total update rate, then a ramp that
// raises the rate until p99 fan-out latency passes its limit. Ours (persists
// every update before broadcasting), the stock @y/websocket-server relay
// (persists nothing) and Hocuspocus with its database extension on SQLite
// (debounced whole-document stores) run the same load one after the other.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { receiversOf } from './lib/fleet.ts';
import { startHocuspocusRelay } from './lib/hocuspocus-relay.ts';
import type { WireProtocol } from './lib/load-client.ts';
import { startDrivers, type Drivers } from './lib/load-drivers.ts';
import {
  aggregate,
  highestSustained,
  nextRate,
  spreadClients,
  type RampStep,
} from './lib/load-plan.ts';
import { loadReport, type LoadPlan, type RelayOutcome, type StepCost } from './lib/load-report.ts';
import { cpuMs } from './lib/proc-stat.ts';
import { startOurRelay, startPeerRelay, type RelayProcess } from './lib/relay-process.ts';
import type { BenchContext, BenchModule } from './lib/types.ts';

const P99_LIMIT_MS = 50;

const FULL: LoadPlan = {
  docs: 500,
  clients: 1_500,
  rate: 350,
  seconds: 60,
  warmupSeconds: 5,
  idleSeconds: 5,
  drivers: 3,
  drainMs: 3_000,
  stepSeconds: 15,
  // Below the relay's 1,000 rooms in memory with the 500 loaded ones.
  smallDocs: 400,
  ramp: { start: 350, factor: 1.5, steps: 8, p99LimitMs: P99_LIMIT_MS },
};
const QUICK: LoadPlan = {
  docs: 20,
  clients: 60,
  rate: 100,
  seconds: 5,
  warmupSeconds: 1,
  idleSeconds: 2,
  drivers: 2,
  drainMs: 2_000,
  stepSeconds: 3,
  smallDocs: 100,
  // Starts below the steady rate: on a busy shared machine the quick run
  // otherwise often fails its first step and finds no limit at all.
  ramp: { start: 50, factor: 2, steps: 2, p99LimitMs: P99_LIMIT_MS },
};

interface Contender {
  start: () => Promise<RelayProcess>;
  protocol: WireProtocol;
}

export const relayLoad: BenchModule = {
  name: 'relay-load',
  title: 'Relay under load: many documents, clients in separate processes',
  run: async (context) => {
    const plan = context.quick ? QUICK : FULL;
    const contenders: Contender[] = [];
    const withOurs = existsSync(path.join(context.root, 'relay', 'cli.ts'));
    if (withOurs) {
      contenders.push({
        // Every bench client signs in as the same person; the per-person
        // connection cap (there against one account hoarding sockets) is
        // lifted so that one account can stand for C people.
        start: () =>
          startOurRelay(context.root, ['--max-connections-per-person', String(plan.clients + 100)]),
        protocol: 'y-websocket',
      });
    } else context.log('relay/cli.ts is missing: measuring the peers alone');
    contenders.push({ start: () => startPeerRelay(context.root), protocol: 'y-websocket' });
    contenders.push({ start: () => startHocuspocusRelay(context.root), protocol: 'hocuspocus' });

    const outcomes: RelayOutcome[] = [];
    for (const contender of contenders) outcomes.push(await measure(context, plan, contender));
    return loadReport(plan, outcomes);
  },
};

async function measure(
  context: BenchContext,
  plan: LoadPlan,
  contender: Contender,
): Promise<RelayOutcome> {
  let relay: RelayProcess | undefined;
  let drivers: Drivers | undefined;
  try {
    relay = await contender.start();
    const { pid, space } = relay;
    const rssIdleKiB = relay.memory().rssKiB;
    const clients = spreadClients(plan.clients, plan.docs, (doc) => `${space}/load-${doc}`);
    context.log(
      `load: ${relay.name}: connecting ${plan.clients} clients to ${plan.docs} documents`,
    );
    drivers = await startDrivers({
      root: context.root,
      count: plan.drivers,
      url: relay.url,
      protocol: contender.protocol,
      params: await relay.params(),
      clients,
    });
    const rssConnectedKiB = relay.memory().rssKiB;
    // What the relay spends with everyone connected and nobody typing
    // (timers, pings, metrics): part of every step's CPU per update below.
    const idleBefore = cpuMs(pid);
    await new Promise((resolve) => setTimeout(resolve, plan.idleSeconds * 1000));
    const idleCpuShare = (cpuMs(pid) - idleBefore) / (plan.idleSeconds * 1000);
    const receivers = receiversOf(clients);
    const run = drivers;
    const step = async (rate: number, seconds: number): Promise<StepCost> => {
      const before = cpuMs(pid);
      const outcome = await run.step(rate, seconds * 1000, plan.drainMs);
      const cpu = cpuMs(pid) - before;
      const figures = aggregate(outcome.sends, outcome.receipts, receivers);
      return {
        step: { rate, figures, lagMs: outcome.lagMs },
        cpuPerUpdateMs: figures.sent > 0 ? cpu / figures.sent : Number.NaN,
        cpuShare: cpu / (seconds * 1000 + plan.drainMs),
      };
    };

    await step(plan.rate, plan.warmupSeconds);
    context.log(`load: ${relay.name}: steady ${plan.rate} updates/s for ${plan.seconds} s`);
    const steady = await step(plan.rate, plan.seconds);
    const rssLoadedKiB = relay.memory().rssKiB;

    // The steady run is the ramp's first step when the rates agree.
    const ramp: StepCost[] = plan.ramp.start === plan.rate ? [steady] : [];
    for (;;) {
      const rate = nextRate(
        plan.ramp,
        ramp.map((r) => r.step),
      );
      if (rate === undefined) break;
      context.log(`load: ${relay.name}: ramp ${rate} updates/s for ${plan.stepSeconds} s`);
      ramp.push(await step(rate, plan.stepSeconds));
    }
    const steps: RampStep[] = ramp.map((r) => r.step);
    const perSmallDocKiB = await smallDocCost(context, plan, relay, contender.protocol);
    return {
      name: relay.name,
      steady,
      ramp,
      highest: highestSustained(plan.ramp, steps),
      rssIdleKiB,
      rssConnectedKiB,
      idleCpuShare,
      rssLoadedKiB,
      peakKiB: relay.memory().peakKiB,
      perSmallDocKiB,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    context.log(`load: ${relay?.name ?? 'relay'} failed: ${message}`);
    return { name: relay?.name ?? 'relay', failure: message.split('\n')[0] ?? message };
  } finally {
    await drivers?.close();
    await relay?.stop();
  }
}

/**
 * Memory of a loaded small document: N more documents, one client each that
 * makes one edit, then the relay's RSS delta / N. The client stays connected
 * (a relay unloads documents nobody has open), so one connection's cost is in
 * the figure too, as it is for every open note.
 */
async function smallDocCost(
  context: BenchContext,
  plan: LoadPlan,
  relay: RelayProcess,
  protocol: WireProtocol,
): Promise<number> {
  const clients = Array.from({ length: plan.smallDocs }, (_, i) => ({
    id: plan.clients + i,
    room: `${relay.space}/small-${String(i)}`,
  }));
  const before = relay.memory().rssKiB;
  context.log(`load: ${relay.name}: opening ${plan.smallDocs} small documents`);
  const drivers = await startDrivers({
    root: context.root,
    count: 1,
    url: relay.url,
    protocol,
    params: await relay.params(),
    clients,
  });
  try {
    // One edit per client: the schedule goes round-robin over them.
    await drivers.step(plan.smallDocs, 1_000, plan.drainMs);
    return (relay.memory().rssKiB - before) / plan.smallDocs;
  } finally {
    await drivers.close();
  }
}
