/**
 * Dispatches `/api/*` requests: CORS, authentication with
 * the relay's `Authenticator` (bearer token only: a `token` query parameter
 * counts on the WebSocket, never here), body reading and validation against
 * the route's zod schema, the handler, and validation of what it answers.
 * A route may instead take a raw (binary) body of declared types and its own
 * size limit, which its handler reads once it has checked access
 * (raw-body.ts), and may answer raw bytes with their content type (files).
 * At most `maxConcurrentUploads` raw bodies are read at once, a few per
 * person, each cut off when it stalls (upload-slots.ts). Each person's
 * authenticated calls are rate-limited (`restRequestsPerMinute`, 429).
 * An answer that leaves a body unread closes the connection gracefully
 * (lingering-close.ts), so a client still sending reads it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API } from '../../shared/rest/index.ts';
import { CloseCode } from '../../shared/wire.ts';
import { originOf } from '../audit/auditor.ts';
import type { HttpRefusal, HttpServed } from '../audit/events.ts';
import { errorMessage, type Logger } from '../log.ts';
import type { Authenticator, Principal } from '../pipeline/auth.ts';
import type { PersonRate } from '../quotas/person-rate.ts';
import { API_ROUTES, type ApiDeps, type ApiRoute } from './api-routes.ts';
import { corsHeaders, preflightHeaders } from './cors.ts';
import { HttpError, limitExceeded, readJsonBody, sendError, sendJson } from './json.ts';
import { closeAfterAnswer } from './lingering-close.ts';
import { checkRawBodyHead, readRawBody, type RawBody, type RawBodySpec } from './raw-body.ts';
import { BodyAbortedError } from './read-limited.ts';
import { checkScopes } from '../tokens/scopes.ts';
import { buildOpenApi } from './openapi.ts';
import { UploadSlots } from './upload-slots.ts';

export interface ApiHandlerDeps extends ApiDeps {
  readonly authenticator: Authenticator;
  readonly corsOrigins: ReadonlySet<string>;
  readonly maxBodyBytes: number;
  /** Raw bodies (uploads) read at once across the relay; more get 503. */
  readonly maxConcurrentUploads: number;
  /** Raw bodies one person may stream at once; more get 429. */
  readonly maxConcurrentUploadsPerPerson: number;
  /** Silence after which a stalled raw body is refused with 408. */
  readonly uploadIdleTimeoutMs: number;
  /** Each person's authenticated calls (`restRequestsPerMinute`). */
  readonly requestRate: PersonRate;
  readonly version: string;
  readonly log: Logger;
  /** Told of every error answer (the audit log keeps the refusals). */
  readonly onRefused?: (refusal: HttpRefusal) => void;
  /** Told of every successful answer (the audit log keeps changes and admin actions). */
  readonly onServed?: (served: HttpServed) => void;
}

/** Path of the OpenAPI document. */
export { OPENAPI_PATH } from '../../shared/rest/index.ts';

/** A binary body's size limit from the relay's configuration; a route without one is a bug. */
function rawBodyLimit(route: ApiRoute, deps: ApiDeps): number {
  if (route.rawBodyMaxBytes === undefined) {
    throw new Error(`${route.operationId} takes a binary body but sets no rawBodyMaxBytes`);
  }
  return route.rawBodyMaxBytes(deps);
}

interface Match {
  readonly route: ApiRoute;
  readonly params: Record<string, string>;
}

/** Matches `path` against a route template; params are percent-decoded. */
export function matchPath(template: string, path: string): Record<string, string> | null {
  const want = template.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    const actual = got[i] ?? '';
    const name = /^\{(.+)\}$/.exec(segment)?.[1];
    if (name === undefined) {
      if (segment !== actual) return null;
      continue;
    }
    if (actual === '') return null;
    let decoded: string;
    try {
      decoded = decodeURIComponent(actual);
    } catch {
      throw new HttpError(
        400,
        'invalid_path',
        `path parameter ${name} is not valid percent-encoding`,
      );
    }
    params[name] = decoded;
  }
  return params;
}

/** Every route the dispatcher serves: the API table plus the OpenAPI document itself. */
export function allRoutes(version: string): readonly ApiRoute[] {
  let doc: unknown = null;
  const openApiRoute: ApiRoute = {
    ...API.getOpenApi,
    handle: () => {
      doc ??= buildOpenApi(routes, version);
      return Promise.resolve({ status: 200, body: doc });
    },
  };
  const routes = [...API_ROUTES, openApiRoute];
  return routes;
}

/** Writes raw bytes (a file) with their type; `headers` from the route come last. */
function sendRaw(
  res: ServerResponse,
  status: number,
  raw: { contentType: string; bytes: Uint8Array; headers?: Readonly<Record<string, string>> },
  cors: Readonly<Record<string, string>>,
): void {
  res.writeHead(status, {
    'content-type': raw.contentType,
    'content-length': raw.bytes.byteLength,
    'x-content-type-options': 'nosniff',
    ...cors,
    ...raw.headers,
  });
  res.end(raw.bytes);
}

function unauthorized(reason: string): HttpError {
  // RFC 6750 §3: a 401 names the scheme.
  return new HttpError(401, 'unauthorized', reason, { 'www-authenticate': 'Bearer' });
}

/** Builds the `/api/*` handler. */
export function createApiHandler(
  deps: ApiHandlerDeps,
): (req: IncomingMessage, res: ServerResponse, path: string) => void {
  const routes = allRoutes(deps.version);
  const uploads = new UploadSlots(deps.maxConcurrentUploads, deps.maxConcurrentUploadsPerPerson);

  const find = (method: string, path: string): Match | { allow: string[] } | null => {
    const allow: string[] = [];
    for (const route of routes) {
      const params = matchPath(route.path, path);
      if (params === null) continue;
      if (route.method === method) return { route, params };
      if (!allow.includes(route.method)) allow.push(route.method);
    }
    return allow.length > 0 ? { allow } : null;
  };

  const authenticate = async (req: IncomingMessage, path: string): Promise<Principal> => {
    const result = await deps.authenticator.authenticate({
      rawUrl: path,
      query: new URLSearchParams(),
      headers: req.headers,
      remoteAddress: req.socket.remoteAddress,
    });
    if (result.ok) return result.value;
    if (result.code === CloseCode.Forbidden) throw new HttpError(403, 'forbidden', result.reason);
    throw unauthorized(result.reason);
  };

  const serve = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const cors = corsHeaders(req, deps.corsOrigins);
    // A body the answer leaves unread (refused early, or over its limit): the connection closes.
    let bodyUnread = false;
    let releaseUpload: (() => void) | undefined;
    // Known once authenticated: who a refusal refused.
    let principal: Principal | null = null;
    let operationId: string | null = null;
    const method = req.method ?? 'GET';
    try {
      if (method === 'OPTIONS') {
        const origin = req.headers.origin;
        if (origin === undefined || !deps.corsOrigins.has(origin) || find('GET', path) === null) {
          throw new HttpError(403, 'cors_refused', 'origin not allowed');
        }
        sendJson(res, 204, null, preflightHeaders(origin));
        return;
      }
      const found = find(method, path);
      if (found === null) throw new HttpError(404, 'not_found', 'no such API route');
      if (!('route' in found)) {
        throw new HttpError(405, 'method_not_allowed', `use ${found.allow.join(', ')}`, {
          allow: found.allow.join(', '),
        });
      }
      const { route, params } = found;
      operationId = route.operationId;
      const caller = route.auth ? await authenticate(req, path) : { id: 'anonymous' };
      principal = caller;
      // Before anything else of the route runs: an access token reaches only what its scopes cover.
      if (caller.credential !== undefined) checkScopes(route, caller.credential);
      if (route.auth) {
        const rate = deps.requestRate.take(caller.id);
        if (!rate.ok) {
          throw limitExceeded(
            'restRequestsPerMinute',
            rate.retryAfterMs,
            'you have made too many requests this minute',
          );
        }
      }
      // Before the body is read: nothing of a refused write is taken in.
      if (route.auth) await deps.acceptableUse.checkRequest(caller, method, route.operationId);
      let body: unknown = undefined;
      if (route.body !== undefined) {
        bodyUnread = true;
        const json = await readJsonBody(req, deps.maxBodyBytes);
        bodyUnread = false;
        const parsed = route.body.safeParse(json);
        if (!parsed.success) {
          const message = parsed.error.issues
            .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
            .join('; ');
          throw new HttpError(400, 'invalid_body', message.slice(0, 500));
        }
        body = parsed.data;
      }
      let readRaw: (() => Promise<RawBody>) | undefined;
      if (route.rawBody !== undefined) {
        const spec: RawBodySpec = {
          ...route.rawBody,
          maxBytes: rawBodyLimit(route, deps),
          idleMs: deps.uploadIdleTimeoutMs,
        };
        bodyUnread = true;
        // Type and declared length are refused before anything is read (415, 413).
        checkRawBodyHead(req, spec);
        readRaw = async () => {
          // Held until the answer is written (finally below), whatever happens.
          releaseUpload ??= uploads.acquire(caller.id);
          const raw = await readRawBody(req, spec);
          bodyUnread = false;
          return raw;
        };
      }
      const query = new URL(req.url ?? '/', 'http://relay.invalid').searchParams;
      const result = await route.handle(deps, {
        principal: caller,
        params,
        query,
        body,
        ...(readRaw === undefined ? {} : { readRawBody: readRaw }),
        origin: originOf(req.headers, req.socket.remoteAddress),
      });
      const served = (): void =>
        deps.onServed?.({
          principal: caller,
          operationId: route.operationId,
          params,
          query,
          body,
          status: result.status,
          result: result.body,
          headers: req.headers,
          remoteAddress: req.socket.remoteAddress,
        });
      if (result.raw !== undefined) {
        sendRaw(res, result.status, result.raw, cors);
        served();
        return;
      }
      const schema = route.responses[result.status]?.schema;
      if (schema !== undefined && !schema.safeParse(result.body).success) {
        throw new Error(`${route.operationId} answered outside its schema`);
      }
      sendJson(res, result.status, result.body, cors);
      served();
    } catch (err) {
      if (err instanceof BodyAbortedError || res.destroyed) {
        // The client went away mid-body: nobody is left to answer.
        res.destroy();
        return;
      }
      let close: Record<string, string> = {};
      if (bodyUnread && !req.complete) {
        close = { connection: 'close' };
        closeAfterAnswer(req, res);
      }
      if (err instanceof HttpError) {
        sendError(res, err, { ...cors, ...close });
        deps.onRefused?.({
          principal,
          method,
          path,
          operationId,
          headers: req.headers,
          remoteAddress: req.socket.remoteAddress,
          status: err.status,
          code: err.code,
          message: err.message,
        });
        return;
      }
      deps.log.error('api request failed', { path, error: errorMessage(err) });
      sendError(res, new HttpError(500, 'internal', 'relay error'), { ...cors, ...close });
    } finally {
      releaseUpload?.();
    }
  };

  return (req, res, path) => {
    void serve(req, res, path);
  };
}
