export { CommentsPanel, COMMENTS_ORIGIN, type CommentsPanelProps } from './CommentsPanel.tsx';
export type { SearchPeople } from './MentionInput.tsx';
