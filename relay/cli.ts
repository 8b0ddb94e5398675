/**
 * `npm run relay`: starts the relay with flags and environment (see
 * cli-args.ts), logs JSON lines on stdout, and shuts down cleanly on SIGTERM
 * or SIGINT: stop accepting, close sockets with 1001, flush, exit 0.
 * Tokens are always verified: against `--issuer`, or, without one, against
 * the embedded development IdP started here (so `npm run relay` works with
 * no setup), never both.
 */
import { join } from 'node:path';
import type { DevIdp } from '../idp/dev-idp.ts';
import { parseCli } from './cli-args.ts';
import { createJsonLogger, errorMessage } from './log.ts';
import { startRelay } from './server.ts';
import { DEFAULT_RELAY_LIMITS } from '../shared/limits.ts';
import { DEMO_ADMIN_GROUP } from '../idp/employees.ts';
import { demoDirectory } from './directory/demo.ts';

if (process.argv[2] === 'migrate') {
  // A one-off command (SQLite documents into PostgreSQL), not the server.
  const { runMigrateCommand } = await import('./ops/migrate-cli.ts');
  process.exit(await runMigrateCommand(process.argv.slice(3), process.env, process.cwd()));
}

if (process.argv[2] === 'directory') {
  // `directory import <file>`: people of an IdP export into the directory.
  const { runDirectoryCommand } = await import('./directory/import-cli.ts');
  process.exit(await runDirectoryCommand(process.argv.slice(3), process.env, process.cwd()));
}

if (process.argv[2] === 'audit') {
  // `audit verify`: checks the audit log's hash chain, not the server.
  const { runAuditCommand } = await import('./audit/audit-cli.ts');
  process.exit(await runAuditCommand(process.argv.slice(3), process.env, process.cwd()));
}

const parsed = parseCli(process.argv.slice(2), process.env, process.cwd());
if (parsed.kind === 'help') {
  process.stdout.write(`${parsed.text}\n`);
  process.exit(0);
}
if (parsed.kind === 'error') {
  process.stderr.write(`relay: ${parsed.message}\nTry --help.\n`);
  process.exit(2);
}

const { config } = parsed;
const log = createJsonLogger(process.stdout);
let devIdp: DevIdp | null = null;
try {
  if (config.issuer === null) {
    // Imported only when needed: oidc-provider and its dependencies cost the
    // relay's memory and start-up time, and with --issuer they never run.
    const { startDevIdp } = await import('../idp/dev-idp.ts');
    devIdp = await startDevIdp({
      port: config.idpPort,
      audience: config.audience,
      // Keys persist beside the relay's data, so tokens survive a restart.
      dataDir: join(config.dataDir, 'idp'),
    });
    log.info('development IdP running; pass --issuer to use your own', { issuer: devIdp.issuer });
  }
  const issuer = config.issuer ?? devIdp?.issuer ?? '';
  const adminGroup = config.governance.adminGroup ?? (devIdp === null ? null : DEMO_ADMIN_GROUP);
  const relay = await startRelay({
    port: config.port,
    host: config.host,
    dataDir: config.dataDir,
    auth: {
      issuer,
      audience: config.audience,
      ...(config.allowedDomains.length > 0 ? { allowedDomains: config.allowedDomains } : {}),
      groupsClaim: config.governance.groupsClaim,
    },
    // The development IdP puts a demo person in its admin group, so the demo has an admin.
    ...(adminGroup === null ? {} : { adminGroup }),
    directory: {
      ...(config.governance.scimToken === null ? {} : { scimToken: config.governance.scimToken }),
      ...(devIdp === null ? {} : { provisionAtStart: demoDirectory() }),
    },
    ...(config.governance.auditRetentionDays === null
      ? {}
      : { auditRetentionDays: config.governance.auditRetentionDays }),
    webhooks: config.governance.webhooks,
    classification: {
      defaultLabel: config.governance.classification.defaultLabel,
      ...(config.governance.classification.internalDomains === null
        ? {}
        : { internalDomains: config.governance.classification.internalDomains }),
    },
    corsOrigins: config.corsOrigins,
    limits: config.limits,
    log,
    ...(config.scale.databaseUrl === null ? {} : { databaseUrl: config.scale.databaseUrl }),
    ...(config.scale.redisUrl === null ? {} : { redisUrl: config.scale.redisUrl }),
    ...(config.scale.adminPort === null ? {} : { adminPort: config.scale.adminPort }),
    ...(config.scale.memoryBudgetBytes === null
      ? {}
      : { memoryBudgetBytes: config.scale.memoryBudgetBytes }),
    groupCommit: config.scale.groupCommit,
  });
  log.info('listening', {
    url: relay.httpUrl,
    ws: relay.wsUrl,
    data: config.dataDir,
    // Which backends, never their URLs: those may carry passwords.
    storage: config.scale.databaseUrl === null ? 'sqlite' : 'postgres',
    fanout: config.scale.redisUrl === null ? 'in-process' : 'redis',
    groupCommit: config.scale.groupCommit,
    admin: relay.adminUrl,
    issuer,
    audience: config.audience,
    allowedDomains: config.allowedDomains.join(','),
    adminGroup: adminGroup ?? '',
    scim: config.governance.scimToken !== null,
    ...config.limits,
  });
  const idp = devIdp;
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    // Past the grace period (plus a margin for flushing) exit anyway rather than hang.
    setTimeout(() => {
      log.error('shutdown timed out');
      process.exit(1);
    }, DEFAULT_RELAY_LIMITS.shutdownGraceMs * 2).unref();
    relay
      .close()
      .then(() => idp?.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          log.error('shutdown failed', { error: errorMessage(err) });
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => {
    stop('SIGTERM');
  });
  process.on('SIGINT', () => {
    stop('SIGINT');
  });
} catch (err) {
  log.error('relay failed to start', { error: errorMessage(err) });
  await devIdp?.close();
  process.exit(1);
}
