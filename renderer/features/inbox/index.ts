export { MentionsButton, type MentionsButtonProps } from './MentionsButton.tsx';
export {
  createInboxService,
  inboxStorageKey,
  INBOX_READ_CONCURRENCY,
  MAX_NOTIFICATIONS_PER_CHANGE,
  type InboxItem,
  type InboxService,
  type InboxServiceOptions,
} from './inbox-service.ts';
export type { InboxStorage } from './inbox-persist.ts';
