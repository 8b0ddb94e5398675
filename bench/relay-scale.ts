// Our relay as a company deploys it, beside itself in simpler shapes and
// beside the stock relay, in one run:
// - backends and nodes: one SQLite node, one PostgreSQL node, and two
//   PostgreSQL nodes over Redis with every document's clients split between
//   them (so every update crosses nodes), at the same steady load;
// - many connections: one node holding C clients over D documents (connect
//   time, RSS, p99) beside the stock relay;
// - churn: clients connecting, editing once and leaving, for minutes, with
//   the relay's RSS sampled after every round (it should stay flat);
// - a trace push: one person replays the whole editing trace into one note
//   while the others work, beside the same load without it.
import { startTestPostgres, postgresUnavailable } from '../relay/db/test-postgres.ts';
import { redisUnavailable, startTestRedis } from '../relay/fanout/test-redis.ts';
import { connectFleet, receiversOf } from './lib/fleet.ts';
import { aggregate, spreadClients, type ClientSpec, type StepFigures } from './lib/load-plan.ts';
import { processMemory } from './lib/machine.ts';
import { cpuMs } from './lib/proc-stat.ts';
import { startOurNodes, type NodeSet } from './lib/relay-nodes.ts';
import { startOurRelay, startPeerRelay, type RelayProcess } from './lib/relay-process.ts';
import { measurePush } from './lib/scale-push.ts';
import { scaleReport, type ChurnOutcome, type ScalePlan, type Shaped } from './lib/scale-report.ts';
import type { BenchContext, BenchModule } from './lib/types.ts';

const FULL: ScalePlan = {
  shapes: { docs: 500, clients: 1_500, rate: 350, seconds: 60, drivers: 3 },
  wide: { docs: 5_000, clients: 10_000, rate: 350, seconds: 30, drivers: 4 },
  churn: { seconds: 600, perRound: 200, docPool: 400 },
  push: { patches: 259_778, seconds: 60 },
  warmupSeconds: 5,
  drainMs: 3_000,
};
const QUICK: ScalePlan = {
  shapes: { docs: 20, clients: 60, rate: 100, seconds: 5, drivers: 2 },
  wide: { docs: 300, clients: 600, rate: 100, seconds: 5, drivers: 2 },
  churn: { seconds: 20, perRound: 40, docPool: 60 },
  push: { patches: 20_000, seconds: 5 },
  warmupSeconds: 1,
  drainMs: 2_000,
};

export const relayScale: BenchModule = {
  name: 'relay-scale',
  title:
    'Relay scale-out: PostgreSQL beside SQLite, two nodes over Redis, 10,000 connections, churn, a trace push',
  run: async (context) => {
    const plan = context.quick ? QUICK : FULL;
    const shapes = await measureShapes(context, plan);
    const wide = [
      await measureWide(context, plan, () => ourRelay(context, plan.wide.clients)),
      await measureWide(context, plan, () => startPeerRelay(context.root)),
    ];
    const churn = [
      await measureChurn(context, plan, () => ourRelay(context, plan.churn.perRound)),
      await measureChurn(context, plan, () => startPeerRelay(context.root)),
    ];
    const push = await measurePush(context, plan);
    return scaleReport(plan, shapes, wide, churn, push);
  },
};

/** Every bench client is one account: its per-person connection cap is lifted to fit them. */
function ourRelay(context: BenchContext, clients: number): Promise<RelayProcess> {
  return startOurRelay(context.root, ['--max-connections-per-person', String(clients + 100)]);
}

async function measureShapes(context: BenchContext, plan: ScalePlan): Promise<Shaped[]> {
  const cap = ['--max-connections-per-person', String(plan.shapes.clients + 100)];
  const outcomes: Shaped[] = [];
  outcomes.push(
    await measureShape(context, plan, () =>
      startOurNodes(context.root, { name: 'sqlite ×1', count: 1, extraArgs: cap }),
    ),
  );
  const missing = postgresUnavailable() ?? redisUnavailable();
  if (missing !== null) {
    outcomes.push({ name: 'postgres', failure: `not measured: ${missing}` });
    return outcomes;
  }
  const postgres = await startTestPostgres();
  const redis = await startTestRedis();
  try {
    const single = await postgres.createDatabase();
    outcomes.push(
      await measureShape(context, plan, () =>
        startOurNodes(context.root, {
          name: 'postgres ×1',
          count: 1,
          databaseUrl: single,
          extraArgs: cap,
        }),
      ),
    );
    const shared = await postgres.createDatabase();
    outcomes.push(
      await measureShape(context, plan, () =>
        startOurNodes(context.root, {
          name: 'postgres + redis ×2',
          count: 2,
          databaseUrl: shared,
          redisUrl: redis.url,
          extraArgs: cap,
        }),
      ),
    );
  } finally {
    await redis.stop();
    await postgres.stop();
  }
  return outcomes;
}

async function measureShape(
  context: BenchContext,
  plan: ScalePlan,
  start: () => Promise<NodeSet>,
): Promise<Shaped> {
  let set: NodeSet | undefined;
  const { docs, clients: count, rate, seconds, drivers } = plan.shapes;
  try {
    set = await start();
    const nodes = set;
    const clients = spreadClients(count, docs, (doc) => `${nodes.space}/scale-${String(doc)}`);
    context.log(`scale: ${set.name}: ${String(count)} clients, ${String(rate)} updates/s`);
    const fleet = await connectFleet({
      root: context.root,
      urls: set.nodes.map((node) => node.url),
      protocol: 'y-websocket',
      params: await set.params(),
      clients,
      docs,
      drivers,
    });
    try {
      await fleet.step(rate, plan.warmupSeconds * 1000, plan.drainMs);
      const before = set.cpuMs();
      const outcome = await fleet.step(rate, seconds * 1000, plan.drainMs);
      const figures = aggregate(outcome.sends, outcome.receipts, receiversOf(clients));
      return {
        name: set.name,
        figures,
        cpuPerUpdateMs: (set.cpuMs() - before) / Math.max(1, figures.sent),
        storedPerSecond: figures.complete / seconds,
        lagMs: outcome.lagMs,
        rssKiB: set.rssKiB(),
      };
    } finally {
      await fleet.close();
    }
  } catch (error) {
    return { name: set?.name ?? 'relay', failure: firstLine(error) };
  } finally {
    await set?.stop();
  }
}

async function measureWide(
  context: BenchContext,
  plan: ScalePlan,
  start: () => Promise<RelayProcess>,
): Promise<Shaped> {
  let relay: RelayProcess | undefined;
  const { docs, clients: count, rate, seconds, drivers } = plan.wide;
  try {
    relay = await start();
    const { space } = relay;
    const clients = spreadClients(count, docs, (doc) => `${space}/wide-${String(doc)}`);
    context.log(`scale: ${relay.name}: connecting ${String(count)} clients`);
    const began = performance.now();
    const fleet = await connectFleet({
      root: context.root,
      urls: [relay.url],
      protocol: 'y-websocket',
      params: await relay.params(),
      clients,
      docs,
      drivers,
    });
    const connectMs = performance.now() - began;
    const rssConnectedKiB = relay.memory().rssKiB;
    try {
      await fleet.step(rate, plan.warmupSeconds * 1000, plan.drainMs);
      const before = cpuMs(relay.pid);
      const outcome = await fleet.step(rate, seconds * 1000, plan.drainMs);
      const figures: StepFigures = aggregate(outcome.sends, outcome.receipts, receiversOf(clients));
      return {
        name: relay.name,
        figures,
        cpuPerUpdateMs: (cpuMs(relay.pid) - before) / Math.max(1, figures.sent),
        storedPerSecond: figures.complete / seconds,
        lagMs: outcome.lagMs,
        rssKiB: relay.memory().rssKiB,
        connectMs,
        rssConnectedKiB,
      };
    } finally {
      await fleet.close();
    }
  } catch (error) {
    return { name: relay?.name ?? 'relay', failure: firstLine(error) };
  } finally {
    await relay?.stop();
  }
}

/**
 * Rounds of fresh clients over a rotating pool of documents: each round's
 * clients connect, make one edit each, and leave, so rooms are loaded and
 * left idle over and over. RSS is read after every round.
 */
async function measureChurn(
  context: BenchContext,
  plan: ScalePlan,
  start: () => Promise<RelayProcess>,
): Promise<ChurnOutcome> {
  let relay: RelayProcess | undefined;
  const { seconds, perRound, docPool } = plan.churn;
  try {
    relay = await start();
    const { space, pid } = relay;
    const params = await relay.params();
    context.log(`scale: ${relay.name}: churn for ${String(seconds)} s`);
    const samples: { atMs: number; rssKiB: number }[] = [];
    const began = performance.now();
    let round = 0;
    let edits = 0;
    while (performance.now() - began < seconds * 1000) {
      const firstDoc = (round * (perRound / 2)) % docPool;
      const clients: ClientSpec[] = Array.from({ length: perRound }, (_, i) => ({
        id: round * perRound + i,
        room: `${space}/churn-${String((firstDoc + (i % (perRound / 2))) % docPool)}`,
      }));
      const fleet = await connectFleet({
        root: context.root,
        urls: [relay.url],
        protocol: 'y-websocket',
        params,
        clients,
        docs: perRound / 2,
        drivers: 1,
      });
      try {
        const outcome = await fleet.step(perRound, 1_000, plan.drainMs);
        edits += outcome.sends.length;
      } finally {
        await fleet.close();
      }
      samples.push({ atMs: performance.now() - began, rssKiB: processMemory(pid).rssKiB });
      round += 1;
    }
    return { name: relay.name, rounds: round, edits, samples, peakKiB: relay.memory().peakKiB };
  } catch (error) {
    return { name: relay?.name ?? 'relay', failure: firstLine(error) };
  } finally {
    await relay?.stop();
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
