// SCIM provisioning at company scale: N people POSTed to /scim/v2/Users of
// a real relay (in this process, port 0, SQLite), 8 requests in flight as an
// IdP's provisioning cycle sends them, beside the same N entries through the
// `directory import` path (importPeople: same store, same audit entries, no
// HTTP) in the same run. RSS is this process's, relay included.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importPeople } from '../relay/directory/import.ts';
import { startRelay } from '../relay/server.ts';
import { SqliteSpaceStore } from '../relay/spaces/sqlite-store.ts';
import { ms, table } from './lib/markdown.ts';
import type { BenchModule } from './lib/types.ts';

const TOKEN = 'bench-scim-token-0123456789';
const IN_FLIGHT = 8;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const person = (i: number) => ({
  userName: `person${String(i)}@example.com`,
  name: `Person ${String(i)}`,
  department: `Department ${String(i % 40)}`,
});

async function viaScim(count: number): Promise<{ ms: number; rss: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'commonplace-scim-bench-'));
  const relay = await startRelay({
    port: 0,
    dataDir: dir,
    insecureOpenAccess: true,
    directory: { scimToken: TOKEN },
  });
  let rss = process.memoryUsage().rss;
  try {
    let next = 0;
    const t0 = performance.now();
    const worker = async (): Promise<void> => {
      while (next < count) {
        const p = person(next);
        next += 1;
        const response = await fetch(`${relay.httpUrl}/scim/v2/Users`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/scim+json' },
          body: JSON.stringify({
            schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
            userName: p.userName,
            displayName: p.name,
            'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': {
              department: p.department,
            },
          }),
        });
        await response.arrayBuffer();
        if (response.status !== 201) throw new Error(`SCIM answered ${String(response.status)}`);
        rss = Math.max(rss, process.memoryUsage().rss);
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    return { ms: performance.now() - t0, rss };
  } finally {
    await relay.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function viaImport(count: number): Promise<{ ms: number; rss: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'commonplace-import-bench-'));
  const store = new SqliteSpaceStore({ dataDir: dir });
  try {
    const rows = Array.from({ length: count }, (_, i) => person(i));
    const t0 = performance.now();
    await importPeople({ store, publishMembership: () => undefined, audit: () => undefined }, rows);
    return { ms: performance.now() - t0, rss: process.memoryUsage().rss };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const scimImport: BenchModule = {
  name: 'scim-import',
  title: 'SCIM: provisioning 20,000 people',
  run: async (context) => {
    const count = context.quick ? 2000 : 20_000;
    context.log(`scim-import: ${String(count)} people over SCIM`);
    const scim = await viaScim(count);
    context.log(`scim-import: ${String(count)} people through directory import`);
    const imported = await viaImport(count);
    return [
      `${String(count)} people, ${String(IN_FLIGHT)} SCIM requests in flight, SQLite.`,
      '',
      table(
        ['path', 'total', 'per person', 'people/s', 'RSS (peak)'],
        [
          [
            'SCIM POST /Users (relay, HTTP)',
            ms(scim.ms),
            ms(scim.ms / count),
            (count / (scim.ms / 1000)).toFixed(0),
            mb(scim.rss),
          ],
          [
            'directory import (same store, no HTTP)',
            ms(imported.ms),
            ms(imported.ms / count),
            (count / (imported.ms / 1000)).toFixed(0),
            mb(imported.rss),
          ],
        ],
      ),
      '',
      `SCIM / import: ${(scim.ms / imported.ms).toFixed(2)}×.`,
    ].join('\n');
  },
};
