import { useRef, useState } from 'react';
import { MembersDialog, type MembersDialogProps } from './MembersDialog.tsx';

export type MembersButtonProps = Omit<MembersDialogProps, 'onClose'>;

/** "Members" for the current space; opens the dialog and gives focus back on close. */
export function MembersButton(props: MembersButtonProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="button members__open"
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
        }}
      >
        Members
      </button>
      {open && (
        <MembersDialog
          {...props}
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      )}
    </>
  );
}
