// The production build of the relay (vite.relay.config.ts), which `npm run
// relay` and the benchmarks run: built here from the current sources, then
// run as a process. It must behave as `node relay/cli.ts` does: the lazily
// imported development IdP chunk resolves beside the built file, the version
// is carried inside, and tokens from an external issuer are verified.
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDevIdp } from '../../idp/dev-idp.ts';
import { obtainTokens } from '../../idp/testing.ts';
import packageJson from '../../package.json' with { type: 'json' };
import { startCli } from './cli-process.ts';
import { tempDataDir } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const children: ChildProcess[] = [];
const cleanups: (() => void | Promise<void>)[] = [];
let outDir = '';
let cli = '';

beforeAll(async () => {
  // Its own output directory inside the project (so the build's bare imports
  // resolve to node_modules), never out/relay/: a bench or another test may be
  // running that one.
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  outDir = mkdtempSync(join(ROOT, 'out', 'relay-test-'));
  await build({
    configFile: join(ROOT, 'vite.relay.config.ts'),
    logLevel: 'warn',
    build: { outDir },
  });
  cli = join(outDir, 'cli.js');
}, 60_000);

afterAll(() => {
  if (outDir !== '') rmSync(outDir, { recursive: true, force: true });
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('built relay (out/relay/cli.js)', () => {
  it('is plain JavaScript that imports the development IdP only on demand', () => {
    const source = readFileSync(cli, 'utf8');
    expect(source).not.toMatch(/from ["']oidc-provider["']/);
    expect(source).toMatch(/import\(["']\.\/dev-idp-[\w-]+\.js["']\)/);
  });

  it('verifies tokens of an external issuer and reports the package version', async () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    const idp = await startDevIdp({ port: 0 });
    cleanups.push(() => idp.close());
    const { child, url, lines } = await startCli(
      cli,
      ['--port', '0', '--data', data.dir, '--issuer', idp.issuer, '--audience', idp.audience],
      children,
    );
    expect(lines.find((l) => l['msg'] === 'listening')).toMatchObject({ issuer: idp.issuer });
    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toMatchObject({ status: 'ok', version: packageJson.version });
    expect((await fetch(`${url}/api/me`)).status).toBe(401);
    const { accessToken } = await obtainTokens(idp.issuer, 'emp-1001');
    const me = await fetch(`${url}/api/me`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(me.status).toBe(200);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it('starts its embedded development IdP without --issuer', async () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    const { child, lines } = await startCli(
      cli,
      ['--port', '0', '--data', data.dir, '--idp-port', '0'],
      children,
    );
    const issuer = String(lines.find((l) => l['msg'] === 'listening')?.['issuer']);
    expect(issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${issuer}/.well-known/openid-configuration`)).status).toBe(200);
    child.kill('SIGINT');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });
});
