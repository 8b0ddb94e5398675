// A relay process for the update-rules benchmark: the relay's own
// `startRelay`, secure as always (tokens from the given issuer), with the
// authorship and cap checks on or off (`benchmarkWithoutUpdateRules`, an
// option only this benchmark sets). Both variants start the same way from
// the same sources, so the option is the only difference between them.
// `audit-off` keeps the rules on and writes no audit entries instead
// (`benchmarkWithoutAudit`), for the audit benchmark.
// Usage: node bench/lib/rules-relay-main.ts <dataDir> <issuer> <audience> on|off|audit-off
import { createJsonLogger } from '../../relay/log.ts';
import { startRelay } from '../../relay/server.ts';

const [dataDir, issuer, audience, rules] = process.argv.slice(2);
if (dataDir === undefined || issuer === undefined || audience === undefined) {
  throw new Error('usage: rules-relay-main.ts <dataDir> <issuer> <audience> on|off');
}
const log = createJsonLogger(process.stdout, 'warn');
const relay = await startRelay({
  port: 0,
  dataDir,
  auth: { issuer, audience },
  benchmarkWithoutUpdateRules: rules === 'off',
  benchmarkWithoutAudit: rules === 'audit-off',
  log,
});
// The launcher waits for this line (bench/lib/relay-process.ts).
console.log(JSON.stringify({ msg: 'listening', url: relay.httpUrl, issuer }));
process.once('SIGTERM', () => {
  void relay.close().then(() => {
    process.exit(0);
  });
});
