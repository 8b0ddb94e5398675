/**
 * `npm run relay`: starts the relay with flags and environment (see
 * cli-args.ts), logs JSON lines on stdout, and shuts down cleanly on SIGTERM
 * or SIGINT: stop accepting, close sockets with 1001, flush, exit 0.
 */
import { parseCli } from './cli-args.ts';
import { createJsonLogger, errorMessage } from './log.ts';
import { startRelay } from './server.ts';
import { DEFAULT_RELAY_LIMITS } from '../shared/limits.ts';

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
try {
  const relay = await startRelay({ ...config, log });
  log.info('listening', { url: relay.httpUrl, ws: relay.wsUrl, data: config.dataDir });
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
    relay.close().then(
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
  process.exit(1);
}
