// GET /healthz and the JSON 404, served on the WebSocket's port.
import { afterEach, describe, expect, it } from 'vitest';
import type { RelayHandle } from '../server.ts';
import { connectClient, startTestRelay, synced, tempDataDir, type TestClient } from './helpers.ts';

let relay: RelayHandle;
let cleanup: () => void;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await relay.close();
  cleanup();
});

describe('relay HTTP', () => {
  it('reports status, version, uptime, rooms and connections on /healthz', async () => {
    const data = tempDataDir();
    cleanup = data.cleanup;
    relay = await startTestRelay(data.dir);
    const client = connectClient(relay.wsUrl, 'team/notes');
    clients.push(client);
    await synced(client);
    const res = await fetch(`${relay.httpUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok', rooms: 1, connections: 1 });
    expect(typeof body.version).toBe('string');
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it('answers other paths with a JSON 404 and exposes /metrics', async () => {
    const data = tempDataDir();
    cleanup = data.cleanup;
    relay = await startTestRelay(data.dir);
    const res = await fetch(`${relay.httpUrl}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not found' });
    const metrics = await fetch(`${relay.httpUrl}/metrics`);
    expect(await metrics.text()).toContain('relay_connections 0');
  });
});
