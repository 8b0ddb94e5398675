export { BrowseSpacesView, type BrowseSpacesViewProps } from './BrowseSpacesView.tsx';
export { LeaveSpaceDialog, type LeaveSpaceDialogProps } from './LeaveSpaceDialog.tsx';
export { SpaceMenu, type SpaceMenuProps } from './SpaceMenu.tsx';
export { VisibilityField } from './VisibilityField.tsx';
