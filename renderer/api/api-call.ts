import { t } from '../i18n/index.ts';
import type { AccessTokenResult } from '../../shared/auth.ts';
import { ApiErrorSchema, httpBaseFromRelayUrl } from '../../shared/api.ts';
import {
  pathOf,
  successSchema,
  type RouteBody,
  type RouteContract,
  type RouteResult,
} from '../../shared/rest/index.ts';

/** An API call that failed, with a message fit to show. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = code;
  }
}

export interface ApiCallOptions {
  /** WebSocket URL of the relay; the REST API lives on the same host (shared/api.ts). */
  readonly relayUrl: string;
  readonly fetch: typeof fetch;
  readonly accessToken: (options?: { forceRefresh?: boolean }) => Promise<AccessTokenResult | null>;
}

/** What a call sends besides the route itself: path parameters, query and JSON body. */
export interface CallArgs<R extends RouteContract> {
  /** Values of the route's `{name}` path parameters (percent-encoded here). */
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: RouteBody<R>;
}

/** One JSON REST call to a route of the shared contract, answered as its schema says. */
export type ApiCall = <R extends RouteContract>(
  route: R,
  args?: CallArgs<R>,
) => Promise<RouteResult<R>>;

/** A request whose body and answer are not JSON (files), sent by `createRawApiCall`. */
export interface RawApiRequest {
  /** Values of the route's `{name}` path parameters. */
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  /** The `Accept` header: what the call expects back. */
  readonly accept: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: BodyInit;
  readonly cache?: RequestCache;
}

/** One REST call answering the relay's `Response` itself (status 2xx only). */
export type RawApiCall = (route: RouteContract, request: RawApiRequest) => Promise<Response>;

function urlPath(
  route: RouteContract,
  params?: Readonly<Record<string, string>>,
  query?: Readonly<Record<string, string>>,
): string {
  const path = pathOf(route, params);
  return query === undefined ? path : `${path}?${new URLSearchParams(query).toString()}`;
}

/** The relay's error body as an `ApiRequestError`, its own message when it sent one. */
async function failure(response: Response): Promise<ApiRequestError> {
  let json: unknown = null;
  try {
    const text = await response.text();
    json = text === '' ? null : JSON.parse(text);
  } catch {
    // not JSON: reported in words below
  }
  const parsed = ApiErrorSchema.safeParse(json);
  return parsed.success
    ? new ApiRequestError(response.status, parsed.data.error.code, parsed.data.error.message)
    : new ApiRequestError(
        response.status,
        'http',
        t('api.http', { status: String(response.status) }),
      );
}

/**
 * The token handling every REST call shares, for any body:
 * every call carries `Authorization: Bearer` (never a token in a URL); a 401
 * is answered once with a forced token refresh and a retry; an unreachable
 * relay and every non-2xx answer become an `ApiRequestError` whose message
 * says what went wrong in words (the relay's own message when it sent one).
 */
export function createRawApiCall(options: ApiCallOptions): RawApiCall {
  const base = httpBaseFromRelayUrl(options.relayUrl);
  return async (route, request) => {
    const path = urlPath(route, request.params, request.query);
    for (let attempt = 0; ; attempt += 1) {
      const token = await options.accessToken(attempt > 0 ? { forceRefresh: true } : undefined);
      if (token === null) throw new ApiRequestError(401, 'unauthorized', t('api.notSignedIn'));
      let response: Response;
      try {
        response = await options.fetch(new URL(path, base), {
          method: route.method,
          // The call's own headers first: they can never replace the token.
          headers: {
            ...request.headers,
            Authorization: `Bearer ${token.accessToken}`,
            Accept: request.accept,
          },
          ...(request.body === undefined ? {} : { body: request.body }),
          ...(request.cache === undefined ? {} : { cache: request.cache }),
          credentials: 'omit',
        });
      } catch {
        throw new ApiRequestError(0, 'network', t('api.unreachable', { url: base }));
      }
      if (response.status === 401 && attempt === 0) continue;
      if (!response.ok) throw await failure(response);
      return response;
    }
  };
}

/**
 * The relay's JSON REST calls, shared by every API client of the renderer:
 * `createRawApiCall`'s token handling and errors, JSON bodies checked
 * against the route's schema before they leave, and every answer validated
 * with the route's response schema.
 */
export function createApiCall(options: ApiCallOptions): ApiCall {
  const raw = createRawApiCall(options);
  return async function call<R extends RouteContract>(
    route: R,
    args: CallArgs<R> = {},
  ): Promise<RouteResult<R>> {
    const what = `${route.method} ${route.path}`;
    if (route.body !== undefined && !route.body.safeParse(args.body).success) {
      throw new ApiRequestError(0, 'invalid-request', t('api.invalidRequest', { what }));
    }
    const response = await raw(route, {
      ...(args.params === undefined ? {} : { params: args.params }),
      ...(args.query === undefined ? {} : { query: args.query }),
      accept: 'application/json',
      cache: 'no-store',
      ...(args.body === undefined
        ? {}
        : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(args.body) }),
    });
    const schema = successSchema(route);
    if (schema === null) return undefined as RouteResult<R>;
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      // not JSON: reported below
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new ApiRequestError(response.status, 'invalid-response', t('api.unexpected', { what }));
    }
    return parsed.data as RouteResult<R>;
  };
}
