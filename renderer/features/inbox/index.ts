export {
  InboxView,
  filterInbox,
  INBOX_FILTERS,
  type InboxFilter,
  type InboxViewProps,
} from './InboxView.tsx';
export {
  INBOX_KINDS,
  InboxKindContext,
  showsMentions,
  showsUpdate,
  type InboxKind,
} from './kind-filter.ts';
export { useInboxState, type InboxState } from './use-inbox-state.ts';
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
export { createNoteTitles } from './note-titles.ts';
