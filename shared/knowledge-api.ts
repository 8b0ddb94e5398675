/**
 * Schemas of the knowledge routes: the relay-side note search, people's
 * profiles and the expert finder ("who knows about X?"). Routes in
 * shared/rest/knowledge.ts; the relay's rules in relay/knowledge.
 */
import { z } from 'zod';
import { IdSchema } from './api.ts';

/** Longest `q` of search and the expert finder. */
export const KNOWLEDGE_QUERY_MAX = 200;
/** Most skills, and most "ask me about" topics, one person declares. */
export const MAX_PROFILE_TAGS = 20;
/** Longest skill or topic. */
export const MAX_PROFILE_TAG_LENGTH = 60;
/** Most notes one search answers. */
export const SEARCH_LIMIT = 50;
/** Most people one expert query answers. */
export const EXPERTS_LIMIT = 20;

/** One note found by `GET /api/search`. */
export const SearchHitSchema = z.object({
  spaceId: IdSchema,
  docId: IdSchema,
  title: z.string(),
  /** An excerpt of the body around the best match. */
  snippet: z.string(),
  updatedAt: z.number(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;
export const SearchResponseSchema = z.object({ hits: z.array(SearchHitSchema) });
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

const TagSchema = z.string().trim().min(1).max(MAX_PROFILE_TAG_LENGTH);
const TagsSchema = z.array(TagSchema).max(MAX_PROFILE_TAGS);

/** What a person says about themselves (`PUT /api/profile`: only their own). */
export const ProfileEditSchema = z
  .object({
    skills: TagsSchema,
    askMeAbout: TagsSchema,
    /** Appear in the expert finder; null follows the company default. */
    expertOptIn: z.boolean(),
  })
  .strict();
export type ProfileEdit = z.infer<typeof ProfileEditSchema>;

/** A note a person wrote that the caller may read. */
export const ProfileNoteSchema = z.object({
  spaceId: IdSchema,
  docId: IdSchema,
  title: z.string(),
  edits: z.number().int().nonnegative(),
  comments: z.number().int().nonnegative(),
  lastEditAt: z.number().nullable(),
});
export type ProfileNote = z.infer<typeof ProfileNoteSchema>;

/** `GET /api/people/{userId}/profile`. */
export const ProfileSchema = z.object({
  id: z.string().min(1).max(255),
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** From the company directory (SCIM), else the sign-in token. */
  title: z.string().nullable(),
  department: z.string().nullable(),
  manager: z.string().nullable(),
  /** From the company directory (SCIM `addresses` or the import's `location`). */
  location: z.string().nullable(),
  skills: z.array(z.string()),
  askMeAbout: z.array(z.string()),
  /** Whether they appear in the expert finder (their choice, or the company default). */
  expertOptIn: z.boolean(),
  /** Whether this profile is the caller's own (editable). */
  self: z.boolean(),
  /** Spaces both the caller and this person are members of. */
  sharedSpaces: z.array(z.object({ id: IdSchema, name: z.string() })),
  /** Notes they edited most recently that the caller may read. */
  recentNotes: z.array(ProfileNoteSchema),
});
export type Profile = z.infer<typeof ProfileSchema>;

/** One person the expert finder suggests, with the notes that earned it. */
export const ExpertSchema = z.object({
  id: z.string().min(1).max(255),
  name: z.string().nullable(),
  title: z.string().nullable(),
  score: z.number(),
  /** Declared skills or topics that match the query. */
  matchedSkills: z.array(z.string()),
  evidence: z.array(ProfileNoteSchema),
});
export type Expert = z.infer<typeof ExpertSchema>;
export const ExpertsResponseSchema = z.object({ experts: z.array(ExpertSchema) });
export type ExpertsResponse = z.infer<typeof ExpertsResponseSchema>;
