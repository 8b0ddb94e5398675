// The audit writer: entries recorded without awaiting land in order, a
// failing store never throws at the caller, and the retention purges old
// entries behind a checkpoint so the chain still verifies.
import { afterEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../integration/helpers.ts';
import { silentLogger } from '../log.ts';
import { Auditor } from './auditor.ts';
import { SqliteAuditStore } from './sqlite-audit-store.ts';
import type { AuditStore } from './types.ts';

const DAY = 24 * 60 * 60 * 1000;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function sqliteStore(): SqliteAuditStore {
  const data = tempDataDir();
  const store = new SqliteAuditStore({ dataDir: data.dir });
  cleanups.push(() => {
    store.close();
    data.cleanup();
  });
  return store;
}

describe('Auditor', () => {
  it('stores entries in the order recorded, stamped by its clock', async () => {
    const store = sqliteStore();
    let now = 1000;
    const auditor = new Auditor({
      store,
      now: () => now++,
      log: silentLogger,
      retentionMs: null,
      purgeIntervalMs: DAY,
    });
    for (const actor of ['a', 'b', 'c']) auditor.record({ kind: 'sign-in', actor });
    await auditor.flush();
    const { entries } = store.query({ limit: 10 });
    expect(entries.map((e) => [e.seq, e.actor, e.at])).toEqual([
      [3, 'c', 1002],
      [2, 'b', 1001],
      [1, 'a', 1000],
    ]);
    expect(await auditor.verify()).toMatchObject({ ok: true, entries: 3 });
    expect(await auditor.purgeNow()).toBe(0);
    await auditor.close();
  });

  it('logs a failed append and carries on with the next', async () => {
    const store = sqliteStore();
    const errors: string[] = [];
    let fail = true;
    const flaky: AuditStore = {
      append: (input, at) => {
        if (fail) {
          fail = false;
          throw new Error('disk full');
        }
        return store.append(input, at);
      },
      query: (f) => store.query(f),
      after: (s, l) => store.after(s, l),
      purge: (b, a) => store.purge(b, a),
      close: () => undefined,
    };
    const auditor = new Auditor({
      store: flaky,
      now: () => 1,
      log: {
        ...silentLogger,
        error: (msg: string) => {
          errors.push(msg);
        },
      },
      retentionMs: null,
      purgeIntervalMs: DAY,
    });
    expect(() => {
      auditor.record({ kind: 'sign-in', actor: 'lost' });
    }).not.toThrow();
    auditor.record({ kind: 'sign-in', actor: 'kept' });
    await auditor.flush();
    expect(errors).toEqual(['audit append failed']);
    expect(store.query({ limit: 10 }).entries.map((e) => e.actor)).toEqual(['kept']);
  });

  it('purges entries past the retention behind a checkpoint that verifies', async () => {
    const store = sqliteStore();
    let now = 0;
    const auditor = new Auditor({
      store,
      now: () => now,
      log: silentLogger,
      retentionMs: 30 * DAY,
      purgeIntervalMs: DAY,
    });
    for (let day = 0; day < 40; day += 10) {
      now = day * DAY;
      auditor.record({ kind: 'sign-in', actor: `day-${String(day)}` });
    }
    now = 45 * DAY;
    // Days 0 and 10 are older than 30 days; days 20 and 30 stay.
    expect(await auditor.purgeNow()).toBe(2);
    const { entries } = store.query({ limit: 10 });
    expect(entries.map((e) => e.actor ?? e.kind)).toEqual(['audit.purged', 'day-30', 'day-20']);
    expect(await auditor.verify()).toMatchObject({ ok: true, entries: 3 });
    await auditor.close();
  });
});
