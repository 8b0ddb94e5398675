/**
 * The relay's governance in one object for server.ts: the audit writer, the
 * hooks that feed it from sign-ins, sockets and REST, and what the admin
 * routes need (who is an admin, the store, verification).
 */
import type { AdminDeps } from '../http/api-types.ts';
import type { Logger } from '../log.ts';
import type { Authenticator, Principal } from '../pipeline/auth.ts';
import { Auditor } from './auditor.ts';
import type { HttpRefusal, HttpServed, SocketRefusal } from './events.ts';
import { auditHttpRefusal, auditHttpServed, auditingSignIns, auditSocketRefusal } from './hooks.ts';
import { SqliteAuditStore } from './sqlite-audit-store.ts';
import type { AuditStore } from './types.ts';

/** What the relay's handle offers of the audit log (tests and operators). */
export type RelayAudit = Pick<Auditor, 'flush' | 'verify' | 'purgeNow'>;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface GovernanceOptions {
  /** A store opened elsewhere (PostgreSQL, closed by its owner), or the data directory of `audit.sqlite`. */
  readonly store: AuditStore | { readonly dataDir: string };
  /** The IdP group whose members are company admins; none when absent (nobody is). */
  readonly adminGroup?: string | undefined;
  /**
   * Whether the person is in the directory's (SCIM) group of that name,
   * asked on every check so that membership changes apply at once.
   */
  readonly inDirectoryGroup?: (group: string, personId: string) => Promise<boolean>;
  /** Days audit entries are kept; for ever when absent. */
  readonly auditRetentionDays?: number | undefined;
  /** How often old entries are purged; hourly by default. */
  readonly purgeIntervalMs?: number;
  readonly now: () => number;
  readonly log: Logger;
  /**
   * Writes nothing (no sign-ins, refusals or changes), so the benchmark can
   * measure what auditing costs in the same run. Never for a deployed relay.
   */
  readonly benchmarkWithoutAudit?: boolean;
}

export interface Governance {
  readonly auditor: Auditor;
  readonly admin: AdminDeps;
  /** Wraps the authenticator so that sign-ins are audited. */
  signIns(inner: Authenticator): Authenticator;
  readonly onSocketRefused: (refusal: SocketRefusal) => void;
  readonly onHttpRefused: (refusal: HttpRefusal) => void;
  readonly onHttpServed: (served: HttpServed) => void;
  /** Stores what is queued, stops the purge timer, and closes `audit.sqlite` if it opened it. */
  close(): Promise<void>;
}

/** Whether `principal` belongs to `group` by its token's groups claim. */
export function inGroup(principal: Principal, group: string | undefined): boolean {
  return group !== undefined && group !== '' && (principal.groups ?? []).includes(group);
}

/** Builds the audit writer and its hooks. */
export function createGovernance(options: GovernanceOptions): Governance {
  const own = 'dataDir' in options.store ? new SqliteAuditStore(options.store) : null;
  const store = own ?? (options.store as AuditStore);
  const auditor = new Auditor({
    store,
    now: options.now,
    log: options.log,
    retentionMs:
      options.auditRetentionDays === undefined ? null : options.auditRetentionDays * DAY_MS,
    purgeIntervalMs: options.purgeIntervalMs ?? DAY_MS / 24,
  });
  const off = options.benchmarkWithoutAudit === true;
  return {
    auditor,
    admin: {
      isAdmin: (principal) => {
        const group = options.adminGroup;
        if (inGroup(principal, group)) return true;
        if (group === undefined || group === '' || options.inDirectoryGroup === undefined) {
          return false;
        }
        return options.inDirectoryGroup(group, principal.id);
      },
      audit: store,
      verify: () => auditor.verify(),
    },
    signIns: (inner) => (off ? inner : auditingSignIns(inner, auditor)),
    onSocketRefused: (refusal) => {
      if (!off) auditSocketRefusal(auditor, refusal);
    },
    onHttpRefused: (refusal) => {
      if (!off) auditHttpRefusal(auditor, refusal);
    },
    onHttpServed: (served) => {
      if (!off) auditHttpServed(auditor, served);
    },
    close: async () => {
      await auditor.close();
      own?.close();
    },
  };
}
