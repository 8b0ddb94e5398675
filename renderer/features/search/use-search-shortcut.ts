import { useEffect } from 'react';

/** Ctrl+K (Cmd+K on macOS), with no other modifier. */
export function isSearchShortcut(event: KeyboardEvent): boolean {
  return (
    (event.ctrlKey || event.metaKey) &&
    !event.altKey &&
    !event.shiftKey &&
    event.key.toLowerCase() === 'k'
  );
}

/**
 * Calls `onOpen` on Ctrl/Cmd+K anywhere in the window, the editor included:
 * listened to in the capture phase so the editor's own key handling never
 * sees it (browsers bind Ctrl+K to the address bar's search; we take it, as
 * the palette promises).
 */
export function useSearchShortcut(onOpen: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isSearchShortcut(event)) return;
      event.preventDefault();
      event.stopPropagation();
      onOpen();
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
    };
  }, [onOpen]);
}
