/**
 * The OpenAPI 3.1 document of the REST API, generated from the route table
 * and the shared zod schemas with zod 4's `z.toJSONSchema` (JSON Schema
 * 2020-12, which OpenAPI 3.1 uses), so that the document cannot drift from
 * what the relay validates.
 */
import { z } from 'zod';
import { ApiErrorSchema } from '../../shared/api.ts';
import type { ApiRoute } from './api-types.ts';

type JsonObject = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  // The dialect is the document's (OpenAPI 3.1 = JSON Schema 2020-12), not per schema.
  const generated = z.toJSONSchema(schema, { io }) as JsonObject;
  delete generated['$schema'];
  return generated;
}

const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'invalid request (body or query)',
  401: 'missing, invalid or expired access token',
  403: 'not allowed (not a member, not an owner, or refused by the domain policy)',
  404: 'unknown space, member or person',
  408: 'an upload sent nothing for `uploadIdleTimeoutMs`: its slot is freed and the connection closed',
  409: 'conflict: the space would be left without an owner',
  413: "request body too large (`payload_too_large`), or the space's files would pass its quota (`quota_exceeded`)",
  415: 'request body is not of an accepted content type (application/json, or the types a file route lists) or does not match it',
  429: "one of the caller's fair-share limits is reached: `error.limit` names it, `retry-after` (and `error.retryAfterSeconds`) says when to retry",
  503: 'too many uploads at once: retry after the `retry-after` seconds',
};

function errorResponse(status: number): JsonObject {
  return {
    description: ERROR_DESCRIPTIONS[status] ?? 'error',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
  };
}

/** One empty media type object per type: binary content has no schema (OpenAPI 3.1). */
function binaryContent(types: readonly string[]): JsonObject {
  return Object.fromEntries(types.map((type) => [type, {}]));
}

function operation(route: ApiRoute): JsonObject {
  const params = [...route.path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const query = (route.query ?? []).map((q) => ({
    name: q.name,
    in: 'query',
    required: false,
    description: q.description,
    schema: jsonSchema(q.schema, 'input'),
  }));
  const responses: JsonObject = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    responses[status] = {
      description: spec.description,
      ...(spec.schema === undefined
        ? {}
        : { content: { 'application/json': { schema: jsonSchema(spec.schema, 'output') } } }),
      // Raw bytes: OpenAPI 3.1 §4.8.14.3 describes binary content by its media type alone.
      ...(spec.rawContentTypes === undefined
        ? {}
        : { content: binaryContent(spec.rawContentTypes) }),
    };
  }
  const errors = new Set(route.errors);
  // Every authenticated call counts against the caller's requests per minute.
  if (route.auth) for (const s of [401, 429]) errors.add(s);
  if (route.rawBody !== undefined) errors.add(408);
  if (route.body !== undefined || route.rawBody !== undefined) {
    for (const s of [400, 413, 415]) errors.add(s);
  }
  for (const status of [...errors].sort()) responses[String(status)] = errorResponse(status);
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.auth ? {} : { security: [] }),
    ...(params.length + query.length === 0 ? {} : { parameters: [...params, ...query] }),
    ...(route.body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
          },
        }),
    ...(route.rawBody === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            description: route.rawBody.description,
            content: binaryContent(route.rawBody.contentTypes),
          },
        }),
    responses,
  };
}

/** Builds the OpenAPI 3.1 document for `routes`. */
export function buildOpenApi(routes: readonly ApiRoute[], version: string): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of routes) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Commonplace relay API',
      version,
      description:
        'Spaces, members and the directory; change markers of stored documents. Every call but this document needs `Authorization: Bearer <access token>` from the configured OpenID Connect issuer. Errors are `{ error: { code, message } }`; a 429 adds `limit` and `retryAfterSeconds`.',
    },
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { ApiError: jsonSchema(ApiErrorSchema, 'output') },
    },
  };
}
