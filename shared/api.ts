import { z } from 'zod';
import { PrincipalSchema } from './auth.ts';
import { ID_PATTERN } from './wire.ts';

/**
 * The relay's REST API, as zod schemas shared by the relay,
 * which validates every request body and response against them, and the
 * renderer, which validates every response. The relay serves the matching
 * OpenAPI document at `GET /api/openapi.json`.
 *
 * Every call carries `Authorization: Bearer <access token>`. Errors are JSON
 * `{ error: { code, message } }` with the HTTP status (400 invalid body,
 * 401 no or bad token, 403 not allowed, 404 unknown space or member,
 * 409 conflict such as removing the last owner, 413 body too large).
 */

export const RoleSchema = z.enum(['owner', 'editor', 'viewer']);
export type Role = z.infer<typeof RoleSchema>;

/** Roles that may change documents. Viewers only read. */
export function canWrite(role: Role): boolean {
  return role === 'owner' || role === 'editor';
}

export const IdSchema = z.string().regex(ID_PATTERN);

export const SpaceNameSchema = z.string().trim().min(1).max(120);

/**
 * Longest space icon, in code points as zod and JSON Schema count: an emoji
 * sequence, or a letter or two.
 */
export const MAX_SPACE_ICON_LENGTH = 16;
/** Longest space description. */
export const MAX_SPACE_DESCRIPTION_LENGTH = 1000;

/**
 * A space's icon: a short emoji or grapheme string; no control characters,
 * line breaks or bidirectional controls (which could reorder the space name
 * shown beside it). Other format characters stay: emoji sequences need the
 * zero-width joiner.
 */
export const SpaceIconSchema = z
  .string()
  .trim()
  .min(1)
  .max(MAX_SPACE_ICON_LENGTH)
  .regex(
    /^[^\p{Cc}\p{Zl}\p{Zp}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]+$/u,
    'an icon holds no control characters, line breaks or bidirectional controls',
  );

/** A space's description: plain text, line breaks allowed. */
export const SpaceDescriptionSchema = z
  .string()
  .trim()
  .min(1)
  .max(MAX_SPACE_DESCRIPTION_LENGTH)
  .regex(/^(?:[^\p{Cc}]|[\t\n\r])*$/u, 'a description holds no control characters');

/** `POST /api/spaces` body (icon and description optional). */
export const CreateSpaceRequestSchema = z
  .object({
    name: SpaceNameSchema,
    icon: SpaceIconSchema.optional(),
    description: SpaceDescriptionSchema.optional(),
  })
  .strict();

/**
 * `POST /api/spaces` → 201. `icon` and `description` are left out (or null)
 * when unset, so clients older than them still parse the answer.
 */
export const SpaceSchema = z.object({
  id: IdSchema,
  name: SpaceNameSchema,
  icon: SpaceIconSchema.nullable().optional(),
  description: SpaceDescriptionSchema.nullable().optional(),
});
export type Space = z.infer<typeof SpaceSchema>;

/** One entry of `GET /api/spaces`: a space with the caller's role in it. */
export const MySpaceSchema = SpaceSchema.extend({ role: RoleSchema });
export type MySpace = z.infer<typeof MySpaceSchema>;
export const MySpacesResponseSchema = z.object({ spaces: z.array(MySpaceSchema) });

/** A person known to the relay (has signed in at least once). `id` is the token's `sub`. */
export const PersonSchema = z.object({
  id: z.string().min(1).max(255),
  name: z.string().max(256).optional(),
  email: z.string().max(320).optional(),
  /** Present (true) when company admins marked the person a champion of Commonplace. */
  champion: z.literal(true).optional(),
});
export type Person = z.infer<typeof PersonSchema>;

/** `GET /api/spaces/{id}/members`. */
export const MemberSchema = PersonSchema.extend({ role: RoleSchema });
export type Member = z.infer<typeof MemberSchema>;
export const MembersResponseSchema = z.object({ members: z.array(MemberSchema) });

/** `PUT /api/spaces/{id}/members/{userId}` body. */
export const SetMemberRequestSchema = z.object({ role: RoleSchema }).strict();

/** `GET /api/me`. */
export const MeResponseSchema = PrincipalSchema;

/** `GET /api/directory?q=`. */
export const DirectoryResponseSchema = z.object({ people: z.array(PersonSchema) });

/**
 * `GET /api/spaces/{id}/docs`: one change marker per stored document of the
 * space, so a client syncs in the background only the
 * documents whose relay state differs from what it last saw. Members only.
 */
export const DocMarkerSchema = z.object({
  docId: IdSchema,
  /** Base64 of `Y.encodeStateVector` of the relay's stored state. */
  stateVector: z.string().max(1_000_000),
  /** Epoch milliseconds of the last stored update. */
  updatedAt: z.number().int().nonnegative(),
  /** `sub` of the person whose update was stored last, if known. */
  updatedBy: z.string().max(255).nullable(),
});
export type DocMarker = z.infer<typeof DocMarkerSchema>;
export const DocMarkersResponseSchema = z.object({ docs: z.array(DocMarkerSchema) });

/** The JSON body of every error response. */
export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.string().min(1),
    message: z.string().min(1),
    /** With 429: the name of the limit reached, as in the relay's limits (e.g. `restRequestsPerMinute`). */
    limit: z.string().min(1).optional(),
    /** With 429: seconds until a retry can pass (also the `Retry-After` header). */
    retryAfterSeconds: z.number().int().nonnegative().optional(),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/**
 * The relay's WebSocket URL (`ws[s]://host[:port][/]`) turned into its HTTP
 * base URL (`http[s]://host[:port]`). String-based: shared/ has no URL global.
 */
export function httpBaseFromRelayUrl(relayUrl: string): string {
  const match = /^(wss?):\/\/([^/?#]+)/.exec(relayUrl);
  if (!match?.[1] || !match[2]) throw new Error(`not a relay URL: ${relayUrl}`);
  return `${match[1] === 'wss' ? 'https' : 'http'}://${match[2]}`;
}

/**
 * The reason the relay sends (y-protocols/auth `permissionDenied`) when it
 * drops a viewer's document update, so the client can show the note read-only.
 */
export const READ_ONLY_REASON = 'read-only: your role in this space is viewer';
