// Serves the built renderer from `app://commonplace/` (checklist #18 "Avoid
// usage of the file:// protocol and prefer usage of custom protocols"): the
// page gets a real origin, a CSP header on every response, and can read only
// files under out/renderer.
import type { CustomScheme } from 'electron';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './config.ts';
import { contentTypeFor } from '../shared/content-types.ts';

/**
 * Registered with `protocol.registerSchemesAsPrivileged` before `ready`.
 * `standard` gives the scheme real origins and relative URL resolution;
 * `secure` makes it a secure context like https (#1); `supportFetchAPI` lets
 * the page fetch its own assets. No `bypassCSP`, no `corsEnabled`.
 */
export const PRIVILEGED_SCHEMES: CustomScheme[] = [
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
];

export interface AppProtocolOptions {
  /** Absolute path of the built renderer (out/renderer). */
  readonly rootDir: string;
  /** Sent as Content-Security-Policy on every response (security.ts). */
  readonly csp: string;
}

export type ProtocolHandler = (request: Request) => Promise<Response>;

/** Where a request path lands under the root, or why it is refused. */
export type AssetResolution =
  | { readonly ok: true; readonly relativePath: string }
  | { readonly ok: false; readonly status: 400 | 404; readonly reason: string };

/**
 * Maps a request URL to a path relative to the renderer root. Refuses other
 * hosts, undecodable or NUL-bearing paths, and anything whose normalised form
 * leaves the root (`..`, encoded `%2e%2e`, backslashes on Windows).
 */
export function resolveAssetPath(requestUrl: string): AssetResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { ok: false, status: 404, reason: 'unknown host' };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) {
    return { ok: false, status: 400, reason: 'forbidden character in path' };
  }
  const normalised = path.posix.normalize(decoded);
  const relative = normalised.replace(/^\/+/, '');
  if (relative === '..' || relative.startsWith('../') || path.posix.isAbsolute(relative)) {
    return { ok: false, status: 404, reason: 'outside the app' };
  }
  return { ok: true, relativePath: relative === '' ? 'index.html' : relative };
}

/**
 * The `protocol.handle(APP_SCHEME, ...)` handler. GET and HEAD only. A path
 * without an extension that names no file gets index.html, so a reload on a
 * client-side route still shows the app; a missing asset is a 404.
 */
export function createAppProtocolHandler(options: AppProtocolOptions): ProtocolHandler {
  let rootReal: Promise<string> | undefined;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(405, 'method not allowed', options.csp);
    }
    const resolved = resolveAssetPath(request.url);
    if (!resolved.ok) return plain(resolved.status, resolved.reason, options.csp);

    rootReal ??= realpath(options.rootDir);
    let root: string;
    try {
      root = await rootReal;
    } catch {
      rootReal = undefined;
      return plain(404, 'the renderer has not been built (run npm run build)', options.csp);
    }
    let file = await containedFile(root, resolved.relativePath);
    if (file === null && path.posix.extname(resolved.relativePath) === '') {
      file = await containedFile(root, 'index.html');
    }
    if (file === null) return plain(404, 'not found', options.csp);

    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': contentTypeFor(path.extname(file)),
        ...securityHeaders(options.csp),
      },
    });
  };
}

/** The real path of a regular file under root, or null; symlinks out of the root count as absent. */
async function containedFile(root: string, relativePath: string): Promise<string | null> {
  try {
    const real = await realpath(path.join(root, ...relativePath.split('/')));
    if (real !== root && !real.startsWith(root + path.sep)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp, // checklist #7
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

function plain(status: number, message: string, csp: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders(csp) },
  });
}
