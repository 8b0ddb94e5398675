/**
 * The operators' port: `GET /healthz` (the process answers), `GET /readyz`
 * (it can serve: storage and Redis reachable, memory within budget) and
 * `GET /metrics` (Prometheus). Kept off the public port so that load figures
 * and internals are not served to the internet; bind it to a private
 * interface or firewall it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorMessage } from '../log.ts';

/** One readiness check: null when fine, else why not (no secrets, no content). */
export type ReadinessCheck = () => Promise<string | null>;

export interface AdminDeps {
  /** Named checks; `/readyz` is 200 only when every one passes. */
  readonly checks: Readonly<Record<string, ReadinessCheck>>;
  /** Prometheus text of every metric. */
  readonly metrics: () => Promise<string>;
  /** Longest a check may take before it counts as failed. */
  readonly checkTimeoutMs?: number;
}

export interface AdminServer {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

export interface ReadyReport {
  readonly ready: boolean;
  readonly checks: Record<string, string>;
}

function withTimeout(check: ReadinessCheck, ms: number): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => {
      resolve(`no answer within ${String(ms)} ms`);
    }, ms);
  });
  const run = check().catch((err: unknown) => errorMessage(err));
  return Promise.race([run, timeout]).finally(() => {
    clearTimeout(timer);
  });
}

/** Runs every check at once and reports each one. */
export async function readiness(deps: AdminDeps): Promise<ReadyReport> {
  const entries = Object.entries(deps.checks);
  const results = await Promise.all(
    entries.map(([, check]) => withTimeout(check, deps.checkTimeoutMs ?? 2000)),
  );
  const checks: Record<string, string> = {};
  entries.forEach(([name], i) => {
    checks[name] = results[i] ?? 'ok';
  });
  return { ready: results.every((r) => r === null), checks };
}

/** Starts the admin server on `host:port` (0 picks a free port). */
export async function startAdminServer(
  host: string,
  port: number,
  deps: AdminDeps,
): Promise<AdminServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    const send = (status: number, type: string, body: string): void => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const json = (status: number, body: unknown): void => {
      send(status, 'application/json; charset=utf-8', JSON.stringify(body));
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      json(405, { error: 'method not allowed' });
      return;
    }
    if (path === '/healthz') {
      json(200, { status: 'ok' });
      return;
    }
    if (path === '/readyz') {
      void readiness(deps).then((report) => {
        json(report.ready ? 200 : 503, report);
      });
      return;
    }
    if (path === '/metrics') {
      deps.metrics().then(
        (text) => {
          send(200, 'text/plain; version=0.0.4; charset=utf-8', text);
        },
        (err: unknown) => {
          json(500, { error: errorMessage(err) });
        },
      );
      return;
    }
    json(404, { error: 'not found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    port: bound,
    url: `http://${urlHost}:${String(bound)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
