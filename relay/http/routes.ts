/**
 * The relay's HTTP side, on the same port as the WebSocket: `GET /healthz`
 * (JSON status) and `GET /metrics` (Prometheus text). Everything else is a
 * JSON 404. `/api/*` goes to the REST API (api.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderPrometheus, type Gauges, type Metrics } from '../metrics.ts';

export interface HttpDeps {
  readonly version: string;
  readonly metrics: Metrics;
  readonly gauges: () => Gauges;
  /** The REST API, for paths under `/api/`. */
  readonly api?: (req: IncomingMessage, res: ServerResponse, path: string) => void;
}

/** Body of `GET /healthz`. */
export interface HealthStatus {
  readonly status: 'ok';
  readonly version: string;
  readonly uptimeSeconds: number;
  readonly rooms: number;
  readonly connections: number;
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Builds the request handler for the relay's HTTP routes. */
export function createHttpHandler(
  deps: HttpDeps,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    if (deps.api !== undefined && (path === '/api' || path.startsWith('/api/'))) {
      deps.api(req, res, path);
      return;
    }
    const route = ROUTES[path];
    if (route === undefined) {
      sendJson(res, 404, { error: 'not found' });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'method not allowed' }, { allow: 'GET, HEAD' });
      return;
    }
    route(deps, res);
  };
}

type Route = (deps: HttpDeps, res: ServerResponse) => void;

const ROUTES: Readonly<Record<string, Route | undefined>> = {
  '/healthz': (deps, res) => {
    const { rooms, connections, uptimeSeconds } = deps.gauges();
    const body: HealthStatus = {
      status: 'ok',
      version: deps.version,
      uptimeSeconds,
      rooms,
      connections,
    };
    sendJson(res, 200, body);
  },
  '/metrics': (deps, res) => {
    const text = renderPrometheus(deps.metrics, deps.gauges());
    res.writeHead(200, {
      'content-type': 'text/plain; version=0.0.4; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'cache-control': 'no-store',
    });
    res.end(text);
  },
};
