// The trace push of the scale-out benchmark: one person replays the whole
// editing trace into one note as fast as the relay takes it while everyone
// else works at the steady rate. The same node, the same clients and the
// same rate without the push are the peer, measured first in the same run.
import { existsSync } from 'node:fs';
import { connectFleet, receiversOf } from './fleet.ts';
import { aggregate, spreadClients } from './load-plan.ts';
import { eventLoopDelayP99Ms, peakSampler, walBytes } from './node-probes.ts';
import { startOurNodes, type NodeSet } from './relay-nodes.ts';
import type { PushRun, ScalePlan } from './scale-report.ts';
import { pushTrace } from './trace-pusher.ts';
import { readTrace, syntheticStream, traceStream, type KeystrokeStream } from './trace.ts';
import type { BenchContext } from './types.ts';

async function keystrokes(context: BenchContext, length: number): Promise<KeystrokeStream> {
  if (!existsSync(context.tracePath)) {
    context.log(`trace ${context.tracePath} not found: using a synthetic keystroke stream`);
    return syntheticStream(length);
  }
  const trace = await readTrace(context.tracePath);
  const all = trace.txns.reduce((sum, txn) => sum + txn.patches.length, 0);
  return traceStream(trace, 0, Math.min(length, all));
}

export async function measurePush(context: BenchContext, plan: ScalePlan): Promise<PushRun[]> {
  const { docs, clients: count, rate, drivers } = plan.shapes;
  const stream = await keystrokes(context, plan.push.patches);
  let set: NodeSet | undefined;
  try {
    set = await startOurNodes(context.root, {
      name: 'push',
      count: 1,
      extraArgs: ['--max-connections-per-person', String(count + 100)],
    });
    const node = set;
    const adminUrl = node.adminUrls[0] ?? '';
    const clients = spreadClients(count, docs, (doc) => `${node.space}/push-${String(doc)}`);
    const params = await node.params();
    const fleet = await connectFleet({
      root: context.root,
      urls: node.nodes.map((n) => n.url),
      protocol: 'y-websocket',
      params,
      clients,
      docs,
      drivers,
    });
    const runs: PushRun[] = [];
    try {
      await fleet.step(rate, plan.warmupSeconds * 1000, plan.drainMs);
      for (const withPush of [false, true]) {
        context.log(`scale: ${withPush ? 'with' : 'without'} the trace push`);
        await eventLoopDelayP99Ms(adminUrl); // restarts the node's delay window
        const wal = peakSampler(() => walBytes(node.dataDirs), 200);
        let stepOver = false;
        const pushing = withPush
          ? pushTrace({
              url: node.nodes[0]?.url ?? '',
              room: `${node.space}/trace`,
              params,
              stream,
              until: () => stepOver,
            })
          : Promise.resolve({ sent: 0, finished: true, ms: 0 });
        const outcome = await fleet.step(rate, plan.push.seconds * 1000, plan.drainMs);
        stepOver = true;
        const pushed = await pushing;
        const figures = aggregate(outcome.sends, outcome.receipts, receiversOf(clients));
        runs.push({
          name: withPush ? `others + trace push` : 'others only',
          figures,
          eventLoopP99Ms: await eventLoopDelayP99Ms(adminUrl),
          walPeakBytes: wal.stop(),
          pushed: pushed.sent,
          pushFinished: pushed.finished,
          pushSeconds: pushed.ms / 1000,
          lagMs: outcome.lagMs,
        });
      }
    } finally {
      await fleet.close();
    }
    return runs;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [{ name: 'trace push', failure: message.split('\n')[0] ?? message }];
  } finally {
    await set?.stop();
  }
}
