import { Button, useDialogButton } from '../../ui/index.ts';
import { SpaceSettingsDialog, type SpaceSettingsDialogProps } from './SpaceSettingsDialog.tsx';

export type SpaceSettingsButtonProps = Omit<SpaceSettingsDialogProps, 'onClose'>;

/** "Space settings" for the current space; opens the dialog and gives focus back on close. */
export function SpaceSettingsButton(props: SpaceSettingsButtonProps) {
  const { open, close, buttonProps } = useDialogButton();
  return (
    <>
      <Button {...buttonProps} className="space-settings__open">
        Space settings
      </Button>
      {open && <SpaceSettingsDialog {...props} onClose={close} />}
    </>
  );
}
