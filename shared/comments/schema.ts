import { z } from 'zod';

// What a comment thread looks like once read from a note's Y.Doc. Anything in
// the doc can have been written by any editor's client (or an old or buggy
// one), so every value read back is parsed, and what does not parse is
// skipped and counted rather than trusted or thrown on.

/** Sizes a thread may have; a longer text is refused with a message, never cut. */
export const COMMENT_LIMITS = {
  /** Characters of one message. */
  text: 10_000,
  /** Characters of the quoted text kept with a thread (longer selections are shortened). */
  quote: 280,
  /** People mentioned in one message. */
  mentions: 50,
  /** Characters of a name shown with a message. */
  name: 256,
} as const;

const IdSchema = z.string().min(1).max(128);
const SubSchema = z.string().min(1).max(255);
const NameSchema = z.string().max(COMMENT_LIMITS.name);
const TimeSchema = z.number().int().nonnegative();

const YIdSchema = z.object({
  client: z.number().int().nonnegative(),
  clock: z.number().int().nonnegative(),
});

/**
 * A Y.RelativePosition as `Y.relativePositionToJSON` writes it: a position
 * next to an item (`item`), at the end of a type (`type` or a root's
 * `tname`), with its association side.
 */
export const RelativePositionJsonSchema = z
  .object({
    type: YIdSchema.optional(),
    tname: z.string().max(255).optional(),
    item: YIdSchema.optional(),
    assoc: z.number().int().optional(),
  })
  .refine((p) => p.item !== undefined || p.type !== undefined || p.tname !== undefined, {
    error: 'a relative position names an item or a type',
  });
export type RelativePositionJson = z.infer<typeof RelativePositionJsonSchema>;

/** Where a thread is anchored: the start and end of the commented text, as relative positions. */
export const AnchorSchema = z.object({
  start: RelativePositionJsonSchema,
  end: RelativePositionJsonSchema,
});
export type Anchor = z.infer<typeof AnchorSchema>;

/** Someone mentioned in a message: their directory id and the name written as `@name`. */
export const CommentMentionSchema = z.object({ sub: SubSchema, name: NameSchema });
export type CommentMention = z.infer<typeof CommentMentionSchema>;

export const CommentMessageSchema = z.object({
  id: IdSchema,
  author: SubSchema,
  authorName: NameSchema,
  text: z.string().min(1).max(COMMENT_LIMITS.text),
  createdAt: TimeSchema,
  mentions: z.array(CommentMentionSchema).max(COMMENT_LIMITS.mentions),
});
export type CommentMessage = z.infer<typeof CommentMessageSchema>;

export const ResolutionSchema = z.object({ by: SubSchema, byName: NameSchema, at: TimeSchema });
export type Resolution = z.infer<typeof ResolutionSchema>;

/** A thread's own fields (its messages live in a Y.Array beside them). */
export const ThreadFieldsSchema = z.object({
  id: IdSchema,
  anchor: AnchorSchema,
  quote: z.string().max(COMMENT_LIMITS.quote),
  author: SubSchema,
  authorName: NameSchema,
  createdAt: TimeSchema,
  resolved: ResolutionSchema.nullable(),
});

/** A thread as the UI shows it. */
export interface CommentThread extends z.infer<typeof ThreadFieldsSchema> {
  readonly messages: readonly CommentMessage[];
  /** Messages in the doc that did not parse (not shown). */
  readonly malformedMessages: number;
}

/** The person writing: their token's `sub` and display name. */
export interface CommentAuthor {
  readonly sub: string;
  readonly name: string;
}
