// `npm run relay` as a process: JSON logs, the "listening" line with the real
// port, issuer and audience, /healthz, the embedded dev IdP when no --issuer
// is given, and SIGTERM → close sockets, flush, exit 0 with data kept.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SpaceSchema } from '../../shared/api.ts';
import { CloseCode } from '../../shared/wire.ts';
import { obtainTokens } from '../../idp/testing.ts';
import { SqliteStorage } from '../storage/sqlite.ts';
import { startDevIdp } from '../../idp/dev-idp.ts';
import { startCli as startCliProcess, type StartedCli } from './cli-process.ts';
import { connectClient, synced, tempDataDir, type TestClient } from './helpers.ts';

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));
const children: ChildProcess[] = [];
const clients: TestClient[] = [];
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function startCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<StartedCli> {
  return startCliProcess(CLI, args, children, env);
}

describe('relay CLI', () => {
  it('listens on a real port, answers /healthz, and on SIGTERM closes with 1001, flushes and exits 0', async () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    const { child, url, lines } = await startCli([
      '--port',
      '0',
      '--data',
      data.dir,
      '--idp-port',
      '0',
    ]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toMatch(/:0$/);
    // No --issuer: the embedded development IdP runs, and the line names it.
    const listening = lines.find((l) => l.msg === 'listening');
    expect(listening).toMatchObject({ audience: 'urn:commonplace:relay' });
    const issuer = String(listening?.issuer);
    expect(issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${issuer}/.well-known/openid-configuration`)).status).toBe(200);

    // Secure by default: no token, no document.
    expect((await fetch(`${url}/api/spaces`)).status).toBe(401);
    const { accessToken } = await obtainTokens(issuer, 'emp-1001');
    const created = await fetch(`${url}/api/spaces`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Team' }),
    });
    expect(created.status).toBe(201);
    const space = SpaceSchema.parse(await created.json());
    const room = `${space.id}/notes`;

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', rooms: 0, connections: 0 });

    const wsUrl = url.replace(/^http/, 'ws');
    const alice = connectClient(wsUrl, room, { token: accessToken });
    const bob = connectClient(wsUrl, room, { token: accessToken });
    clients.push(alice, bob);
    await Promise.all([synced(alice), synced(bob)]);
    alice.text.insert(0, 'survives SIGTERM');
    await expect.poll(() => bob.text.toJSON()).toBe('survives SIGTERM');

    const closes: number[] = [];
    bob.provider.on('connection-close', (event) => {
      if (event !== null) closes.push(event.code);
    });
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(closes).toContain(CloseCode.ServerShuttingDown);
    expect(lines.map((l) => l.msg)).toContain('relay stopped');
    expect(JSON.stringify(lines)).not.toContain('survives SIGTERM');
    expect(JSON.stringify(lines)).not.toContain(accessToken);

    const storage = new SqliteStorage({ dataDir: data.dir });
    const doc = new Y.Doc();
    for (const update of storage.loadDoc(room).updates) Y.applyUpdate(doc, update);
    await storage.close();
    expect(doc.getText('body').toJSON()).toBe('survives SIGTERM');
  });

  it('reads RELAY_PORT, RELAY_HOST and RELAY_DATA from the environment', async () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    const issuer = await startDevIdp({ port: 0 });
    cleanups.push(() => void issuer.close());
    const { child, url, lines } = await startCli([], {
      RELAY_PORT: '0',
      RELAY_HOST: '127.0.0.1',
      RELAY_DATA: data.dir,
      RELAY_ISSUER: issuer.issuer,
      RELAY_AUDIENCE: issuer.audience,
      RELAY_ALLOWED_DOMAINS: 'example.com',
      RELAY_CORS_ORIGINS: 'https://app.example.com',
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    // An external issuer: the embedded IdP never runs.
    expect(lines.map((l) => l.msg)).not.toContain(
      'development IdP running; pass --issuer to use your own',
    );
    expect(lines.find((l) => l.msg === 'listening')).toMatchObject({
      issuer: issuer.issuer,
      audience: issuer.audience,
    });
    const { accessToken } = await obtainTokens(issuer.issuer, 'emp-1001');
    const me = await fetch(`${url}/api/me`, {
      headers: { authorization: `Bearer ${accessToken}`, origin: 'https://app.example.com' },
    });
    expect(me.status).toBe(200);
    expect(me.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    child.kill('SIGINT');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it('applies --max-file-bytes, --space-file-quota, --snapshot-interval and --max-snapshots', async () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    const { url, lines } = await startCli(
      ['--port', '0', '--data', data.dir, '--idp-port', '0', '--max-file-bytes', '100'],
      { RELAY_SNAPSHOT_INTERVAL: '60', RELAY_MAX_SNAPSHOTS: '3', RELAY_SPACE_FILE_QUOTA: '100' },
    );
    const listening = lines.find((l) => l.msg === 'listening');
    expect(listening).toMatchObject({
      maxFileBytes: 100,
      spaceFileQuotaBytes: 100,
      snapshotIntervalMs: 60_000,
      maxSnapshotsPerDoc: 3,
    });
    const { accessToken } = await obtainTokens(String(listening?.issuer), 'emp-1001');
    const authorization = `Bearer ${accessToken}`;
    const created = await fetch(`${url}/api/spaces`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Team' }),
    });
    const space = SpaceSchema.parse(await created.json());
    const upload = (bytes: Uint8Array) =>
      fetch(`${url}/api/spaces/${space.id}/files`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'image/png' },
        body: bytes,
      });
    // A 1×1 PNG (67 bytes) fits; the same with 40 bytes appended does not.
    const png = Uint8Array.from(
      atob(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      ),
      (c) => c.charCodeAt(0),
    );
    expect((await upload(png)).status).toBe(201);
    const padded = new Uint8Array(png.byteLength + 40);
    padded.set(png);
    const tooLarge = await upload(padded);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.text()).toContain('payload_too_large');
    // A second, different image would pass the 100-byte quota; the first again costs nothing.
    const overQuota = await upload(padded.subarray(0, png.byteLength + 1));
    expect(overQuota.status).toBe(413);
    expect(await overQuota.text()).toContain('quota_exceeded');
    expect((await upload(png)).status).toBe(201);
  });

  it('rejects a bad flag with exit code 2 and a message', async () => {
    const child = spawn(process.execPath, [CLI, '--port', 'eighty'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(stderr).toContain('port must be an integer');
  });
});
