/**
 * Group commit on SQLite specifically: the appends of one turn are one
 * transaction (seen in the WAL: a batch writes each touched page once), and a
 * relay process killed at any instant has lost no update it acknowledged.
 * The contract (contract.test.ts) and the ordering of rooms
 * (group-commit.test.ts) run on SQLite too.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../integration/helpers.ts';
import { groupCommit } from './group-commit.ts';
import { SQLITE_FILE, SqliteStorage } from './sqlite.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
function dir(): string {
  const d = tempDataDir();
  cleanups.push(d.cleanup);
  return d.dir;
}

/** A store whose checkpoints wait, so the WAL keeps every frame the test wrote. */
function quietStore(dataDir: string): SqliteStorage {
  return new SqliteStorage({
    dataDir,
    checkpointSchedule: { idleMs: 60_000, maxDelayMs: 60_000, maxWrites: 1e9, maxBytes: 1e12 },
  });
}

/**
 * Frames in the WAL of `dataDir`, read from a second connection. It also
 * checkpoints them all, so the next commit starts the WAL over: the next
 * call counts exactly the frames written in between.
 */
function walFrames(dataDir: string): number {
  const db = new DatabaseSync(join(dataDir, SQLITE_FILE));
  try {
    const row = db.prepare('PRAGMA wal_checkpoint(PASSIVE)').get();
    return Number(row?.log);
  } finally {
    db.close();
  }
}

/** Update n: its number as four bytes (as test-crash-writer.ts writes them). */
function payload(n: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, n);
  return bytes;
}

const N = 60;
const meta = (n: number) => ({ stateVector: payload(n), by: 'ada', at: n });

describe('group commit on SQLite', () => {
  it('commits N appends queued in one turn as one transaction', async () => {
    const batchedDir = dir();
    const batches: number[] = [];
    const batched = groupCommit(quietStore(batchedDir), (size) => batches.push(size));
    walFrames(batchedDir);
    const seqs = await Promise.all(
      Array.from({ length: N }, (_, n) =>
        Promise.resolve(batched.appendUpdate(`s/${String(n % 3)}`, payload(n), meta(n))),
      ),
    );
    expect(batches).toEqual([N]);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    const batchedFrames = walFrames(batchedDir);

    const aloneDir = dir();
    const alone = quietStore(aloneDir);
    walFrames(aloneDir);
    for (let n = 0; n < N; n++) alone.appendUpdate(`s/${String(n % 3)}`, payload(n), meta(n));
    const aloneFrames = walFrames(aloneDir);

    // Each commit writes every page it touched (update table and index, marker):
    // 60 commits wrote 186 frames when this was written, one commit 5.
    expect(aloneFrames).toBeGreaterThanOrEqual(N);
    expect(batchedFrames).toBeGreaterThan(0);
    expect(batchedFrames).toBeLessThan(10);
    expect((await batched.loadDoc('s/0')).updates).toHaveLength(N / 3);
    await Promise.all([batched.close(), alone.close()]);
  });

  it('loses no acknowledged update when the process is killed mid-stream', async () => {
    const dataDir = dir();
    const script = join(import.meta.dirname, 'test-crash-writer.ts');
    const child = spawn(process.execPath, [script, dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acked: { room: string; n: number }[] = [];
    const exited = new Promise<NodeJS.Signals | null>((resolve) => {
      child.once('exit', (_code, signal) => {
        resolve(signal);
      });
    });
    // The kill lands while the writer is queueing and committing further batches.
    for await (const line of createInterface({ input: child.stdout })) {
      const [room, n] = line.split(' ');
      if (room !== undefined && n !== undefined) acked.push({ room, n: Number(n) });
      if (acked.length === 500) child.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');
    expect(acked.length).toBeGreaterThanOrEqual(500);

    const reopened = new SqliteStorage({ dataDir });
    const stored = new Map<string, Set<number>>();
    for (const room of new Set(acked.map((a) => a.room))) {
      const numbers = reopened
        .loadDoc(room)
        .updates.map((u) => new DataView(u.buffer, u.byteOffset).getUint32(0));
      stored.set(room, new Set(numbers));
    }
    const lost = acked.filter((a) => stored.get(a.room)?.has(a.n) !== true);
    expect(lost).toEqual([]);
    await reopened.close();
  });
});
