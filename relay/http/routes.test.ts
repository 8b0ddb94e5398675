import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../metrics.ts';
import { createHttpHandler } from './routes.ts';

let server: Server | null = null;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = null;
});

async function serve(): Promise<string> {
  const handler = createHttpHandler({
    version: '9.9.9',
    metrics: createMetrics(),
    gauges: () => ({ rooms: 2, connections: 3, uptimeSeconds: 4 }),
  });
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('relay HTTP routes', () => {
  it('GET /healthz answers 200 with the status JSON', async () => {
    const url = await serve();
    const res = await fetch(`${url}/healthz?x=1`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      version: '9.9.9',
      uptimeSeconds: 4,
      rooms: 2,
      connections: 3,
    });
  });

  it('answers unknown paths with a JSON 404 and other methods with 405', async () => {
    const url = await serve();
    const missing = await fetch(`${url}/api/nothing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'not found' });
    const post = await fetch(`${url}/healthz`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('GET /metrics answers in the Prometheus text format', async () => {
    const url = await serve();
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toContain('relay_rooms 2');
    expect(text).toContain('relay_updates_persisted_total 0');
  });
});
