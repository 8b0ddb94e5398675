export { NewMeetingButton, type NewMeetingButtonProps } from './NewMeetingButton.tsx';
export { NewMeetingDialog, type NewMeetingDialogProps } from './NewMeetingDialog.tsx';
export { MyActionItemsView, type MyActionItemsProps } from './MyActionItems.tsx';
export { ActionItemRow, type ActionItemRowProps } from './ActionItemRow.tsx';
export { useMyActionItems, actionItemKey, type MyActionItemsState } from './use-my-action-items.ts';
export { createMeetingNote, MEETING_FIELD, type CreateMeetingOptions } from './create-meeting.ts';
export { readIcsFile, type InvitePrefill } from './ics-file.ts';
export { collectMyActionItems, tickActionItem, type MyActionItem } from './my-action-items.ts';
export { InviteDropZone, type InviteDropZoneProps } from './InviteDropZone.tsx';
export {
  NewFromTemplateDialog,
  type NewFromTemplateDialogProps,
} from './NewFromTemplateDialog.tsx';
export { createNoteFromTemplate, type CreateFromTemplateOptions } from './create-from-template.ts';
