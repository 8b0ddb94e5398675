export { MentionsButton, type MentionsButtonProps } from './MentionsButton.tsx';
export {
  createInboxService,
  inboxStorageKey,
  MAX_NOTIFICATIONS_PER_CHANGE,
  type InboxItem,
  type InboxService,
  type InboxServiceOptions,
} from './inbox-service.ts';
