/**
 * The shape of the relay's REST API table (api-routes.ts): a route of the
 * shared contract with its handler, and what a handler gets and answers.
 */
import type { RouteContract } from '../../shared/rest/index.ts';
import type { AcceptableUse } from '../acceptable-use/acceptable-use.ts';
import type { AuditStore, AuditVerification } from '../audit/types.ts';
import type { Classification } from '../classification/policy.ts';
import type { MembershipChange } from '../fanout/types.ts';
import type { FileStore } from '../files/types.ts';
import type { NoteHistoryApi } from '../history/history.ts';
import type { KnowledgeService } from '../knowledge/service.ts';
import type { LegalService } from '../legal/service.ts';
import type { NotificationService } from '../notifications/service.ts';
import type { Principal } from '../pipeline/auth.ts';
import type { PersonRate } from '../quotas/person-rate.ts';
import type { SpaceStore } from '../spaces/types.ts';
import type { MaybePromise, StoredMarker } from '../storage/types.ts';
import type { WebhookApi } from '../webhooks/service.ts';
import type { NoteDocs } from '../notes/note-docs.ts';
import type { TokenStore } from '../tokens/types.ts';
import type { RawBody } from './raw-body.ts';

/** What the admin routes (routes-admin.ts) use. */
export interface AdminDeps {
  /**
   * Whether `principal` is a company admin: in the configured IdP group by
   * their token's groups claim, or a member of the SCIM group of that name
   * (read from the store on each call, so a change applies at once).
   */
  isAdmin(principal: Principal): MaybePromise<boolean>;
  readonly audit: AuditStore;
  /** Checks the audit log's chain, after what is queued is stored. */
  verify(): Promise<AuditVerification>;
}

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
  readonly admin: AdminDeps;
  /** Retention, legal holds and eDiscovery (routes-legal.ts); 404 on those routes when absent. */
  readonly legal?: LegalService;
  /** The acceptable-use policy: its routes, and the refusal of writes until it is accepted. */
  readonly acceptableUse: AcceptableUse;
  /** Outgoing webhooks (routes-webhooks.ts); their routes answer 404 without. */
  readonly webhooks?: WebhookApi;
  /** Each person's notifications (relay/notifications); their routes answer 404 without. */
  readonly notifications?: NotificationService;
  /** Classification labels of spaces and the rules they set (relay/classification). */
  readonly classification: Classification;
  /** Personal access tokens and service accounts (routes-tokens.ts); their routes answer 404 without. */
  readonly tokens?: TokenStore;
  /** Notes read and written on the relay's document path (routes-notes.ts); 404 without. */
  readonly notes?: NoteDocs;
  /** Note search, profiles and the expert finder (relay/knowledge); their routes answer 404 without. */
  readonly knowledge?: KnowledgeService;
  /** Per-person rates of costly calls (`spacesCreatedPerDay`, `manualSnapshotsPerHour`). */
  readonly rates: {
    readonly spaceCreations: PersonRate;
    readonly manualSnapshots: PersonRate;
  };
}

export type { HttpMethod } from '../../shared/rest/index.ts';

export interface ApiRequest {
  readonly principal: Principal;
  /** Path parameters, percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The body, parsed with the route's `body` schema. */
  readonly body: unknown;
  /** Reads the raw body of a `rawBody` route (after the handler has checked access). */
  readonly readRawBody?: () => Promise<RawBody>;
  /** Where the call came from (recorded with an acceptance of the policy). */
  readonly origin?: { readonly ip: string | null; readonly userAgent: string | null };
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

/**
 * A route as the relay serves it: its description from the shared contract
 * (shared/rest) plus the handler, and for a binary body the size limit from
 * the relay's configuration.
 */
export interface ApiRoute extends RouteContract {
  /** Largest binary body, in bytes; required with `rawBody`. */
  readonly rawBodyMaxBytes?: (deps: ApiDeps) => number;
  readonly handle: (deps: ApiDeps, req: ApiRequest) => Promise<ApiResult>;
}
