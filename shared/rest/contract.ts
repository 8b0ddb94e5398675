import type { z } from 'zod';

/**
 * The shape of one REST route of the relay, described once here and used by
 * both sides: the relay attaches a handler to each (relay/http) and builds
 * its dispatcher and OpenAPI document from them; the renderer's clients call
 * a route by its description (renderer/api), so a path, a method or a schema
 * cannot differ between the two. The same idea as shared/ipc.ts for IPC.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteResponse {
  readonly description: string;
  readonly schema?: z.ZodType;
  /** Media types of a raw (non-JSON) answer, for the OpenAPI document. */
  readonly rawContentTypes?: readonly string[];
}

/** A binary request body (instead of JSON `body`): accepted types; the relay sets its size limit. */
export interface RouteRawBody {
  readonly contentTypes: readonly string[];
  readonly description: string;
}

export interface RouteQueryParam {
  readonly name: string;
  readonly description: string;
  readonly schema: z.ZodType;
}

export interface RouteContract {
  readonly method: HttpMethod;
  /** OpenAPI path template, e.g. `/api/spaces/{id}/members`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  /** False only for the OpenAPI document itself. */
  readonly auth: boolean;
  readonly body?: z.ZodType;
  /** A binary body (exclusive with `body`). */
  readonly rawBody?: RouteRawBody;
  readonly query?: readonly RouteQueryParam[];
  /** Success responses; the error responses of `errors` are added by the OpenAPI generator. */
  readonly responses: Readonly<Record<number, RouteResponse>>;
  /** Error statuses this route can answer besides 401 (and 400/413/415 for bodies). */
  readonly errors: readonly number[];
}

/** Checks a group of routes against the shape while keeping their literal types. */
export function defineRoutes<const T extends Readonly<Record<string, RouteContract>>>(
  routes: T,
): T {
  return routes;
}

/** What a successful JSON answer of `R` parses to; `undefined` for a route that answers no body. */
export type RouteResult<R extends RouteContract> = R['responses'] extends {
  readonly 200: { readonly schema: infer S extends z.ZodType };
}
  ? z.output<S>
  : R['responses'] extends { readonly 201: { readonly schema: infer S extends z.ZodType } }
    ? z.output<S>
    : undefined;

/** The JSON body `R` takes, or `never` when it takes none. */
export type RouteBody<R extends RouteContract> = R['body'] extends z.ZodType
  ? z.input<R['body']>
  : never;

/** The schema of a route's successful JSON answer (200, else 201), or null when it has none. */
export function successSchema(route: RouteContract): z.ZodType | null {
  return route.responses[200]?.schema ?? route.responses[201]?.schema ?? null;
}

/** The names of a path template's parameters, in order (`{id}` → `id`). */
export function pathParams(template: string): string[] {
  return [...template.matchAll(/\{([^}]+)\}/g)].map(([, name]) => name ?? '');
}

/**
 * The concrete path of `route` with each `{name}` replaced by
 * `params[name]`, percent-encoded; a missing parameter throws (a bug, never
 * a request to a wrong path).
 */
export function pathOf(
  route: Pick<RouteContract, 'path'>,
  params: Readonly<Record<string, string>> = {},
): string {
  return route.path.replace(/\{([^}]+)\}/g, (_all, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route.path}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
}
