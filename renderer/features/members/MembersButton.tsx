import { useDialogButton } from '../../ui/index.ts';
import { MembersDialog, type MembersDialogProps } from './MembersDialog.tsx';

export type MembersButtonProps = Omit<MembersDialogProps, 'onClose'>;

/** "Members" for the current space; opens the dialog and gives focus back on close. */
export function MembersButton(props: MembersButtonProps) {
  const { open, close, buttonProps } = useDialogButton();
  return (
    <>
      <button {...buttonProps} className="button members__open">
        Members
      </button>
      {open && <MembersDialog {...props} onClose={close} />}
    </>
  );
}
