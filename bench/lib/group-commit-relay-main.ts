// A relay process for the group-commit benchmark: the relay's own
// `startRelay` on SQLite, secure as always (tokens from the given issuer),
// with group commit on or off (`groupCommit: false`, the option behind `--no-group-commit`
// this benchmark sets) and SQLite's `synchronous` level NORMAL or FULL. Every
// variant starts the same way from the same sources, so these two settings
// are the only differences between them.
// Usage: node bench/lib/group-commit-relay-main.ts <dataDir> <issuer> <audience> on|off NORMAL|FULL <maxConnectionsPerPerson>
import { createJsonLogger } from '../../relay/log.ts';
import { startRelay } from '../../relay/server.ts';

const [dataDir, issuer, audience, group, synchronous, perPerson] = process.argv.slice(2);
if (
  dataDir === undefined ||
  issuer === undefined ||
  audience === undefined ||
  (group !== 'on' && group !== 'off') ||
  (synchronous !== 'NORMAL' && synchronous !== 'FULL')
) {
  throw new Error(
    'usage: group-commit-relay-main.ts <dataDir> <issuer> <audience> on|off NORMAL|FULL <maxConnectionsPerPerson>',
  );
}
const log = createJsonLogger(process.stdout, 'warn');
const relay = await startRelay({
  port: 0,
  dataDir,
  auth: { issuer, audience },
  sqliteSynchronous: synchronous,
  groupCommit: group !== 'off',
  // Every bench client signs in as the same person (see relay-load.ts).
  limits: { maxConnectionsPerPerson: Number(perPerson ?? '64') },
  log,
});
// The launcher waits for this line (bench/lib/relay-process.ts).
console.log(JSON.stringify({ msg: 'listening', url: relay.httpUrl, issuer }));
process.once('SIGTERM', () => {
  void relay.close().then(() => {
    process.exit(0);
  });
});
