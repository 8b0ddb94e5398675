/**
 * The Commonplace relay: one HTTP + WebSocket server on one port that speaks
 * the y-websocket protocol. `startRelay` wires the stages together; each
 * stage lives in its own file, small enough to test on its own.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { DEFAULT_RELAY_LIMITS, type RelayLimits } from '../shared/limits.ts';
import { DESKTOP_APP_ORIGIN } from '../shared/wire.ts';
import { openAcceptableUse } from './acceptable-use/wiring.ts';
import { LiveAccess } from './access/live-access.ts';
import { createGovernance, type RelayAudit } from './audit/wiring.ts';
import { chooseSubprotocol } from './auth/extract-token.ts';
import { openClassification, type ClassificationOptions } from './classification/wiring.ts';
import { createTokenAuthenticator } from './auth/token-authenticator.ts';
import { createTokenVerifier } from './auth/verify-token.ts';
import type { IdentityClaim } from '../shared/person-identity.ts';
import { ClientConnection } from './connection.ts';
import { openPostgresStores } from './db/stores.ts';
import { DocRegistry } from './docs/registry.ts';
import { InProcessFanout } from './fanout/in-process.ts';
import { SqliteFileStore } from './files/sqlite-file-store.ts';
import type { Fanout } from './fanout/types.ts';
import { openNoteHistory } from './history/history.ts';
import { createLegal } from './legal/wiring.ts';
import { createApiHandler } from './http/api.ts';
import { normaliseOrigins } from './http/cors.ts';
import { createHttpHandler } from './http/routes.ts';
import { errorMessage, silentLogger, type Logger } from './log.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import {
  allowAllAuthorizer,
  anonymousAuthenticator,
  type Authenticator,
  type Authorizer,
} from './pipeline/auth.ts';
import { ConnectionLimiter } from './pipeline/connection-limits.ts';
import { UpdateGuard } from './rules/update-guard.ts';
import { UpdateRules } from './rules/update-rules.ts';
import { PersonConnections } from './pipeline/person-connections.ts';
import { PersonRate } from './quotas/person-rate.ts';
import { createSpaceAuthorizer } from './spaces/authorizer.ts';
import { recordingPeople } from './spaces/people-recorder.ts';
import { wireDirectory, type DirectoryOptions } from './directory/wiring.ts';
import { SqliteSpaceStore } from './spaces/sqlite-store.ts';
import type { SpaceStore } from './spaces/types.ts';
import { hidePublicMetrics, prometheusText, readinessChecks } from './admin/wiring.ts';
import { startAdminServer } from './admin/server.ts';
import { RedisFanout } from './fanout/redis.ts';
import { openDocStorage } from './storage/open.ts';
import type { SqliteSynchronous } from './storage/sqlite.ts';
import { timedStorage } from './storage/timed.ts';
import type { DocStorage } from './storage/types.ts';
import { MaintenanceJob, type MaintenanceReport } from './trash/maintenance.ts';
import { readVersion } from './version.ts';
import type { WebhookSettings } from './webhooks/service.ts';
import { openRelayWebhooks } from './webhooks/wiring.ts';

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

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

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
}

/** Thrown by `startRelay` when its options would leave it open or contradict each other. */
export class RelayConfigError extends Error {
  override readonly name = 'RelayConfigError';
}

function chooseAuthenticator(options: RelayOptions): Authenticator {
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

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Starts a relay and resolves once it is listening.
 * @throws when the port cannot be bound or the data directory cannot be opened.
 */
export async function startRelay(options: RelayOptions): Promise<RelayHandle> {
  const host = options.host ?? '127.0.0.1';
  const limits: RelayLimits = {
    ...DEFAULT_RELAY_LIMITS,
    ...options.limits,
    ...(options.memoryBudgetBytes === undefined
      ? {}
      : { memoryBudgetBytes: options.memoryBudgetBytes }),
  };
  const log = options.log ?? silentLogger;
  // Configuration first: a refused configuration opens nothing.
  const baseAuthenticator = chooseAuthenticator(options);
  // The desktop app's renderer is always admitted (see DESKTOP_APP_ORIGIN).
  const corsOrigins = new Set([...normaliseOrigins(options.corsOrigins ?? []), DESKTOP_APP_ORIGIN]);
  const metrics = createMetrics();
  const startedAt = Date.now();
  const rawStorage =
    options.storage ??
    (await openDocStorage({
      dataDir: options.dataDir,
      databaseUrl: options.databaseUrl,
      sqliteSynchronous: options.sqliteSynchronous,
      groupCommit: options.groupCommit !== false,
      onBatch: (size) => {
        metrics.timings.groupCommitBatchSize.observe(size);
      },
    }));
  const storage = timedStorage(rawStorage, metrics.timings.storageSeconds);
  const fanout =
    options.fanout ??
    (options.redisUrl === undefined
      ? new InProcessFanout()
      : await RedisFanout.connect({
          url: options.redisUrl,
          log,
          onLag: (seconds) => {
            metrics.timings.redisLagSeconds.observe(seconds);
          },
        }));
  // Spaces, files and history on the same backend as documents: shared by
  // every node on PostgreSQL, SQLite files beside the documents otherwise.
  const pgStores =
    options.databaseUrl === undefined ? null : await openPostgresStores(options.databaseUrl);
  const spaceStore =
    options.spaceStore ?? pgStores?.spaces ?? new SqliteSpaceStore({ dataDir: options.dataDir });
  const files = pgStores?.files ?? new SqliteFileStore({ dataDir: options.dataDir });
  const clock = options.clock ?? Date.now;
  const governance = createGovernance({
    store: pgStores?.audit ?? { dataDir: options.dataDir },
    adminGroup: options.adminGroup,
    auditRetentionDays: options.auditRetentionDays,
    benchmarkWithoutAudit: options.benchmarkWithoutAudit === true,
    now: clock,
    log,
  });
  const classification = openClassification(
    pgStores?.classification ?? { dataDir: options.dataDir },
    options.classification,
    options.auth?.allowedDomains,
  );
  const authenticator = governance.signIns(recordingPeople(baseAuthenticator, spaceStore));
  const baseAuthorizer =
    options.authorizer ??
    (options.insecureOpenAccess === true ? allowAllAuthorizer : createSpaceAuthorizer(spaceStore));
  const liveAccess = new LiveAccess();
  const policy = openAcceptableUse(options.dataDir, pgStores, liveAccess, clock);
  fanout.onMembership((change) => {
    liveAccess.apply(change);
  });
  // Version history: its schedule hears of each update once it is stored.
  const history = openNoteHistory({
    dataDir: options.dataDir,
    ...(pgStores === null ? {} : { store: pgStores.snapshots }),
    storage,
    intervalMs: limits.snapshotIntervalMs,
    maxPerDoc: limits.maxSnapshotsPerDoc,
    ...(options.historyClock === undefined ? {} : { now: options.historyClock }),
    log,
  });
  // Retention, legal holds, eDiscovery; its journal hears of each stored update.
  const { legal, attach: attachLegal } = createLegal({
    store: pgStores?.legal ?? { dataDir: options.dataDir },
    storage,
    spaces: spaceStore,
    history,
    auditor: governance.auditor,
    now: clock,
    log,
  });
  // Purged notes stay refused; until the acceptable-use policy is accepted, connections are read-only.
  const authorizer = policy.acceptableUse.authorizer(legal.guard(baseAuthorizer));
  const guard = new UpdateGuard({
    timeoutMs: limits.updateGuardTimeoutMs,
    memoryMb: limits.updateGuardMemoryMb,
    log,
  });
  const rules = new UpdateRules({
    limits,
    guard,
    skipChecks: options.benchmarkWithoutUpdateRules === true,
  });
  const version = readVersion();
  const webhooks = openRelayWebhooks({
    ...options,
    pgStores,
    settings: options.webhooks,
    version,
    log,
  });
  const registry: DocRegistry = new DocRegistry({
    storage: webhooks.watch(
      history.watch(legal.journal.watch(storage)),
      (room) => registry.loaded(room)?.doc ?? null,
    ),
    fanout,
    limits,
    log,
    metrics,
    rules,
  });
  attachLegal(registry);
  // Frames and resync requests from other relay nodes, for rooms loaded here.
  fanout.onRemote((room, frame) => {
    registry.loaded(room)?.applyRemote(frame);
  });
  fanout.onResync((room) => {
    void registry.loaded(room)?.resync();
  });
  const limiter = new ConnectionLimiter(limits.maxConnections);
  // Under insecureOpenAccess everyone is the one `anonymous` person: shares
  // per person would be the relay-wide limits, so only those apply.
  const openAccess = options.insecureOpenAccess === true;
  const personConnections = new PersonConnections(
    openAccess ? limits.maxConnections : limits.maxConnectionsPerPerson,
  );
  const perPerson = (limit: number): number => (openAccess ? Number.MAX_SAFE_INTEGER : limit);
  const connections = new Set<ClientConnection>();
  let closing: Promise<void> | null = null;

  const gauges = () => ({
    rooms: registry.size,
    connections: connections.size,
    uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000),
    roomsMemoryBytes: registry.memoryInUse(),
  });
  const api = createApiHandler({
    store: spaceStore,
    publishMembership: (change) => {
      fanout.publishMembership(change);
    },
    docMarkers: (spaceId) => storage.listMarkers(spaceId),
    files,
    maxFileBytes: limits.maxFileBytes,
    spaceFileQuotaBytes: limits.spaceFileQuotaBytes,
    history,
    authenticator,
    corsOrigins,
    maxBodyBytes: limits.maxApiBodyBytes,
    maxConcurrentUploads: limits.maxConcurrentUploads,
    maxConcurrentUploadsPerPerson: openAccess
      ? limits.maxConcurrentUploads
      : limits.maxConcurrentUploadsPerPerson,
    uploadIdleTimeoutMs: limits.uploadIdleTimeoutMs,
    requestRate: new PersonRate(perPerson(limits.restRequestsPerMinute), 60_000, clock),
    now: clock,
    trashRetentionMs: limits.trashRetentionMs,
    rates: {
      spaceCreations: new PersonRate(perPerson(limits.spacesCreatedPerDay), DAY_MS, clock),
      manualSnapshots: new PersonRate(perPerson(limits.manualSnapshotsPerHour), HOUR_MS, clock),
    },
    version,
    log,
    admin: governance.admin,
    legal,
    acceptableUse: policy.acceptableUse,
    webhooks: webhooks.api,
    classification: classification.policy,
    onRefused: governance.onHttpRefused,
    onServed: governance.onHttpServed,
  });
  // Purges expired trash and collects unreferenced images in the background.
  const maintenance = new MaintenanceJob(
    {
      store: spaceStore,
      files,
      history,
      storage,
      trashRetentionMs: limits.trashRetentionMs,
      fileGraceMs: limits.fileGraceMs,
      legal,
      now: clock,
      log,
    },
    limits.maintenanceIntervalMs,
  );
  const httpHandler = await wireDirectory(
    options.directory,
    { store: spaceStore, fanout, auditor: governance.auditor, log },
    createHttpHandler({ version, metrics, gauges, api }),
  );
  const server = createServer(
    options.adminPort === undefined ? httpHandler : hidePublicMetrics(httpHandler),
  );
  const wss = new WebSocketServer({
    noServer: true,
    // Frames over the limit are refused by ws before they are buffered: close 1009.
    maxPayload: limits.maxMessageBytes,
    perMessageDeflate: false,
    clientTracking: false,
    // The token travels in a subprotocol: echo ours, never that one.
    handleProtocols: chooseSubprotocol,
  });
  const connectionDeps = {
    limits,
    log,
    metrics,
    limiter,
    registry,
    authenticator,
    authorizer,
    recheck: authorizer,
    liveAccess,
    onGone: (connection: ClientConnection) => {
      connections.delete(connection);
    },
    onRefused: governance.onSocketRefused,
  };

  const onConnection = (socket: WebSocket, request: IncomingMessage): void => {
    metrics.connectionsOpened += 1;
    // Each socket's access stage also counts it against its person's share.
    const connection = new ClientConnection(socket, request, {
      ...connectionDeps,
      authorizer: personConnections.authorizerFor(authorizer, socket),
    });
    connections.add(connection);
    void connection.start();
  };
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (closing !== null) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      onConnection(ws, request);
    });
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });

  // One timer for every socket's heartbeat: a peer that missed the last ping is dropped.
  const heartbeat = setInterval(() => {
    for (const connection of connections) {
      if (!connection.alive) {
        connection.terminate();
        continue;
      }
      connection.alive = false;
      connection.ping();
    }
  }, limits.pingIntervalMs);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  await webhooks.start();
  server.on('error', (err) => {
    log.error('server error', { error: errorMessage(err) });
  });
  const admin =
    options.adminPort === undefined
      ? null
      : await startAdminServer(host, options.adminPort, {
          checks: readinessChecks({
            storage,
            fanout,
            outOfMemoryBudget: () => registry.outOfBudget(),
          }),
          metrics: () => prometheusText(metrics, gauges()),
        });

  const shutdown = async (): Promise<void> => {
    clearInterval(heartbeat);
    // Stop accepting: no new TCP connections, and pending upgrades are dropped above.
    const serverClosed = new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
    const open = [...connections];
    const socketsClosed = Promise.all(open.map((c) => c.whenClosed()));
    for (const connection of open) connection.closeForShutdown();
    let graceTimer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'grace-over'>((resolve) => {
      graceTimer = setTimeout(() => {
        resolve('grace-over');
      }, limits.shutdownGraceMs);
    });
    if ((await Promise.race([socketsClosed, graceOver])) === 'grace-over') {
      log.warn('close handshake timed out; dropping sockets', { sockets: connections.size });
      for (const connection of [...connections]) connection.terminate();
    }
    clearTimeout(graceTimer);
    // Flush: every accepted update stored, every room compacted, storage closed.
    await maintenance.close();
    await registry.closeAll();
    await legal.close();
    await guard.close();
    await admin?.close();
    metrics.timings.stop();
    await fanout.close();
    await history.close();
    await storage.close();
    if (options.spaceStore === undefined) await spaceStore.close();
    await files.close();
    await governance.close();
    await policy.close();
    await webhooks.shutdown();
    await classification.close();
    await pgStores?.close();
    server.closeAllConnections();
    await serverClosed;
    wss.close();
    log.info('relay stopped');
  };

  return {
    port,
    httpUrl: `http://${urlHost(host)}:${port}`,
    wsUrl: `ws://${urlHost(host)}:${port}`,
    metrics,
    adminUrl: admin?.url ?? null,
    close: () => {
      closing ??= shutdown();
      return closing;
    },
    stats: () => ({ rooms: registry.size, connections: connections.size }),
    runMaintenance: () => maintenance.runNow(),
    audit: governance.auditor,
  };
}
