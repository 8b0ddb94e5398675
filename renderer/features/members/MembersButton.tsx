import { Button, useDialogButton } from '../../ui/index.ts';
import { MembersDialog, type MembersDialogProps } from './MembersDialog.tsx';
import './members.css';

export type MembersButtonProps = Omit<MembersDialogProps, 'onClose'>;

/** "Members" for the current space; opens the dialog and gives focus back on close. */
export function MembersButton(props: MembersButtonProps) {
  const { open, close, buttonProps } = useDialogButton();
  return (
    <>
      <Button {...buttonProps} className="members__open">
        Members
      </Button>
      {open && <MembersDialog {...props} onClose={close} />}
    </>
  );
}
