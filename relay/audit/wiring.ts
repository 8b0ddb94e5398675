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
import type { AuditStore } from './types.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface GovernanceOptions {
  readonly store: AuditStore;
  /** The IdP group whose members are company admins; none when absent (nobody is). */
  readonly adminGroup?: string | undefined;
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
  /** Stores what is queued and stops the purge timer (the store is closed by its owner). */
  close(): Promise<void>;
}

/** Whether `principal` belongs to `group` by its token's groups claim. */
export function inGroup(principal: Principal, group: string | undefined): boolean {
  return group !== undefined && group !== '' && (principal.groups ?? []).includes(group);
}

/** Builds the audit writer and its hooks. */
export function createGovernance(options: GovernanceOptions): Governance {
  const auditor = new Auditor({
    store: options.store,
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
      isAdmin: (principal) => inGroup(principal, options.adminGroup),
      audit: options.store,
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
    close: () => auditor.close(),
  };
}
