/** What the SCIM handlers share: errors, JSON in and out, paging, and their dependencies. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuditInput } from '../audit/types.ts';
import type { MembershipChange } from '../fanout/types.ts';
import type { Logger } from '../log.ts';
import type { SpaceStore } from '../spaces/types.ts';

export const SCIM_PREFIX = '/scim/v2';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
/** Large enough for a group of tens of thousands of members sent at once. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;
export const MAX_PAGE = 200;

export interface ScimDeps {
  readonly token: string;
  readonly store: SpaceStore;
  readonly publishMembership: (change: MembershipChange) => void;
  readonly audit: (input: AuditInput) => void;
  readonly log: Logger;
  /** The group (display name) whose members are company admins; changes to it are audited as grants. */
  readonly adminGroup?: string | undefined;
}

export class ScimError extends Error {
  readonly status: number;
  readonly scimType: string | undefined;
  constructor(status: number, message: string, scimType?: string) {
    super(message);
    this.status = status;
    this.scimType = scimType;
  }
}

/** A SCIM answer before it is sent. */
export interface ScimAnswer {
  readonly status: number;
  readonly body: unknown;
}

export function send(res: ServerResponse, status: number, body: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/scim+json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new ScimError(413, 'request body too large');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new ScimError(400, 'body is not JSON', 'invalidSyntax');
  }
}

/** `attribute eq "value"`, the one filter IdPs need to find a resource, for `attribute`. */
export function eqFilter(filter: string | null, attribute: string): string | null {
  if (filter === null || filter.trim() === '') return null;
  const match = new RegExp(`^\\s*${attribute}\\s+eq\\s+"((?:[^"\\\\]|\\\\.)*)"\\s*$`, 'i').exec(
    filter,
  );
  if (match?.[1] === undefined) {
    throw new ScimError(400, `only the filter ${attribute} eq "…" is supported`, 'invalidFilter');
  }
  return match[1].replace(/\\(.)/g, '$1');
}

export function pageOf(query: URLSearchParams): { offset: number; limit: number } {
  const start = Math.max(1, Number.parseInt(query.get('startIndex') ?? '1', 10) || 1);
  const count = Number.parseInt(query.get('count') ?? String(MAX_PAGE), 10);
  return {
    offset: start - 1,
    limit: Math.min(MAX_PAGE, Math.max(0, Number.isNaN(count) ? MAX_PAGE : count)),
  };
}

/** A list response of `resources` (RFC 7644 §3.4.2). */
export function listResponse(
  total: number,
  offset: number,
  resources: readonly unknown[],
): unknown {
  return {
    schemas: [LIST_SCHEMA],
    totalResults: total,
    startIndex: offset + 1,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
