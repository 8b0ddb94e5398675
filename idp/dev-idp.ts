import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { errors, type ClientMetadata, type Configuration } from 'oidc-provider';
import type { JWK } from 'jose';
import { accessTokenClaims, accountClaims, scopeClaims, type ClaimShape } from './claim-shapes.ts';
import { DEMO_EMPLOYEES, type Employee } from './employees.ts';
import { handleInteraction } from './interactions.ts';
import { LOGIN_PAGE_CSP, renderMessagePage } from './login-page.ts';
import { loadOrCreateSecrets, type SigningAlg } from './keys.ts';
import { openStore, sqliteAdapter } from './sqlite-adapter.ts';

/** Client id of the Electron app: a public native client (RFC 8252). */
export const DESKTOP_CLIENT_ID = 'commonplace-desktop';
/** Client id of the web client: a public browser client. */
export const WEB_CLIENT_ID = 'commonplace-web';
/** Registered loopback redirect of the desktop client; any port is accepted at request time. */
export const DESKTOP_REDIRECT_URI = 'http://127.0.0.1/callback';
/** Default audience of the access tokens: the relay. A resource indicator must be an absolute URI (RFC 8707 §2), hence a URN. */
export const DEFAULT_AUDIENCE = 'urn:commonplace:relay';
/** Scopes the dev IdP supports and the clients are allowed to ask for. */
export const DEV_IDP_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;

export interface DevIdpOptions {
  /** 0 (the default) picks an ephemeral port. */
  readonly port?: number;
  /** Loopback by default; the dev IdP is not meant to be reachable from elsewhere. */
  readonly host?: string;
  /** `aud` of issued access tokens; the relay's `--audience`. */
  readonly audience?: string;
  /** Redirect URIs of the web client (its origin's port varies). Without any, the web client is not registered. */
  readonly webRedirectUris?: readonly string[];
  /** Extra clients, or replacements for the built-in ones (matched by `client_id`). */
  readonly clients?: readonly ClientMetadata[];
  /** The people who can sign in; the demo employees by default. */
  readonly employees?: readonly Employee[];
  /** Signing algorithm of ID and access tokens (keys generated at start). */
  readonly signingAlg?: SigningAlg;
  /** Private signing keys to use instead of generated ones (tests sign their own tokens with them). */
  readonly jwks?: { keys: JWK[] };
  /**
   * Where to persist keys, sessions and grants, so a restart signs no one out
   * and issued tokens still verify. Without it everything lives in memory.
   */
  readonly dataDir?: string;
  readonly accessTokenTtlSec?: number;
  readonly refreshTokenTtlSec?: number;
  /**
   * Which identity provider's claim layout to emit (claim-shapes.ts):
   * `standard` (default), `entra`, `okta` or `keycloak`.
   */
  readonly claimShape?: ClaimShape;
}

export interface DevIdp {
  /** Issuer identifier, e.g. `http://127.0.0.1:43123` (discovery at `/.well-known/openid-configuration`). */
  readonly issuer: string;
  readonly port: number;
  readonly audience: string;
  /** Stops accepting connections and closes open ones. */
  close(): Promise<void>;
}

function builtInClients(webRedirectUris: readonly string[]): ClientMetadata[] {
  const publicClient = {
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    scope: DEV_IDP_SCOPES.join(' '),
  } satisfies Partial<ClientMetadata>;
  const clients: ClientMetadata[] = [
    {
      ...publicClient,
      client_id: DESKTOP_CLIENT_ID,
      client_name: 'Commonplace',
      // `native` makes oidc-provider ignore the port when it compares an
      // `http://127.0.0.1:<port>/callback` request against this registration:
      // "The authorization server MUST allow any port to be specified at the
      // time of the request for loopback IP redirect URIs" (RFC 8252 §7.3;
      // oidc-provider lib/models/client.js, redirectUriAllowed).
      application_type: 'native',
      redirect_uris: [DESKTOP_REDIRECT_URI],
    },
  ];
  if (webRedirectUris.length > 0) {
    clients.push({
      ...publicClient,
      client_id: WEB_CLIENT_ID,
      client_name: 'Commonplace (web)',
      application_type: 'web',
      redirect_uris: [...webRedirectUris],
      post_logout_redirect_uris: [...webRedirectUris],
    });
  }
  return clients;
}

function mergeClients(base: ClientMetadata[], extra: readonly ClientMetadata[]): ClientMetadata[] {
  const byId = new Map(base.map((c) => [c.client_id, c]));
  for (const client of extra) byId.set(client.client_id, client);
  return [...byId.values()];
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Starts the built-in development OpenID Connect provider.
 * Authorization Code + PKCE S256 only, public clients, JWT access tokens for
 * one audience, refresh tokens with rotation, revocation. It never logs tokens.
 * Meant for loopback development and tests; never run it beside an external issuer.
 */
export async function startDevIdp(options: DevIdpOptions = {}): Promise<DevIdp> {
  const host = options.host ?? '127.0.0.1';
  const audience = options.audience ?? DEFAULT_AUDIENCE;
  const employees = options.employees ?? DEMO_EMPLOYEES;
  const signingAlg = options.signingAlg ?? 'ES256';
  const accessTokenTtl = options.accessTokenTtlSec ?? 10 * 60;
  const refreshTokenTtl = options.refreshTokenTtlSec ?? 14 * 24 * 60 * 60;
  const secrets = await loadOrCreateSecrets(signingAlg, options.dataDir);
  const jwks = options.jwks ?? secrets.jwks;
  const store = openStore(options.dataDir);
  const shape = options.claimShape ?? 'standard';

  // Listen first: the issuer URL carries the port the OS picked.
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.writeHead(503).end();
  };
  const server = createServer((req, res) => {
    handler(req, res);
  });
  try {
    await listen(server, options.port ?? 0, host);
  } catch (error) {
    store.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${formatHost(host)}:${port}`;

  const findEmployee = (sub: string): Employee | undefined => employees.find((e) => e.sub === sub);

  const configuration: Configuration = {
    adapter: sqliteAdapter(store),
    clients: mergeClients(builtInClients(options.webRedirectUris ?? []), options.clients ?? []),
    jwks,
    cookies: { keys: secrets.cookieKeys },
    scopes: [...DEV_IDP_SCOPES],
    claims: scopeClaims(shape),
    // Put the profile into the ID token as well: the access token is for the
    // relay (RFC 8707 audience), so the app cannot use it at userinfo.
    conformIdTokenClaims: false,
    clientDefaults: { id_token_signed_response_alg: signingAlg },
    findAccount(_ctx, sub) {
      const employee = findEmployee(sub);
      if (employee === undefined) return undefined;
      return {
        accountId: employee.sub,
        claims: () => ({ sub: employee.sub, ...accountClaims(employee, shape) }),
      };
    },
    // The relay reads identity from the access token alone (it never calls
    // userinfo), so the identifying claims travel in it, in the shape's layout.
    extraTokenClaims(_ctx, token) {
      const employee = 'accountId' in token ? findEmployee(token.accountId) : undefined;
      if (employee === undefined) return undefined;
      return accessTokenClaims(employee, shape);
    },
    // Real IdPs (Entra ID, Okta, Keycloak) issue a refresh token for
    // `offline_access` without `prompt=consent`, so the clients do not send
    // it; oidc-provider drops that scope without it (OIDC Core §11), hence a
    // refresh token for every client allowed the grant: all of them are ours.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // A refresh token outlives the IdP's browser session, as offline access means.
    expiresWithSession: () => false,
    // Our own error page: no inline script or style, and only the OAuth error
    // code and description (never request data).
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.set('content-security-policy', LOGIN_PAGE_CSP);
      ctx.body = renderMessagePage('Sign-in error', `${out.error}: ${out.error_description ?? ''}`);
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    rotateRefreshToken: true,
    clientBasedCORS(_ctx, origin, client) {
      return client.redirectUris?.some((uri) => URL.parse(uri)?.origin === origin) ?? false;
    },
    ttl: {
      AccessToken: accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      Interaction: 15 * 60,
      Session: 24 * 60 * 60,
      Grant: refreshTokenTtl,
      RefreshToken: refreshTokenTtl,
    },
    features: {
      devInteractions: { enabled: false },
      revocation: {
        enabled: true,
        // Public clients may revoke only their own tokens (RFC 7009 §2.1).
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo(_ctx, resourceIndicator) {
          if (resourceIndicator !== audience) throw new errors.InvalidTarget();
          return {
            scope: '',
            audience,
            accessTokenTTL: accessTokenTtl,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: signingAlg } },
          };
        },
      },
    },
  };

  const provider = new Provider(issuer, configuration);
  const providerCallback = provider.callback();
  handler = (req, res) => {
    handleInteraction(provider, employees, req, res)
      .then((handled) => {
        if (!handled) return providerCallback(req, res);
        return undefined;
      })
      .catch(() => {
        // Never echo the error: it may carry request data.
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('internal error');
      });
  };

  return {
    issuer,
    port,
    audience,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          store.close();
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}
