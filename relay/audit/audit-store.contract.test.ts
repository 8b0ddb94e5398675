/**
 * The audit store's contract, run against SQLite and PostgreSQL: appends
 * chain, queries filter and page, exports are well-formed, verification
 * finds an entry changed or removed behind the relay's back, and retention
 * keeps the chain verifiable.
 */
import { expect, it } from 'vitest';
import { AuditEntrySchema } from '../../shared/admin-api.ts';
import { describeStores } from '../db/test-databases.ts';
import { GENESIS_HASH, verifyChain } from './chain.ts';
import { toCsv, toJsonLines } from './export.ts';
import type { AuditStore } from './types.ts';

const verify = (store: AuditStore) =>
  verifyChain(async (after, limit) => store.after(after, limit));

/** Ten entries: Ada and Grace alternating, spaces S1/S2, at 1000, 2000, … */
async function fill(store: AuditStore): Promise<void> {
  for (let i = 1; i <= 10; i++) {
    await store.append(
      {
        kind: i % 3 === 0 ? 'refused' : 'sign-in',
        actor: i % 2 === 0 ? 'grace' : 'ada',
        space: i <= 5 ? 'S1' : 'S2',
        target: i === 9 ? '=HYPERLINK("x")' : null,
        ip: '127.0.0.1',
        userAgent: 'test, "quoted"',
        detail: { n: i, why: i % 3 === 0 ? '=cmd' : null },
      },
      i * 1000,
    );
  }
}

describeStores('AuditStore', (h) => {
  const fresh = async (): Promise<AuditStore> => (await h.fresh()).audit;
  const reopen = async (): Promise<AuditStore> => (await h.reopen()).audit;
  const sql = (statement: string) => h.location.sql('audit.sqlite', statement);
  it('chains appends across a reopen and verifies them', async () => {
    const first = await fresh();
    expect(await verify(first)).toEqual({ ok: true, entries: 0, head: GENESIS_HASH });
    const a = await first.append({ kind: 'space.created', actor: 'ada', space: 'S' }, 5);
    expect(a).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, target: null, detail: {} });
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    await h.closeAll();
    const store = await reopen();
    const b = await store.append(
      {
        kind: 'member.set',
        actor: 'ada',
        space: 'S',
        target: 'grace',
        detail: { role: 'editor' },
      },
      6,
    );
    expect(b).toMatchObject({ seq: 2, prevHash: a.hash });
    expect(await verify(store)).toEqual({ ok: true, entries: 2, head: b.hash });
  });

  it('filters by person, space, kind and time, newest first, in pages', async () => {
    const store = await fresh();
    await fill(store);
    const seqs = async (filter: Parameters<AuditStore['query']>[0]) =>
      (await store.query(filter)).entries.map((e) => e.seq);
    expect(await seqs({ limit: 100 })).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(await seqs({ person: 'grace', limit: 100 })).toEqual([10, 8, 6, 4, 2]);
    expect(await seqs({ space: 'S1', kind: 'refused', limit: 100 })).toEqual([3]);
    expect(await seqs({ from: 4000, to: 7000, limit: 100 })).toEqual([6, 5, 4]);
    const page1 = await store.query({ person: 'ada', limit: 2 });
    expect(page1.entries.map((e) => e.seq)).toEqual([9, 7]);
    expect(page1.next).toBe(7);
    const page3 = await store.query({ person: 'ada', limit: 2, before: 3 });
    expect(page3).toMatchObject({ next: null });
    expect(page3.entries.map((e) => e.seq)).toEqual([1]);
    for (const entry of page1.entries) expect(AuditEntrySchema.safeParse(entry).success).toBe(true);
  });

  it('exports JSON Lines and CSV that read back', async () => {
    const store = await fresh();
    await fill(store);
    const { entries } = await store.query({ limit: 100 });
    const lines = toJsonLines(entries).trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines.map((l) => AuditEntrySchema.parse(JSON.parse(l)))).toEqual(entries);
    const csv = toCsv(entries).split('\r\n');
    expect(csv[0]).toBe('seq,at,time,kind,actor,space,target,ip,userAgent,detail,prevHash,hash');
    expect(csv).toHaveLength(12);
    // Quotes doubled; a formula-looking value defused.
    expect(csv[1]).toContain('"test, ""quoted"""');
    expect(csv.find((l) => l.startsWith('9,'))).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('names an entry changed in the database', async () => {
    const store = await fresh();
    await fill(store);
    // The UPDATE trigger stops an honest mistake; a determined intruder drops it.
    await expect(sql("UPDATE audit_log SET actor = 'mallory' WHERE seq = 4")).rejects.toThrow(
      /append-only/,
    );
    await sql(
      'DROP TRIGGER audit_no_update' + (h.backend.name === 'postgres' ? ' ON audit_log' : ''),
    );
    await sql("UPDATE audit_log SET actor = 'mallory' WHERE seq = 4");
    expect(await verify(store)).toMatchObject({
      ok: false,
      seq: 4,
      reason: 'content does not match its hash',
    });
  });

  it('names an entry removed from the middle, and a cut at the start', async () => {
    const store = await fresh();
    await fill(store);
    await sql('DELETE FROM audit_log WHERE seq = 6');
    expect(await verify(store)).toMatchObject({
      ok: false,
      seq: 6,
      reason: 'entry 6 is missing',
    });
    const other = await fresh();
    await fill(other);
    await sql('DELETE FROM audit_log WHERE seq <= 3');
    expect(await verify(other)).toMatchObject({ ok: false, seq: 3 });
  });

  it('purges old entries behind a checkpoint that keeps the chain verifiable', async () => {
    const store = await fresh();
    await fill(store);
    expect(await store.purge(4500, 20_000)).toBe(4);
    const { entries } = await store.query({ limit: 100 });
    expect(entries.map((e) => e.seq)).toEqual([11, 10, 9, 8, 7, 6, 5]);
    expect(entries[0]).toMatchObject({
      kind: 'audit.purged',
      detail: { throughSeq: 4, purged: 4 },
    });
    expect(await verify(store)).toMatchObject({ ok: true, entries: 7 });
    expect(await store.purge(1000, 21_000)).toBe(0);
    // Purging everything leaves the checkpoint, which still verifies.
    expect(await store.purge(30_000, 30_000)).toBe(7);
    expect(await verify(store)).toMatchObject({ ok: true, entries: 1 });
    await store.append({ kind: 'sign-in', actor: 'ada' }, 31_000);
    expect(await verify(store)).toMatchObject({ ok: true, entries: 2 });
    // Removing a kept entry after a purge is still caught.
    await sql('DELETE FROM audit_log WHERE seq = 12');
    expect(await verify(store)).toMatchObject({ ok: false, seq: 12 });
  });
});
