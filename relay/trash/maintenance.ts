/**
 * The relay's background clean-up, one job on one timer: spaces whose time
 * in the trash (`trashRetentionMs`) is over are purged with everything they
 * stored (documents, versions, files, memberships); trashed files likewise;
 * and images that no document and no kept version of their space refers to
 * are deleted once they have been unreferenced for `fileGraceMs`, so a
 * space's quota counts only what it really keeps. Runs never overlap, and a
 * failure is logged and retried on the next tick: nothing here is urgent.
 */
import type { Logger } from '../log.ts';
import { errorMessage } from '../log.ts';
import type { FileStore } from '../files/types.ts';
import type { NoteHistory } from '../history/history.ts';
import type { SpaceStore } from '../spaces/types.ts';
import type { DocStorage } from '../storage/types.ts';
import type { RetentionReport } from '../legal/retention-job.ts';
import type { LegalService } from '../legal/service.ts';
import { documentStates, referencedIn } from './file-references.ts';

export interface MaintenanceDeps {
  readonly store: SpaceStore;
  readonly files: FileStore;
  readonly history: Pick<NoteHistory, 'spaceStates' | 'purgeSpace'>;
  readonly storage: DocStorage;
  readonly trashRetentionMs: number;
  readonly fileGraceMs: number;
  /** Retention and legal holds: a held space is never purged; retention runs with the job. */
  readonly legal?: Pick<LegalService, 'runRetention' | 'spaceHeld'>;
  /** Epoch milliseconds (tests inject a clock). */
  readonly now: () => number;
  readonly log: Logger;
}

/** What one run did. */
export interface MaintenanceReport {
  readonly spacesPurged: readonly string[];
  readonly filesPurged: number;
  readonly imagesCollected: number;
  /** What retention did (relay/legal), null without it. */
  readonly retention?: RetentionReport | null;
}

async function purgeExpiredSpaces(deps: MaintenanceDeps, before: number): Promise<string[]> {
  const purged: string[] = [];
  for (const spaceId of await deps.store.trashedBefore(before)) {
    if ((await deps.legal?.spaceHeld(spaceId)) === true) continue;
    // Contents first: a crash midway leaves a trashed space to purge again, never orphans.
    await deps.storage.deleteSpace?.(spaceId);
    await deps.history.purgeSpace(spaceId);
    await deps.files.purgeSpace(spaceId);
    if (await deps.store.purgeSpace(spaceId)) purged.push(spaceId);
  }
  return purged;
}

async function collectImages(deps: MaintenanceDeps, now: number): Promise<number> {
  let collected = 0;
  for (const spaceId of await deps.files.spacesWithFiles()) {
    // A trashed space keeps its files whole until it is restored or purged.
    if ((await deps.store.getSpace(spaceId)) === null) continue;
    const live = (await deps.files.list(spaceId))
      .filter((f) => f.deletedAt === null)
      .map((f) => f.fileId);
    if (live.length === 0) continue;
    const states: Uint8Array[] = [];
    for await (const state of documentStates(deps.storage, spaceId, deps.log)) states.push(state);
    for await (const state of deps.history.spaceStates(spaceId)) states.push(state);
    const referenced = referencedIn(live, states);
    const deleted = await deps.files.collect(spaceId, referenced, now, deps.fileGraceMs);
    if (deleted.length > 0) {
      deps.log.info('unreferenced images collected', { spaceId, files: deleted.length });
    }
    collected += deleted.length;
  }
  return collected;
}

/** One run of the clean-up at `deps.now()`. */
export async function runMaintenance(deps: MaintenanceDeps): Promise<MaintenanceReport> {
  const now = deps.now();
  const before = now - deps.trashRetentionMs;
  const spacesPurged = await purgeExpiredSpaces(deps, before);
  const filesPurged = await deps.files.purgeTrashed(before);
  const imagesCollected = await collectImages(deps, now);
  const retention = (await deps.legal?.runRetention()) ?? null;
  return { spacesPurged, filesPurged, imagesCollected, retention };
}

/** The job on its timer; `runNow` runs it at once (after a run in progress). */
export class MaintenanceJob {
  readonly #deps: MaintenanceDeps;
  readonly #timer: NodeJS.Timeout;
  #running: Promise<MaintenanceReport> | null = null;
  #closed = false;

  constructor(deps: MaintenanceDeps, intervalMs: number) {
    this.#deps = deps;
    this.#timer = setInterval(() => {
      this.runNow().catch((err: unknown) => {
        deps.log.error('maintenance failed', { error: errorMessage(err) });
      });
    }, intervalMs);
    this.#timer.unref();
  }

  /** Runs the clean-up now; a run already going is waited for first, so runs never overlap. */
  async runNow(): Promise<MaintenanceReport> {
    while (this.#running !== null) await this.#running.catch(() => undefined);
    if (this.#closed) return { spacesPurged: [], filesPurged: 0, imagesCollected: 0 };
    const run = runMaintenance(this.#deps);
    this.#running = run;
    try {
      return await run;
    } finally {
      this.#running = null;
    }
  }

  /** Stops the timer and waits for a run in progress. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#timer);
    await this.#running?.catch(() => undefined);
  }
}
