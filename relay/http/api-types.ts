/**
 * The shape of the relay's REST API table (api-routes.ts): what a route
 * declares and what its handler gets and answers.
 */
import type { z } from 'zod';
import type { MembershipChange } from '../fanout/types.ts';
import type { FileStore } from '../files/types.ts';
import type { NoteHistoryApi } from '../history/history.ts';
import type { Principal } from '../pipeline/auth.ts';
import type { PersonRate } from '../quotas/person-rate.ts';
import type { SpaceStore } from '../spaces/types.ts';
import type { MaybePromise, StoredMarker } from '../storage/types.ts';
import type { RawBody } from './raw-body.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a handler may use. */
export interface ApiDeps {
  readonly store: SpaceStore;
  /** Announces a membership change to open connections (all nodes). */
  readonly publishMembership: (change: MembershipChange) => void;
  /** Change markers of a space's stored documents (storage's `listMarkers`). */
  readonly docMarkers: (spaceId: string) => MaybePromise<readonly StoredMarker[]>;
  /** Files of spaces (pasted images, routes-files.ts) and the largest accepted. */
  readonly files: FileStore;
  readonly maxFileBytes: number;
  /** Bytes of files one space may store in all; null: no quota. */
  readonly spaceFileQuotaBytes: number | null;
  /** Snapshots of notes and space indexes (routes-history.ts). */
  readonly history: NoteHistoryApi;
  /** Epoch milliseconds: when things are trashed (tests inject a clock). */
  readonly now: () => number;
  /** How long a trashed space or file can be restored. */
  readonly trashRetentionMs: number;
  /** Per-person rates of costly calls (`spacesCreatedPerDay`, `manualSnapshotsPerHour`). */
  readonly rates: {
    readonly spaceCreations: PersonRate;
    readonly manualSnapshots: PersonRate;
  };
}

export interface ApiRequest {
  readonly principal: Principal;
  /** Path parameters, percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The body, parsed with the route's `body` schema. */
  readonly body: unknown;
  /** Reads the raw body of a `rawBody` route (after the handler has checked access). */
  readonly readRawBody?: () => Promise<RawBody>;
}

export interface ApiResult {
  readonly status: number;
  readonly body?: unknown;
  /** Raw bytes to answer instead of JSON, with their type and extra headers. */
  readonly raw?: {
    readonly contentType: string;
    readonly bytes: Uint8Array;
    readonly headers?: Readonly<Record<string, string>>;
  };
}

export interface ApiResponseSpec {
  readonly description: string;
  readonly schema?: z.ZodType;
  /** Media types of a raw (non-JSON) answer, for the OpenAPI document. */
  readonly rawContentTypes?: readonly string[];
}

/** A binary request body (instead of JSON `body`): accepted types and the size limit. */
export interface ApiRawBody {
  readonly contentTypes: readonly string[];
  readonly description: string;
  /** Largest body, in bytes, from the relay's configured limits. */
  readonly maxBytes: (deps: ApiDeps) => number;
}

export interface ApiRoute {
  readonly method: HttpMethod;
  /** OpenAPI path template, e.g. `/api/spaces/{id}/members`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  /** False only for the OpenAPI document itself. */
  readonly auth: boolean;
  readonly body?: z.ZodType;
  /** A binary body, read by the handler with `readRawBody` (exclusive with `body`). */
  readonly rawBody?: ApiRawBody;
  readonly query?: readonly { name: string; description: string; schema: z.ZodType }[];
  /** Success responses; the error responses of `errors` are added by the generator. */
  readonly responses: Readonly<Record<number, ApiResponseSpec>>;
  /** Error statuses this route can answer besides 401 (and 400/413/415 for bodies). */
  readonly errors: readonly number[];
  readonly handle: (deps: ApiDeps, req: ApiRequest) => Promise<ApiResult>;
}
