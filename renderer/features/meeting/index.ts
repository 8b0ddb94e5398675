export { NewMeetingButton, type NewMeetingButtonProps } from './NewMeetingButton.tsx';
export { NewMeetingDialog, type NewMeetingDialogProps } from './NewMeetingDialog.tsx';
export { MyActionItems, type MyActionItemsProps } from './MyActionItems.tsx';
export { createMeetingNote, type CreateMeetingOptions } from './create-meeting.ts';
export { readIcsFile, type InvitePrefill } from './ics-file.ts';
export { collectMyActionItems, tickActionItem, type MyActionItem } from './my-action-items.ts';
