/** What the relay tells its admin server: readiness checks and the metrics text. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fanout } from '../fanout/types.ts';
import { renderPrometheus, type Gauges, type Metrics } from '../metrics.ts';
import type { DocStorage } from '../storage/types.ts';
import type { ReadinessCheck } from './server.ts';

export interface ReadinessDeps {
  readonly storage: DocStorage;
  readonly fanout: Fanout;
  /** Why the documents in use leave no memory for another, or null (DocRegistry.outOfBudget). */
  readonly outOfMemoryBudget: () => string | null;
}

/** Storage answers, Redis (when used) is connected, the documents' memory budget has space. */
export function readinessChecks(deps: ReadinessDeps): Record<string, ReadinessCheck> {
  const checks: Record<string, ReadinessCheck> = {
    storage: async () => {
      await deps.storage.ping?.();
      return null;
    },
  };
  const { connected } = deps.fanout;
  if (connected !== undefined) {
    checks.redis = () =>
      Promise.resolve(deps.fanout.connected === true ? null : 'not connected to Redis');
  }
  // Estimated from document sizes, not resident memory: deterministic, and
  // it tracks exactly what refuses new documents with 4429.
  checks.memory = () => Promise.resolve(deps.outOfMemoryBudget());
  return checks;
}

/** Counters and gauges, then the latency histograms. */
export async function prometheusText(metrics: Metrics, gauges: Gauges): Promise<string> {
  return renderPrometheus(metrics, gauges) + (await metrics.timings.registry.metrics());
}

/** With an admin port, the public port no longer serves /metrics (load figures stay private). */
export function hidePublicMetrics(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    if (path === '/metrics') {
      res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: 'not found' }));
      return;
    }
    handler(req, res);
  };
}
