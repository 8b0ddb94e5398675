/**
 * The legal module as the relay uses it: the REST routes' operations
 * (retention settings, holds, export), the retention run for the
 * maintenance job, the edit journal on the write path, and the access check
 * that keeps purged notes purged.
 */
import { randomBytes } from 'node:crypto';
import {
  holdActive,
  type HoldScope,
  type LegalHold,
  type RetentionPolicy,
  type RetentionSettings,
} from '../../shared/legal-api.ts';
import type { Authorizer } from '../pipeline/auth.ts';
import { refuse } from '../pipeline/types.ts';
import { CloseCode } from '../../shared/wire.ts';
import { exportHold, type ExportDeps } from './ediscovery.ts';
import { EditJournal } from './journal.ts';
import { RetentionJob, type RetentionDeps, type RetentionReport } from './retention-job.ts';
import type { LegalStore } from './types.ts';

/** Why a hold cannot be exported or released. */
export class HoldStateError extends Error {
  override readonly name = 'HoldStateError';
}

export type LegalDeps = Omit<RetentionDeps, 'flushJournal' | 'store'> &
  Omit<ExportDeps, 'flushJournal' | 'store'>;

export class LegalService {
  readonly store: LegalStore;
  readonly journal: EditJournal;
  readonly #deps: LegalDeps;
  readonly #retention: RetentionJob;

  constructor(store: LegalStore, deps: LegalDeps) {
    this.store = store;
    this.#deps = deps;
    this.journal = new EditJournal(store, deps.log, deps.now);
    this.#retention = new RetentionJob({
      ...deps,
      store,
      flushJournal: () => this.journal.flush(),
    });
  }

  async settings(): Promise<RetentionSettings> {
    return { company: await this.store.companyPolicy(), spaces: await this.store.spacePolicies() };
  }

  async setCompany(policy: RetentionPolicy): Promise<RetentionSettings> {
    await this.store.setCompanyPolicy(policy);
    return this.settings();
  }

  async setSpace(spaceId: string, policy: RetentionPolicy): Promise<RetentionSettings> {
    await this.store.setSpacePolicy(spaceId, policy);
    return this.settings();
  }

  holds(): Promise<LegalHold[]> {
    return this.store.holds();
  }

  async createHold(caseName: string, scope: HoldScope, by: string): Promise<LegalHold> {
    const hold: LegalHold = {
      id: randomBytes(12).toString('base64url'),
      caseName,
      scope,
      createdBy: by,
      createdAt: this.#deps.now(),
      releasedBy: null,
      releasedAt: null,
    };
    await this.store.insertHold(hold);
    return hold;
  }

  /** Null for an unknown hold; HoldStateError for one already released. */
  async releaseHold(id: string, by: string): Promise<LegalHold | null> {
    const before = (await this.store.holds()).find((h) => h.id === id);
    if (before === undefined) return null;
    if (!holdActive(before)) throw new HoldStateError('this hold was released already');
    return this.store.releaseHold(id, by, this.#deps.now());
  }

  /** The zip of an active hold; null for an unknown one, HoldStateError for a released one. */
  async export(id: string, by: string): Promise<Uint8Array | null> {
    const hold = (await this.store.holds()).find((h) => h.id === id);
    if (hold === undefined) return null;
    if (!holdActive(hold)) {
      throw new HoldStateError('only an active hold (an open case) can be exported');
    }
    return exportHold(
      { ...this.#deps, store: this.store, flushJournal: () => this.journal.flush() },
      hold,
      { exportedBy: by, exportedAt: this.#deps.now() },
    );
  }

  /** One retention run (the maintenance job calls it). */
  runRetention(): Promise<RetentionReport> {
    return this.#retention.run();
  }

  /** Whether an active hold covers a whole space (the trash purge of spaces asks). */
  async spaceHeld(spaceId: string): Promise<boolean> {
    const holds = await this.store.holds();
    return holds.some(
      (h) => holdActive(h) && h.scope.kind === 'space' && h.scope.spaceId === spaceId,
    );
  }

  /** `inner`, except that a purged note's room is refused to everyone (it must not come back). */
  guard(inner: Authorizer): Authorizer {
    return {
      authorize: async (principal, room) => {
        if (await this.store.isPurged(room.spaceId, room.docId)) {
          return refuse(CloseCode.Forbidden, 'this note was deleted for good');
        }
        return inner.authorize(principal, room);
      },
    };
  }

  close(): Promise<void> {
    return this.journal.flush().then(() => this.store.close());
  }
}
