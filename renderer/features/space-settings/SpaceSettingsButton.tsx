import { Button, useDialogButton } from '../../ui/index.ts';
import { useT } from '../../i18n/index.ts';
import { SpaceSettingsDialog, type SpaceSettingsDialogProps } from './SpaceSettingsDialog.tsx';

export type SpaceSettingsButtonProps = Omit<SpaceSettingsDialogProps, 'onClose'>;

/** "Space settings" for the current space; opens the dialog and gives focus back on close. */
export function SpaceSettingsButton(props: SpaceSettingsButtonProps) {
  const { open, close, buttonProps } = useDialogButton();
  const t = useT();
  return (
    <>
      <Button {...buttonProps} className="space-settings__open">
        {t('spaceSettings.title')}
      </Button>
      {open && <SpaceSettingsDialog {...props} onClose={close} />}
    </>
  );
}
