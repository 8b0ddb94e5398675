/**
 * Test helper: runs the reference nginx configuration (docs/nginx-relay.conf)
 * in front of relay nodes on loopback, with the upstream addresses, the
 * listen line and the TLS certificates swapped for local ones; everything
 * else is the file operators deploy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../db/test-postgres.ts';

export const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';

/** Why nginx tests cannot run here, or null when they can. */
export function nginxUnavailable(): string | null {
  return existsSync(NGINX) ? null : `no nginx binary at ${NGINX}`;
}

const REFERENCE = new URL('../../docs/nginx-relay.conf', import.meta.url);

/** The reference configuration pointed at `upstreams`, listening on loopback `port` without TLS. */
export function localNginxConfig(upstreams: readonly number[], port: number): string {
  const reference = readFileSync(REFERENCE, 'utf8');
  const servers = upstreams
    .map((p) => `    server 127.0.0.1:${String(p)} max_fails=1 fail_timeout=5s;`)
    .join('\n');
  const local = reference
    .replace(/^\s*server relay-a\.internal.*$\n(^\s*server relay-b\.internal.*$)/m, servers)
    .replace(/^\s*listen 443 ssl;$/m, `    listen 127.0.0.1:${String(port)};`)
    .replace(/^\s*ssl_.*$\n/gm, '');
  if (local.includes('relay-a.internal') || local.includes('listen 443')) {
    throw new Error('docs/nginx-relay.conf changed shape: update the test helper');
  }
  return local;
}

export interface TestNginx {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts nginx in the foreground in front of `upstreams` (relay ports). */
export async function startTestNginx(upstreams: readonly number[]): Promise<TestNginx> {
  const dir = mkdtempSync(join(tmpdir(), 'commonplace-nginx-'));
  const port = await freePort();
  writeFileSync(join(dir, 'relay.conf'), localNginxConfig(upstreams, port));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `  ${kind}_temp_path ${join(dir, kind)};`)
    .join('\n');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes 1;
daemon off;
pid ${join(dir, 'nginx.pid')};
error_log stderr warn;
events { worker_connections 256; }
http {
  access_log off;
${temp}
  include ${join(dir, 'relay.conf')};
}
`,
  );
  let output = '';
  const server: ChildProcess = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer): void => {
    output += chunk.toString();
  };
  server.stdout?.on('data', collect);
  server.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => {
    server.once('exit', () => {
      resolve();
    });
  });
  const url = `http://127.0.0.1:${String(port)}`;
  for (let attempt = 0; ; attempt++) {
    if (server.exitCode !== null || attempt > 200)
      throw new Error(`nginx did not start: ${output}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    async stop() {
      if (server.exitCode === null) server.kill('SIGQUIT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
