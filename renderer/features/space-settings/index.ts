export { SpaceSettingsButton, type SpaceSettingsButtonProps } from './SpaceSettingsButton.tsx';
export { SpaceSettingsDialog, type SpaceSettingsDialogProps } from './SpaceSettingsDialog.tsx';
