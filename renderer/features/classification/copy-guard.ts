/**
 * Blocks copying, cutting and dragging text out of a note whose space's
 * label forbids copy-out, with a short toast saying why. Pasting in is not
 * touched. ProseMirror's `handleDOMEvents` run before its own clipboard
 * handler, and a handler that returns true stops it; preventing the default
 * also stops the browser from copying the selection itself.
 */
import { t } from '../../i18n/index.ts';
import { showToast } from '../../ui/index.ts';

/** Shown at most this often, so holding Ctrl+C does not stack toasts. */
const TOAST_GAP_MS = 3000;

export function copyGuardHandlers(
  allowed: () => boolean,
  now: () => number = Date.now,
): Record<'copy' | 'cut' | 'dragstart', (view: unknown, event: Event) => boolean> {
  let lastToast = Number.NEGATIVE_INFINITY;
  const guard = (_view: unknown, event: Event): boolean => {
    if (allowed()) return false;
    event.preventDefault();
    if (now() - lastToast > TOAST_GAP_MS) {
      lastToast = now();
      showToast(t('classification.copyBlocked'), 'danger');
    }
    return true;
  };
  return { copy: guard, cut: guard, dragstart: guard };
}
