import type { SpacesService } from './spaces-service.ts';

/** Fewest milliseconds between two refreshes caused by focus (focus and visibility often fire together). */
export const FOCUS_REFRESH_GAP_MS = 2000;

/**
 * Re-reads the spaces list whenever the window regains focus or becomes
 * visible again: members then see a space renamed (or
 * given an icon or description) by its owner without reloading. Chosen over
 * a relay push because it needs no new wire message, costs one small GET
 * when a person comes back to the app, and also catches changes made while
 * this client was offline. Returns the function that stops listening.
 */
export function refreshSpacesOnFocus(
  win: Pick<Window, 'addEventListener' | 'removeEventListener' | 'document'>,
  service: Pick<SpacesService, 'refresh'>,
  now: () => number = Date.now,
): () => void {
  let last = Number.NEGATIVE_INFINITY;
  const refresh = () => {
    if (win.document.visibilityState === 'hidden') return;
    if (now() - last < FOCUS_REFRESH_GAP_MS) return;
    last = now();
    void service.refresh();
  };
  win.addEventListener('focus', refresh);
  win.document.addEventListener('visibilitychange', refresh);
  return () => {
    win.removeEventListener('focus', refresh);
    win.document.removeEventListener('visibilitychange', refresh);
  };
}
