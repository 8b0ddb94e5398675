/**
 * What Tab can reach inside a dialog, in document order: enabled form
 * controls, links and explicit tab stops, minus anything `hidden` (such as a
 * hidden file input behind a "Choose a file…" button).
 */
const TABBABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

export function tabbables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => el.closest('[hidden]') === null,
  );
}

/** Where focus goes when a dialog opens: its first field or button. */
export function firstField(root: HTMLElement): HTMLElement | undefined {
  return tabbables(root).find((el) => el.matches('input, select, textarea, button'));
}

/**
 * Keeps Tab and Shift+Tab inside `root`: from the last stop Tab wraps to
 * the first, and back. Returns true when it moved focus itself.
 */
export function trapTab(root: HTMLElement, backwards: boolean): boolean {
  const stops = tabbables(root);
  const first = stops[0];
  const last = stops.at(-1);
  if (first === undefined || last === undefined) return false;
  const active = root.ownerDocument.activeElement;
  const inside = active !== null && active !== root && root.contains(active);
  if (backwards && (!inside || active === first)) {
    last.focus();
    return true;
  }
  if (!backwards && (!inside || active === last)) {
    first.focus();
    return true;
  }
  return false;
}
