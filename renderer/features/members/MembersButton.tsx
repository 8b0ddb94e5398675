import { Button, useDialogButton } from '../../ui/index.ts';
import { MembersDialog, type MembersDialogProps } from './MembersDialog.tsx';
import { useT } from '../../i18n/index.ts';
import './members.css';

export type MembersButtonProps = Omit<MembersDialogProps, 'onClose'>;

/** "Members" for the current space; opens the dialog and gives focus back on close. */
export function MembersButton(props: MembersButtonProps) {
  const { open, close, buttonProps } = useDialogButton();
  const t = useT();
  return (
    <>
      <Button {...buttonProps} className="members__open">
        {t('members.button')}
      </Button>
      {open && <MembersDialog {...props} onClose={close} />}
    </>
  );
}
