export { MembersButton, type MembersButtonProps } from './MembersButton.tsx';
export { MembersDialog, type MembersDialogProps } from './MembersDialog.tsx';
export { PeoplePicker, type PeoplePickerProps } from './PeoplePicker.tsx';
export { useDirectorySearch } from './use-members.ts';
export { personName, useDirectory, type SearchDirectory } from './use-directory.ts';
