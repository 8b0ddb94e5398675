/** Room dependencies for unit tests: real SQLite in a temp dir, a peer that records what it gets. */
import { DEFAULT_RELAY_LIMITS, type RelayLimits } from '../../shared/limits.ts';
import { InProcessFanout } from '../fanout/in-process.ts';
import { tempDataDir } from '../integration/helpers.ts';
import { silentLogger } from '../log.ts';
import { createMetrics } from '../metrics.ts';
import { SqliteStorage } from '../storage/sqlite.ts';
import type { DocStorage } from '../storage/types.ts';
import type { RoomDeps, RoomPeer } from './room.ts';

export function roomDeps(
  limits: Partial<RelayLimits> = {},
  wrap: (s: SqliteStorage) => DocStorage = (s) => s,
): { deps: RoomDeps; sqlite: SqliteStorage; cleanup: () => Promise<void> } {
  const data = tempDataDir();
  const sqlite = new SqliteStorage({ dataDir: data.dir });
  const deps: RoomDeps = {
    storage: wrap(sqlite),
    fanout: new InProcessFanout(),
    limits: { ...DEFAULT_RELAY_LIMITS, ...limits },
    log: silentLogger,
    metrics: createMetrics(),
  };
  return {
    deps,
    sqlite,
    // The directory goes only after the database is closed and its WAL folded in.
    cleanup: async () => {
      await sqlite.close();
      data.cleanup();
    },
  };
}

export interface RecordingPeer extends RoomPeer {
  readonly frames: Buffer[];
  readonly failures: number[];
}

export function recordingPeer(): RecordingPeer {
  const frames: Buffer[] = [];
  const failures: number[] = [];
  return {
    frames,
    failures,
    send: (frame) => frames.push(frame),
    fail: (code) => failures.push(code),
  };
}
