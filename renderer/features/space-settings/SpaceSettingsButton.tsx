import { useDialogButton } from '../../ui/index.ts';
import { SpaceSettingsDialog, type SpaceSettingsDialogProps } from './SpaceSettingsDialog.tsx';

export type SpaceSettingsButtonProps = Omit<SpaceSettingsDialogProps, 'onClose'>;

/** "Space settings" for the current space; opens the dialog and gives focus back on close. */
export function SpaceSettingsButton(props: SpaceSettingsButtonProps) {
  const { open, close, buttonProps } = useDialogButton();
  return (
    <>
      <button {...buttonProps} className="button space-settings__open">
        Space settings
      </button>
      {open && <SpaceSettingsDialog {...props} onClose={close} />}
    </>
  );
}
