// `npm run web`: builds the renderer, serves it, runs the development IdP
// (unless an external issuer is given) and the relay in-process, then prints
// one line per service with its URL and nothing else, so the URL to open is
// not lost among build and dependency chatter.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { DEFAULT_AUDIENCE, WEB_CLIENT_ID, startDevIdp, type DevIdp } from '../idp/dev-idp.ts';
import { startAuthRelay } from './auth-relay.ts';
import { namingPortClash } from './port-clash.ts';
import { startWebServer } from './web-server.ts';

const root = path.resolve(import.meta.dirname, '..');

const USAGE = `Usage: npm run web -- [options]
  --port             web server port (env WEB_PORT, default 5173)
  --relay-port       relay port (env RELAY_PORT, default 4444)
  --idp-port         development IdP port (env IDP_PORT, default 4445)
  --data             data directory of the relay, and of the development IdP in its idp/ (env RELAY_DATA, default .data/relay)
  --issuer           an external OpenID Connect issuer (env COMMONPLACE_ISSUER); no dev IdP then
  --client-id        the web client id registered there (env COMMONPLACE_WEB_CLIENT_ID, default ${WEB_CLIENT_ID})
  --audience         access-token audience = the relay (env COMMONPLACE_AUDIENCE, default ${DEFAULT_AUDIENCE})
  --scope            extra scopes to request, e.g. Entra ID's api://<relay app>/Notes.ReadWrite (env COMMONPLACE_SCOPE)
  --resource-indicator  true|false: send the audience as RFC 8707 resource (env COMMONPLACE_RESOURCE_INDICATOR, default true; false for Entra ID v2)
  --allowed-domains  comma-separated email domains allowed in (env COMMONPLACE_ALLOWED_DOMAINS)
  --skip-build       serve the existing build without rebuilding
  --renderer         directory of a built renderer to serve (implies --skip-build; default out/renderer)`;

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) {
    throw new Error(`${name} must be a port number (0-65535), got "${value}"`);
  }
  return n;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'relay-port': { type: 'string' },
      'idp-port': { type: 'string' },
      data: { type: 'string' },
      issuer: { type: 'string' },
      'client-id': { type: 'string' },
      audience: { type: 'string' },
      scope: { type: 'string' },
      'resource-indicator': { type: 'string' },
      'allowed-domains': { type: 'string' },
      'skip-build': { type: 'boolean', default: false },
      renderer: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const webPort = port(values.port ?? process.env['WEB_PORT'], 5173, '--port');
  const relayPort = port(values['relay-port'] ?? process.env['RELAY_PORT'], 4444, '--relay-port');
  const idpPort = port(values['idp-port'] ?? process.env['IDP_PORT'], 4445, '--idp-port');
  const dataDir = path.resolve(
    values.data ?? nonEmpty(process.env['RELAY_DATA']) ?? path.join(root, '.data', 'relay'),
  );
  const externalIssuer = nonEmpty(values.issuer ?? process.env['COMMONPLACE_ISSUER']);
  if (externalIssuer !== undefined && !URL.canParse(externalIssuer)) {
    throw new Error(`--issuer must be a URL, got "${externalIssuer}"`);
  }
  const clientId =
    nonEmpty(values['client-id'] ?? process.env['COMMONPLACE_WEB_CLIENT_ID']) ?? WEB_CLIENT_ID;
  const audience =
    nonEmpty(values.audience ?? process.env['COMMONPLACE_AUDIENCE']) ?? DEFAULT_AUDIENCE;
  const scope = nonEmpty(values.scope ?? process.env['COMMONPLACE_SCOPE']);
  const resourceFlag = nonEmpty(
    values['resource-indicator'] ?? process.env['COMMONPLACE_RESOURCE_INDICATOR'],
  );
  if (resourceFlag !== undefined && resourceFlag !== 'true' && resourceFlag !== 'false') {
    throw new Error(`--resource-indicator must be true or false, got "${resourceFlag}"`);
  }
  const allowedDomains = nonEmpty(
    values['allowed-domains'] ?? process.env['COMMONPLACE_ALLOWED_DOMAINS'],
  )
    ?.split(',')
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);

  const rendererDir =
    values.renderer === undefined
      ? path.join(root, 'out', 'renderer')
      : path.resolve(values.renderer);
  if (!values['skip-build'] && values.renderer === undefined) {
    await build({
      configFile: path.join(root, 'vite.renderer.config.ts'),
      logLevel: 'warn',
      // Rolldown's "plugins took N% of the build time" notice is advice for
      // plugin authors, not for someone starting the app.
      build: { rolldownOptions: { checks: { bundlerTimings: false } } },
    });
  }

  // The web server first: its origin is the web client's redirect URI.
  const closers: (() => Promise<void>)[] = [];
  const closeAll = () => Promise.allSettled(closers.reverse().map((close) => close()));
  let url: string;
  let relayUrl: string;
  let issuer: string;
  try {
    const web = await namingPortClash(
      () => startWebServer({ rootDir: rendererDir, port: webPort }),
      webPort,
      '--port',
    );
    closers.push(() => web.close());
    url = web.url;
    let idp: DevIdp | null = null;
    if (externalIssuer === undefined) {
      idp = await namingPortClash(
        () =>
          startDevIdp({
            port: idpPort,
            audience,
            webRedirectUris: [web.url],
            // Keys, sessions and grants persist, so a restart signs no one out.
            dataDir: path.join(dataDir, 'idp'),
          }),
        idpPort,
        '--idp-port',
      );
      closers.push(() => (idp as DevIdp).close());
    }
    issuer = idp?.issuer ?? (externalIssuer as string);
    const relay = await namingPortClash(
      () =>
        startAuthRelay(
          { port: relayPort, dataDir },
          { issuer, audience, ...(allowedDomains ? { allowedDomains } : {}) },
          web.url,
        ),
      relayPort,
      '--relay-port',
    );
    closers.push(() => relay.close());
    relayUrl = relay.wsUrl;
    web.setConfig({
      relayUrl,
      identity: {
        issuer,
        clientId,
        audience,
        ...(scope === undefined ? {} : { scope }),
        ...(resourceFlag === undefined ? {} : { resourceIndicator: resourceFlag === 'true' }),
      },
    });
  } catch (error) {
    await closeAll();
    throw error;
  }
  console.log(`Commonplace web: ${url}`);
  console.log(`Relay:           ${relayUrl} (data ${dataDir})`);
  console.log(
    `${externalIssuer === undefined ? 'Development IdP' : 'Identity provider'}: ${issuer}`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`web: ${signal}, shutting down`);
    closeAll()
      .then((results) => {
        const failed = results.filter((r) => r.status === 'rejected');
        for (const f of failed) console.error('web: close failed:', f.reason);
        process.exit(failed.length > 0 ? 1 : 0);
      })
      .catch(() => process.exit(1));
  };
  process.once('SIGINT', () => {
    stop('SIGINT');
  });
  process.once('SIGTERM', () => {
    stop('SIGTERM');
  });
}

main().catch((error: unknown) => {
  console.error(`web: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
