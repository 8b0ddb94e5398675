import { afterEach, describe, expect, it, vi } from 'vitest';
import { useRef, useState } from 'react';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { Dialog, type DialogProps } from './Dialog.tsx';

afterEach(() => {
  cleanup();
});

/** An "Open" button and, once pressed, a dialog with a hidden input, two fields and a footer. */
function Harness(props: Partial<DialogProps> & { readonly focusSecond?: boolean }) {
  const [open, setOpen] = useState(false);
  const second = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setOpen(true);
        }}
      >
        Open
      </button>
      <button type="button">Elsewhere</button>
      {open && (
        <Dialog
          title="Rename"
          className="rename"
          onClose={() => {
            setOpen(false);
          }}
          footer={<button type="button">Done</button>}
          {...(props.focusSecond === true ? { initialFocus: second } : {})}
          {...props}
        >
          <input type="file" hidden aria-label="Hidden file" />
          <input aria-label="First" />
          <input ref={second} aria-label="Second" />
        </Dialog>
      )}
    </>
  );
}

function open(props: Partial<DialogProps> & { readonly focusSecond?: boolean } = {}) {
  render(<Harness {...props} />);
  const opener = screen.getByRole('button', { name: 'Open' });
  opener.focus();
  fireEvent.click(opener);
  return { opener, dialog: screen.getByRole('dialog', { name: 'Rename' }) };
}

describe('Dialog', () => {
  it('is a modal box named by its title, over a presentational backdrop', () => {
    const { dialog } = open();
    expect(dialog.tagName).toBe('DIV');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.className).toBe('dialog__body rename');
    expect(dialog.parentElement?.className).toBe('dialog');
    expect(dialog.parentElement?.getAttribute('role')).toBe('presentation');
    expect(within(dialog).getByRole('heading', { level: 2 }).className).toBe('dialog__title');
    const footer = within(dialog).getByRole('button', { name: 'Done' }).parentElement;
    expect(footer?.className).toBe('dialog__buttons');
    expect(dialog.lastElementChild).toBe(footer);
  });

  it('focuses the first visible field on open and returns focus to the opener on close', () => {
    const { opener, dialog } = open();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'First' }));
    const outside = vi.fn();
    document.addEventListener('keydown', outside);
    fireEvent.keyDown(within(dialog).getByRole('textbox', { name: 'First' }), { key: 'Escape' });
    document.removeEventListener('keydown', outside);
    expect(screen.queryByRole('dialog')).toBeNull();
    // Escape is the dialog's: it closes it and goes no further.
    expect(outside).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(opener);
  });

  it('focuses the given element instead, when asked', () => {
    open({ focusSecond: true });
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Second' }));
  });

  it('leaves focus alone on close when something outside took it', () => {
    const { dialog } = open();
    const elsewhere = screen.getByRole('button', { name: 'Elsewhere' });
    elsewhere.focus();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(elsewhere);
  });

  it('keeps Tab and Shift+Tab inside the box', () => {
    const { dialog } = open();
    const first = within(dialog).getByRole('textbox', { name: 'First' });
    const second = within(dialog).getByRole('textbox', { name: 'Second' });
    const done = within(dialog).getByRole('button', { name: 'Done' });
    // In the middle, the browser moves focus: the dialog does not interfere.
    first.focus();
    expect(fireEvent.keyDown(first, { key: 'Tab' })).toBe(true);
    expect(document.activeElement).toBe(first);
    // At the ends, focus wraps around instead of leaving the dialog.
    done.focus();
    expect(fireEvent.keyDown(done, { key: 'Tab' })).toBe(false);
    expect(document.activeElement).toBe(first);
    expect(fireEvent.keyDown(first, { key: 'Tab', shiftKey: true })).toBe(false);
    expect(document.activeElement).toBe(done);
    second.focus();
    expect(fireEvent.keyDown(second, { key: 'Tab', shiftKey: true })).toBe(true);
  });

  it('is a form when it has onSubmit, whose submission does not load a page', () => {
    const submitted = vi.fn();
    const { dialog } = open({ onSubmit: submitted });
    expect(dialog.tagName).toBe('FORM');
    expect(fireEvent.submit(dialog)).toBe(false);
    expect(submitted).toHaveBeenCalledTimes(1);
  });

  it('has no button row without a footer', () => {
    const { dialog } = open({ footer: undefined });
    expect(dialog.querySelector('.dialog__buttons')).toBeNull();
  });
});
