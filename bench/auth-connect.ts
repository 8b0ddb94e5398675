// Bench 2: the cost of authentication at connection set-up. The
// time from opening a stock y-websocket client to its first completed sync,
// on a relay that verifies an access token (JWT signature against the dev
// IdP's JWKS, fetched once and cached by jose; then the space-membership
// lookup) beside the same relay with `insecureOpenAccess`, in the same run.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startDevIdp } from '../idp/dev-idp.ts';
import { obtainTokens } from '../idp/testing.ts';
import { startRelay, type RelayHandle } from '../relay/server.ts';
import { SpaceSchema } from '../shared/api.ts';
import { closeClient, connectClient } from './lib/clients.ts';
import { ms, table, times } from './lib/markdown.ts';
import { ratio, summarize, type Summary } from './lib/percentiles.ts';
import type { BenchModule } from './lib/types.ts';

const FULL = { connects: 400, warmup: 20 };
const QUICK = { connects: 40, warmup: 5 };
const TIMEOUT_MS = 10_000;

interface Target {
  readonly name: string;
  readonly relay: RelayHandle;
  readonly room: string;
  readonly params: Record<string, string>;
}

export const authConnect: BenchModule = {
  name: 'auth-connect',
  title: 'Connection set-up with authentication',
  run: async (context) => {
    const plan = context.quick ? QUICK : FULL;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'commonplace-bench-auth-'));
    const idp = await startDevIdp({ port: 0 });
    const relays: RelayHandle[] = [];
    try {
      const secure = await startRelay({
        port: 0,
        dataDir: path.join(dir, 'secure'),
        auth: { issuer: idp.issuer, audience: idp.audience },
      });
      relays.push(secure);
      const open = await startRelay({
        port: 0,
        dataDir: path.join(dir, 'open'),
        insecureOpenAccess: true,
      });
      relays.push(open);
      const { accessToken } = await obtainTokens(idp.issuer, 'emp-1001');
      const created = await fetch(`${secure.httpUrl}/api/spaces`, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Benchmark' }),
      });
      const space = SpaceSchema.parse(await created.json());
      const targets: Target[] = [
        { name: 'token', relay: secure, room: `${space.id}/note`, params: { token: accessToken } },
        { name: 'open', relay: open, room: 'bench/note', params: {} },
      ];
      const samples = new Map<string, number[]>(targets.map((t) => [t.name, []]));
      context.log(`auth-connect: ${plan.warmup} + ${plan.connects} connects per relay`);
      for (let i = 0; i < plan.warmup + plan.connects; i++) {
        // Alternate the order so drift favours neither.
        const order = i % 2 === 0 ? targets : [...targets].reverse();
        for (const target of order) {
          const t0 = performance.now();
          const client = await connectClient(
            target.relay.wsUrl,
            target.room,
            TIMEOUT_MS,
            target.params,
          );
          const elapsed = performance.now() - t0;
          closeClient(client);
          if (i >= plan.warmup) samples.get(target.name)?.push(elapsed);
        }
      }
      const token = summarize(samples.get('token') ?? []);
      const openFigures = summarize(samples.get('open') ?? []);
      return report(plan, token, openFigures);
    } finally {
      await Promise.all(relays.map((r) => r.close()));
      await idp.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

function report(plan: typeof FULL, token: Summary, open: Summary): string {
  return [
    'Time from opening a stock y-websocket client to its first completed sync (connect, ' +
      'upgrade, authentication, access, document load, sync step 1/2). **token** = the relay ' +
      'verifying an access token from the development IdP (ES256 JWT; JWKS discovered once and ' +
      'cached) and looking up the space membership; **open** = the same relay with ' +
      '`insecureOpenAccess` (no token, no membership). Ratio = token / open.',
    table(
      ['Relay', 'Connects', 'p50', 'p99', 'max', 'mean'],
      [
        ['token', String(token.count), ms(token.p50), ms(token.p99), ms(token.max), ms(token.mean)],
        ['open', String(open.count), ms(open.p50), ms(open.p99), ms(open.max), ms(open.mean)],
      ],
    ),
    table(
      ['', 'p50 ratio', 'p99 ratio'],
      [['token / open', times(ratio(token.p50, open.p50)), times(ratio(token.p99, open.p99))]],
    ),
    [
      '### Method',
      `- ${plan.warmup} warm-up + ${plan.connects} measured connects per relay, one at a time, alternating relays; each client disconnects before the next connects.`,
      '- Both relays run in the bench process (in-process `startRelay`, SQLite in a temporary directory), as do the clients, so the figures include client-side work equally for both.',
      '- The same access token for every connect: the signature is verified on each one; the person record is written once (unchanged profiles are not rewritten).',
    ].join('\n'),
  ].join('\n\n');
}
