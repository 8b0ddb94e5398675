import { useCallback, useRef, useState } from 'react';

/**
 * A button that opens a dialog: spread `buttonProps` on the button, render the
 * dialog while `open`, and give it `close`, which hands the focus back to the
 * button (WAI-ARIA APG dialog pattern: focus returns to the invoking element).
 */
export function useDialogButton() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    ref.current?.focus();
  }, []);
  const buttonProps = {
    ref,
    type: 'button',
    'aria-haspopup': 'dialog',
    onClick: () => {
      setOpen(true);
    },
  } as const;
  return { open, close, buttonProps };
}
