export {
  SNIPPET_LENGTH,
  mentionsOf,
  writtenBy,
  type BodyMention,
  type CommentMentionEntry,
  type MentionEntry,
} from './extract.ts';
export {
  INBOX_LIMITS,
  InboxStateSchema,
  emptyInboxState,
  indexRoom,
  isSeen,
  markSeen,
  mentionKey,
  mentionTime,
  parseInboxState,
  type IndexOptions,
  type IndexResult,
  type InboxState,
} from './inbox-state.ts';
export { MAX_STORED_INBOX_CHARS, serializeInboxState } from './inbox-storage.ts';
export {
  notificationText,
  NOTIFY_LIMITS,
  NotifyRequestSchema,
  type NotifyRequest,
} from './notify.ts';
