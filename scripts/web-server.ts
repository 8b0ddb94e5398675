// A small static server for the built renderer (out/renderer) plus the
// `/config.json` the web host reads (shared/host.ts WebConfigSchema). Used by
// `npm run web` and by the Playwright fixtures (on port 0).
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { WebConfigSchema, type WebConfig } from '../shared/host.ts';
import { contentTypeFor } from '../shared/content-types.ts';

export interface WebServerOptions {
  /** Directory of the built renderer. */
  readonly rootDir: string;
  /**
   * Written to `/config.json`; validated here so a bad URL fails at start,
   * not in the browser. May be left out and given later with `setConfig`
   * (the IdP needs the server's origin as its redirect URI first).
   */
  readonly config?: WebConfig;
  /** 0 picks a free port. */
  readonly port: number;
  /** Default 127.0.0.1: a development server is not for the network. */
  readonly host?: string;
}

export interface WebServer {
  readonly port: number;
  /** `http://host:port/` */
  readonly url: string;
  /** Sets (or replaces) `/config.json` and the CSP derived from it; until then /config.json answers 503. */
  setConfig(config: WebConfig): void;
  close(): Promise<void>;
}

/**
 * The page's Content-Security-Policy: scripts and styles only from our own
 * files (no inline code, no eval); connections only to the relay (WebSocket
 * and its REST API) and the IdP (discovery, token, revocation). Sign-in
 * leaves the page by top-level navigation to the IdP, which CSP does not
 * restrict; the app posts no forms, hence `form-action 'none'`.
 */
export function contentSecurityPolicy(config?: WebConfig): string {
  const origins: string[] = [];
  if (config) {
    const relay = new URL(config.relayUrl);
    const relayHttp = `${relay.protocol === 'wss:' ? 'https:' : 'http:'}//${relay.host}`;
    origins.push(
      `${relay.protocol}//${relay.host}`,
      relayHttp,
      new URL(config.identity.issuer).origin,
    );
  }
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    ['connect-src', "'self'", ...new Set(origins)].join(' '),
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
}

export type Resolved = { ok: true; file: string } | { ok: false; status: number; reason: string };

/**
 * Maps a request path to a file under `root`, refusing anything that could
 * leave it: percent-encoded separators, `..` segments, NUL bytes, backslashes.
 * Refused rather than normalised, so there is one spelling per file.
 */
export function resolveRequestPath(root: string, pathname: string): Resolved {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' };
  }
  if (!decoded.startsWith('/') || /[\0\\]/.test(decoded) || /%2f|%5c/i.test(pathname)) {
    return { ok: false, status: 400, reason: 'bad path' };
  }
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '..' || s === '.')) {
    return { ok: false, status: 400, reason: 'bad path' };
  }
  const relative = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const file = path.join(root, ...relative.split('/'));
  if (file !== root && !file.startsWith(root + path.sep)) {
    return { ok: false, status: 400, reason: 'bad path' };
  }
  return { ok: true, file };
}

function plain(res: ServerResponse, status: number, message: string, csp: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders(csp) });
  res.end(`${message}\n`);
}

/** Starts the server; resolves once it listens. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  let configBody: string | null = null;
  let csp = contentSecurityPolicy();
  const setConfig = (value: WebConfig): void => {
    const config = WebConfigSchema.parse(value);
    configBody = JSON.stringify(config);
    csp = contentSecurityPolicy(config);
  };
  if (options.config) setConfig(options.config);
  // Symlinks inside the root are followed only if they stay inside it.
  const root = await realpath(options.rootDir);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      plain(res, 405, 'method not allowed', csp);
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/config.json') {
      if (configBody === null) {
        plain(res, 503, 'starting', csp);
        return;
      }
      res.writeHead(200, {
        'Content-Type': contentTypeFor('.json'),
        'Cache-Control': 'no-store',
        ...securityHeaders(csp),
      });
      res.end(req.method === 'HEAD' ? undefined : configBody);
      return;
    }
    const resolved = resolveRequestPath(root, pathname);
    if (!resolved.ok) {
      plain(res, resolved.status, resolved.reason, csp);
      return;
    }
    let file: string;
    try {
      file = await realpath(resolved.file);
      if (!file.startsWith(root + path.sep) || !(await stat(file)).isFile()) throw new Error();
    } catch {
      plain(res, 404, 'not found', csp);
      return;
    }
    const type = contentTypeFor(path.extname(file));
    const hashed = file.startsWith(path.join(root, 'assets') + path.sep);
    res.writeHead(200, {
      'Content-Type': type,
      // Vite puts a content hash in every asset name; index.html must be revalidated.
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...securityHeaders(csp),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await pipeline(createReadStream(file), res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) plain(res, 500, 'internal error', csp);
      else res.destroy();
      console.error('web: request failed:', error instanceof Error ? error.message : error);
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    port,
    url: `http://${shownHost}:${port}/`,
    setConfig,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}
