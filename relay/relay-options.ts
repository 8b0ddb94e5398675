/**
 * What `startRelay` accepts and returns, and how it picks the authentication
 * stage from its options: apart from server.ts so the wiring stays readable.
 */
import type { IdentityClaim } from '../shared/person-identity.ts';
import type { RelayLimits } from '../shared/limits.ts';
import type { RelayAudit } from './audit/wiring.ts';
import { createTokenAuthenticator } from './auth/token-authenticator.ts';
import { createTokenVerifier } from './auth/verify-token.ts';
import type { ClassificationOptions } from './classification/wiring.ts';
import type { DirectoryOptions } from './directory/wiring.ts';
import type { Fanout } from './fanout/types.ts';
import type { KnowledgeOptions } from './knowledge/wiring.ts';
import type { Logger } from './log.ts';
import type { Metrics } from './metrics.ts';
import type { NotificationSettingsOptions } from './notifications/wiring.ts';
import { anonymousAuthenticator, type Authenticator, type Authorizer } from './pipeline/auth.ts';
import type { SpaceStore } from './spaces/types.ts';
import type { SqliteSynchronous } from './storage/sqlite.ts';
import type { DocStorage } from './storage/types.ts';
import type { MaintenanceReport } from './trash/maintenance.ts';
import type { WebhookSettings } from './webhooks/service.ts';

/** Access-token verification: every connection and request proves who it is. */
export interface RelayAuthOptions {
  /** OpenID Connect issuer; its discovery document names the JWKS. */
  readonly issuer: string;
  /** Expected `aud` of access tokens (one of them, when several). */
  readonly audience: string | readonly string[];
  /** Email domains admitted; others are refused with 4403 / HTTP 403. All when absent or empty. */
  readonly allowedDomains?: readonly string[];
  /** Clock skew allowed on `exp`/`nbf`, in seconds; 30 by default. */
  readonly clockToleranceSec?: number;
  /** The claim that identifies a person (then the other identity claims); `email` first by default. */
  readonly identityClaim?: IdentityClaim;
  /** The claim listing a person's IdP groups; `groups` by default. */
  readonly groupsClaim?: string;
}

/** Default clock tolerance of token verification, in seconds. */
export const DEFAULT_CLOCK_TOLERANCE_SEC = 30;

export interface RelayOptions {
  /** TCP port; 0 picks a free one (tests). */
  readonly port: number;
  /** Interface to listen on; `127.0.0.1` by default. */
  readonly host?: string;
  /** Directory of the SQLite database (created if missing). */
  readonly dataDir: string;
  /** Overrides of `DEFAULT_RELAY_LIMITS`. */
  readonly limits?: Partial<RelayLimits>;
  /** Where JSON logs go; silent by default. */
  readonly log?: Logger;
  /** SQLite `synchronous` pragma (see storage/sqlite.ts); `NORMAL` by default. */
  readonly sqliteSynchronous?: SqliteSynchronous;
  /** Storage to use instead of SQLite in `dataDir` (PostgreSQL later; wrappers in tests). */
  readonly storage?: DocStorage;
  /** Fan-out to use instead of the in-process one (Redis later). */
  readonly fanout?: Fanout;
  /** Verify access tokens from this issuer: the normal way to run the relay. */
  readonly auth?: RelayAuthOptions;
  /** Authentication stage to use instead of `auth` (tests, embedding). */
  readonly authenticator?: Authenticator;
  /**
   * Access stage; space roles by default (members only, viewers read-only),
   * or everyone writes everywhere under `insecureOpenAccess`.
   */
  readonly authorizer?: Authorizer;
  /**
   * Run without authentication: everyone is `anonymous` and may read and
   * write every room. Refused unless set explicitly (secure by default); for
   * tests and benchmarks only, never the CLI. Cannot be combined with `auth`.
   */
  readonly insecureOpenAccess?: boolean;
  /** Spaces, members and people; SQLite (`spaces.sqlite` in `dataDir`) by default. */
  readonly spaceStore?: SpaceStore;
  /** Origins allowed to call the REST API from a browser (CORS), e.g. the web client's. */
  readonly corsOrigins?: readonly string[];
  /** Clock of the snapshot schedule, epoch ms; `Date.now` by default (tests). */
  readonly historyClock?: () => number;
  /**
   * Turns off the authorship and cap checks on updates (relay/rules), so the
   * benchmark can measure what they cost in the same run. Never for a
   * deployed relay: any member could then forge authors and break caps.
   */
  readonly benchmarkWithoutUpdateRules?: boolean;
  /** Writes no audit entries, so the benchmark can measure their cost. Never for a deployed relay. */
  readonly benchmarkWithoutAudit?: boolean;
  /**
   * Group commit (relay/storage/group-commit.ts), on by default. `false`
   * commits every update on its own (`--no-group-commit`): for measuring the
   * difference, or ruling batching out while diagnosing storage.
   */
  readonly groupCommit?: boolean;
  /** Clock of per-person rates, trash expiry and image collection, epoch ms; `Date.now` by default (tests). */
  readonly clock?: () => number;
  /** `postgres://…`: documents in PostgreSQL, shared by every node (ignored with `storage`). */
  readonly databaseUrl?: string;
  /** `redis://…`: fan-out to the other relay nodes (ignored with `fanout`). */
  readonly redisUrl?: string;
  /** Port of the operators' server (/healthz, /readyz, /metrics) on `host`; none when absent. */
  readonly adminPort?: number;
  /**
   * Estimated memory the documents in memory may take (`limits.memoryBudgetBytes`,
   * which this overrides): idle ones are unloaded to make way; past it new
   * documents are refused with 4429 and /readyz answers 503.
   */
  readonly memoryBudgetBytes?: number;
  /** The IdP group (in the token's groups claim) whose members are company admins; nobody when absent. */
  readonly adminGroup?: string;
  /** Days audit entries are kept (then purged behind a checkpoint); for ever when absent. */
  readonly auditRetentionDays?: number;
  /** Outgoing webhooks' tunables (debounce, retries, local targets for development). */
  readonly webhooks?: Partial<WebhookSettings>;
  /** The company directory: SCIM provisioning and people provisioned at start. */
  readonly directory?: DirectoryOptions;
  /** Default label of spaces and the company's internal email domains (relay/classification). */
  readonly classification?: ClassificationOptions;
  /** Note search and the expert finder: the company's opt-in default, indexing delays. */
  readonly knowledge?: KnowledgeOptions;
  /** Notifications' tunables: the notes' debounce and the due scan's interval. */
  readonly notifications?: NotificationSettingsOptions;
}

/** Thrown by `startRelay` when its options would leave it open or contradict each other. */
export class RelayConfigError extends Error {
  override readonly name = 'RelayConfigError';
}

export function chooseAuthenticator(options: RelayOptions): Authenticator {
  if (options.insecureOpenAccess === true && options.auth !== undefined) {
    throw new RelayConfigError('insecureOpenAccess cannot be combined with auth');
  }
  if (options.authenticator !== undefined) return options.authenticator;
  if (options.auth !== undefined) {
    const clockToleranceSec = options.auth.clockToleranceSec ?? DEFAULT_CLOCK_TOLERANCE_SEC;
    const verifier = createTokenVerifier({
      issuer: options.auth.issuer,
      audience: options.auth.audience,
      clockToleranceSec,
      ...(options.auth.allowedDomains === undefined
        ? {}
        : { allowedDomains: options.auth.allowedDomains }),
      ...(options.auth.identityClaim === undefined
        ? {}
        : { identityClaim: options.auth.identityClaim }),
      ...(options.auth.groupsClaim === undefined ? {} : { groupsClaim: options.auth.groupsClaim }),
    });
    return createTokenAuthenticator({ verifier, clockToleranceSec });
  }
  if (options.insecureOpenAccess === true) return anonymousAuthenticator;
  throw new RelayConfigError(
    'the relay needs an identity provider: pass auth (issuer and audience), an authenticator, or insecureOpenAccess: true for tests',
  );
}

export interface RelayHandle {
  readonly port: number;
  /** `http://host:port` */
  readonly httpUrl: string;
  /** `ws://host:port`; a room is `${wsUrl}/<spaceId>/<docId>`. */
  readonly wsUrl: string;
  /** Stops accepting, closes sockets with 1001, flushes and compacts every document, closes storage. */
  close(): Promise<void>;
  stats(): { rooms: number; connections: number };
  /** Counters (for tests and /metrics). */
  readonly metrics: Metrics;
  /** Runs the background clean-up now (trash purge, image collection); tests drive it with `clock`. */
  runMaintenance(): Promise<MaintenanceReport>;
  /** `http://host:port` of the operators' server, or null without `adminPort`. */
  readonly adminUrl: string | null;
  /** The audit log: wait for queued entries, check the chain, purge by the retention now. */
  readonly audit: RelayAudit;
}
