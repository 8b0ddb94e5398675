// `npm run relay -- audit verify` as operators run it: a child process over
// a real data directory or PostgreSQL database, exit 0 when the chain is
// intact and 1 naming the first broken entry after a row is changed behind
// the relay's back.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStores } from '../db/stores.ts';
import { postgresUnavailable, startTestPostgres, type TestPostgres } from '../db/test-postgres.ts';
import { tempDataDir } from '../integration/helpers.ts';
import { SqliteAuditStore } from './sqlite-audit-store.ts';
import type { AuditStore } from './types.ts';

const CLI = join(import.meta.dirname, '..', 'cli.ts');

function runVerify(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, 'audit', 'verify', ...args], (error, stdout) => {
      resolve({ code: error === null ? 0 : Number(error.code), stdout });
    });
  });
}

async function fill(store: AuditStore): Promise<void> {
  for (let i = 1; i <= 5; i++) await store.append({ kind: 'sign-in', actor: `p${String(i)}` }, i);
}

describe('relay audit verify', () => {
  const cleanups: (() => void)[] = [];
  afterAll(() => {
    for (const cleanup of cleanups) cleanup();
  });

  it('checks a data directory: 0 when intact, 1 naming a changed entry, 2 on bad usage', async () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    const store = new SqliteAuditStore({ dataDir: data.dir });
    await fill(store);
    store.close();
    const intact = await runVerify(['--data', data.dir]);
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.stdout).toMatch(/intact: 5 entries, head [0-9a-f]{64}/);

    const db = new DatabaseSync(join(data.dir, 'audit.sqlite'));
    db.exec("DROP TRIGGER audit_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 3");
    db.close();
    const broken = await runVerify(['--data', data.dir]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('BROKEN at entry 3');

    expect((await runVerify(['--nonsense'])).code).toBe(2);
  });

  const pgSuite = postgresUnavailable() === null ? it : it.skip;
  pgSuite(
    'checks a PostgreSQL database the same way',
    async () => {
      const server: TestPostgres = await startTestPostgres();
      try {
        const url = await server.createDatabase();
        const stores = await openPostgresStores(url);
        await fill(stores.audit);
        await stores.close();
        expect((await runVerify(['--database', url])).code).toBe(0);
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query('DELETE FROM audit_log WHERE seq = 2');
        await client.end();
        const broken = await runVerify(['--database', url]);
        expect(broken.code).toBe(1);
        expect(broken.stdout).toContain('BROKEN at entry 2');
      } finally {
        await server.stop();
      }
    },
    60_000,
  );
});
