export {
  COMMENT_LIMITS,
  AnchorSchema,
  type Anchor,
  type CommentAuthor,
  type CommentMention,
  type CommentMessage,
  type CommentThread,
  type Resolution,
} from './schema.ts';
export {
  COMMENTS_FIELD,
  CommentError,
  commentsMap,
  createThread,
  listThreads,
  readThread,
  reopenThread,
  replyToThread,
  resolveThread,
  shortenQuote,
  type MessageInput,
  type ThreadInput,
  type ThreadList,
} from './threads.ts';
export {
  anchorFromPositions,
  anchorPositions,
  anchoredRange,
  type ResolvedRange,
} from './anchor.ts';
