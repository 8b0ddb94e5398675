import type { z } from 'zod';
import type { AccessTokenResult } from '../../shared/auth.ts';
import { ApiErrorSchema, httpBaseFromRelayUrl } from '../../shared/api.ts';

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

/** One REST call: method, path, response schema (null: no body expected), JSON body. */
export type ApiCall = <T>(
  method: string,
  path: string,
  schema: z.ZodType<T> | null,
  body?: unknown,
) => Promise<T | null>;

/**
 * The relay's REST calls (issue 3 point 5), shared by every API client of
 * the renderer. Every call carries `Authorization: Bearer`; a 401 is
 * answered once with a forced token refresh and a retry. Every response is
 * validated with the shared schemas, and every failure becomes an
 * `ApiRequestError` whose message says what went wrong in words (the
 * relay's own message when it sent one).
 */
export function createApiCall(options: ApiCallOptions): ApiCall {
  const base = httpBaseFromRelayUrl(options.relayUrl);
  return async function call<T>(
    method: string,
    path: string,
    schema: z.ZodType<T> | null,
    body?: unknown,
  ): Promise<T | null> {
    for (let attempt = 0; ; attempt += 1) {
      const token = await options.accessToken(attempt > 0 ? { forceRefresh: true } : undefined);
      if (token === null) throw new ApiRequestError(401, 'unauthorized', 'You are not signed in.');
      let response: Response;
      try {
        response = await options.fetch(new URL(path, base), {
          method,
          headers: {
            Authorization: `Bearer ${token.accessToken}`,
            Accept: 'application/json',
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          credentials: 'omit',
          cache: 'no-store',
        });
      } catch {
        throw new ApiRequestError(0, 'network', `Could not reach the relay at ${base}.`);
      }
      if (response.status === 401 && attempt === 0) continue;
      const text = await response.text();
      let json: unknown = null;
      try {
        json = text === '' ? null : JSON.parse(text);
      } catch {
        // not JSON: reported below
      }
      if (!response.ok) {
        const parsed = ApiErrorSchema.safeParse(json);
        throw parsed.success
          ? new ApiRequestError(response.status, parsed.data.error.code, parsed.data.error.message)
          : new ApiRequestError(
              response.status,
              'http',
              `The relay answered HTTP ${response.status}.`,
            );
      }
      if (schema === null) return null;
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        throw new ApiRequestError(
          response.status,
          'invalid-response',
          `The relay sent an unexpected answer to ${method} ${path}.`,
        );
      }
      return parsed.data;
    }
  };
}

/** The value of a call that must answer with a body. */
export function required<T>(value: T | null): T {
  if (value === null) throw new ApiRequestError(0, 'invalid-response', 'The relay sent no answer.');
  return value;
}
