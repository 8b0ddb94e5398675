import { useRef, useState } from 'react';
import { SpaceSettingsDialog, type SpaceSettingsDialogProps } from './SpaceSettingsDialog.tsx';

export type SpaceSettingsButtonProps = Omit<SpaceSettingsDialogProps, 'onClose'>;

/** "Space settings" for the current space; opens the dialog and gives focus back on close. */
export function SpaceSettingsButton(props: SpaceSettingsButtonProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="button space-settings__open"
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
        }}
      >
        Space settings
      </button>
      {open && (
        <SpaceSettingsDialog
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
