/**
 * The Commonplace relay: one HTTP + WebSocket server on one port that speaks
 * the y-websocket protocol. `startRelay` wires the stages together; each
 * stage lives in its own file, small enough to test on its own.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { DEFAULT_RELAY_LIMITS, type RelayLimits } from '../shared/limits.ts';
import { DESKTOP_APP_ORIGIN } from '../shared/wire.ts';
import { openAcceptableUse } from './acceptable-use/wiring.ts';
import { LiveAccess } from './access/live-access.ts';
import { createGovernance } from './audit/wiring.ts';
import { chooseSubprotocol } from './auth/extract-token.ts';
import { openClassification } from './classification/wiring.ts';
import { ClientConnection } from './connection.ts';
import { openPostgresStores } from './db/stores.ts';
import { DocRegistry } from './docs/registry.ts';
import { InProcessFanout } from './fanout/in-process.ts';
import { SqliteFileStore } from './files/sqlite-file-store.ts';
import { openNoteHistory, storedState } from './history/history.ts';
import { openKnowledge } from './knowledge/wiring.ts';
import { createLegal } from './legal/wiring.ts';
import { createApiHandler } from './http/api.ts';
import { normaliseOrigins } from './http/cors.ts';
import { createHttpHandler } from './http/routes.ts';
import { errorMessage, silentLogger } from './log.ts';
import { createMetrics } from './metrics.ts';
import { allowAllAuthorizer } from './pipeline/auth.ts';
import { ConnectionLimiter } from './pipeline/connection-limits.ts';
import { UpdateGuard } from './rules/update-guard.ts';
import { UpdateRules } from './rules/update-rules.ts';
import { PersonConnections } from './pipeline/person-connections.ts';
import { PersonRate } from './quotas/person-rate.ts';
import { createSpaceAuthorizer } from './spaces/authorizer.ts';
import { recordingPeople } from './spaces/people-recorder.ts';
import { createActivityRecorder } from './adoption/recorder.ts';
import { wireDirectory } from './directory/wiring.ts';
import { SqliteSpaceStore } from './spaces/sqlite-store.ts';
import { hidePublicMetrics, prometheusText, readinessChecks } from './admin/wiring.ts';
import { startAdminServer } from './admin/server.ts';
import { RedisFanout } from './fanout/redis.ts';
import { openDocStorage } from './storage/open.ts';
import { passThrough } from './storage/pass-through.ts';
import type { DocStorage } from './storage/types.ts';
import { timedStorage } from './storage/timed.ts';
import { MaintenanceJob } from './trash/maintenance.ts';
import { readVersion } from './version.ts';
import { openRelayWebhooks } from './webhooks/wiring.ts';
import { openRelayTokens } from './tokens/wiring.ts';
import { createNoteDocs } from './notes/note-docs.ts';
import { openRelayNotifications } from './notifications/wiring.ts';
import { chooseAuthenticator, type RelayHandle, type RelayOptions } from './relay-options.ts';

export {
  DEFAULT_CLOCK_TOLERANCE_SEC,
  RelayConfigError,
  type RelayAuthOptions,
  type RelayHandle,
  type RelayOptions,
} from './relay-options.ts';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

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
    inDirectoryGroup: (group, personId) => spaceStore.directory.groups.isMember(group, personId),
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
  // Adoption figures: who is active each week, which notes are edited (relay/adoption).
  const activity = createActivityRecorder({
    store: spaceStore.directory.activity,
    now: clock,
    log,
  });
  const tokens = openRelayTokens({ ...options, pgStores, spaces: spaceStore, now: clock });
  const authenticator = tokens.signIns(
    governance.signIns(activity.signIns(recordingPeople(baseAuthenticator, spaceStore))),
  );
  const baseAuthorizer =
    options.authorizer ??
    (options.insecureOpenAccess === true
      ? allowAllAuthorizer
      : createSpaceAuthorizer(spaceStore, classification.policy.config.internalDomains));
  const liveAccess = new LiveAccess();
  const policy = openAcceptableUse(
    options.dataDir,
    pgStores,
    fanout.publishRecheck.bind(fanout),
    clock,
  );
  fanout.onMembership((change) => {
    liveAccess.apply(change);
  });
  fanout.onRecheck((userId) => {
    liveAccess.reevaluate(userId);
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
  // Purges and space deletions go through the documents' outer storage (set
  // below, once built), so every watcher of it hears of them: the search
  // index forgets a purged note, webhooks and notifications drop their state.
  let watchedStorage: DocStorage = storage;
  const purging = passThrough(storage, {
    purgeRoom: (room, keep) => watchedStorage.purgeRoom?.(room, keep),
    deleteSpace: (spaceId) => watchedStorage.deleteSpace?.(spaceId),
  });
  // Retention, legal holds, eDiscovery; its journal hears of each stored update.
  const { legal, attach: attachLegal } = createLegal({
    store: pgStores?.legal ?? { dataDir: options.dataDir },
    storage: purging,
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
  // Authorship per note per person and the note text index, fed by stored updates.
  const knowledge = openKnowledge({
    store: pgStores?.knowledge ?? { dataDir: options.dataDir },
    options: options.knowledge,
    spaces: spaceStore,
    authorizer,
    readState: async (room) => {
      const live = registry.loaded(room);
      return live === null ? storedState(storage, room, log) : Y.encodeStateAsUpdate(live.doc);
    },
    now: clock,
    log,
  });
  const webhooks = openRelayWebhooks({
    ...options,
    pgStores,
    settings: options.webhooks,
    version,
    log,
  });
  const notifications = openRelayNotifications({
    dataDir: options.dataDir,
    pgStores,
    fanout,
    spaces: spaceStore,
    now: clock,
    log,
    settings: options.notifications,
  });
  fanout.onPersonal((message) => {
    liveAccess.notifyPerson(message.userId, message.payload);
  });
  const loadedDoc = (room: string) => registry.loaded(room)?.doc ?? null;
  watchedStorage = notifications.watch.watch(
    webhooks.watch(
      knowledge.recorder.watch(history.watch(legal.journal.watch(activity.watch(storage)))),
      loadedDoc,
    ),
    loadedDoc,
  );
  const registry: DocRegistry = new DocRegistry({
    storage: watchedStorage,
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
    // Access tokens on REST only: sockets keep `authenticator`, which refuses them.
    authenticator: tokens.rest(authenticator),
    tokens: tokens.store,
    notes: createNoteDocs({
      registry,
      storage,
      authorizer,
      maxUpdateBytes: limits.maxMessageBytes,
      log,
    }),
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
    admin: tokens.admin(governance.admin),
    legal,
    acceptableUse: policy.acceptableUse,
    webhooks: webhooks.api,
    classification: classification.policy,
    knowledge: knowledge.service,
    notifications: notifications.service,
    onRefused: governance.onHttpRefused,
    onServed: governance.onHttpServed,
  });
  // Purges expired trash and collects unreferenced images in the background.
  const maintenance = new MaintenanceJob(
    {
      store: spaceStore,
      files,
      history,
      storage: purging,
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
    { store: spaceStore, fanout, auditor: governance.auditor, log, adminGroup: options.adminGroup },
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
    // Pending notes are read for notifications while their rooms are still loaded.
    await notifications.shutdown();
    await registry.closeAll();
    await legal.close();
    await knowledge.close();
    await guard.close();
    await admin?.close();
    metrics.timings.stop();
    await fanout.close();
    await history.close();
    await storage.close();
    // Activity writes in flight go to the spaces store: let them land before it closes.
    await activity.settled();
    if (options.spaceStore === undefined) await spaceStore.close();
    await files.close();
    await governance.close();
    await policy.close();
    await webhooks.shutdown();
    await classification.close();
    await tokens.close();
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
