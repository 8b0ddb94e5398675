import {
  useEffect,
  useId,
  useRef,
  useState,
  type HTMLAttributes,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { createPortal } from 'react-dom';
import { firstField, trapTab } from './focus.ts';
import './dialog.css';

/** Attributes and handlers for the dialog's box (e.g. drag and drop onto a form). */
export type DialogBodyProps = Omit<
  HTMLAttributes<HTMLElement>,
  'className' | 'role' | 'children' | 'onSubmit' | 'onKeyDown' | 'aria-modal' | 'aria-labelledby'
> & { readonly [data: `data-${string}`]: string | undefined };

export interface DialogProps {
  /** The heading, which also names the dialog. */
  readonly title: ReactNode;
  /** Escape calls it too. */
  readonly onClose: () => void;
  readonly children?: ReactNode;
  /** Buttons at the bottom, in `dialog__buttons`. */
  readonly footer?: ReactNode;
  /** Makes the box a form; its default submission (a page load) is prevented. */
  readonly onSubmit?: () => void;
  /** Classes added to `dialog__body` (the feature's own styles). */
  readonly className?: string;
  /** Focused on open; by default the first field or button. */
  readonly initialFocus?: RefObject<HTMLElement | null>;
  readonly bodyProps?: DialogBodyProps;
}

/**
 * A modal dialog: a dimmed page with the dialog's box in the middle. The box
 * carries role="dialog", aria-modal and the title as its name; the backdrop is
 * presentation only.
 *
 * aria-modal="true" tells assistive technology that nothing outside the box
 * can be reached while it is open, so the keyboard must not reach it either
 * (WAI-ARIA APG, Dialog (Modal) pattern): Tab and Shift+Tab wrap inside the
 * box, focus moves into it on open and goes back to where it was on close.
 */
export function Dialog(props: DialogProps) {
  const { onClose, onSubmit, initialFocus } = props;
  const titleId = useId();
  const box = useRef<HTMLElement>(null);
  // Read during the first render, before anything inside can take focus.
  const [opener] = useState(() => document.activeElement);

  useEffect(() => {
    const root = box.current;
    if (root === null) return;
    (initialFocus?.current ?? firstField(root))?.focus();
    return () => {
      // Only when focus was left inside (and so fell to the body as the box
      // went away): a dialog that opened a note leaves focus where the note put it.
      const now = document.activeElement;
      const dropped = now === null || now === document.body || root.contains(now);
      if (dropped && opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [initialFocus, opener]);

  const frame = {
    ...props.bodyProps,
    className: props.className === undefined ? 'dialog__body' : `dialog__body ${props.className}`,
    role: 'dialog',
    'aria-modal': true,
    'aria-labelledby': titleId,
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        onClose();
      } else if (event.key === 'Tab' && trapTab(event.currentTarget, event.shiftKey)) {
        event.preventDefault();
      }
    },
  } as const;
  const content = (
    <>
      <h2 id={titleId} className="dialog__title">
        {props.title}
      </h2>
      {props.children}
      {props.footer !== undefined && <div className="dialog__buttons">{props.footer}</div>}
    </>
  );

  // On <body>, so that no ancestor's transform or filter confines the backdrop.
  return createPortal(
    <div className="dialog" role="presentation">
      {onSubmit === undefined ? (
        <div
          ref={(el) => {
            box.current = el;
          }}
          {...frame}
        >
          {content}
        </div>
      ) : (
        <form
          ref={(el) => {
            box.current = el;
          }}
          {...frame}
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          {content}
        </form>
      )}
    </div>,
    document.body,
  );
}
