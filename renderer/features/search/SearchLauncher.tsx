import { useCallback, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { NoteHit, SearchService } from '../../search/index.ts';
import { SearchPalette } from './SearchPalette.tsx';
import { useSearchShortcut } from './use-search-shortcut.ts';
import { Button } from '../../ui/index.ts';
import { useT } from '../../i18n/index.ts';

export interface SearchLauncherProps {
  readonly service: SearchService;
  readonly spaceName: (spaceId: string) => string;
  /** Go to the note (the app pushes `?space=&note=`). */
  readonly onOpen: (spaceId: string, docId: string) => void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The "Search" button of the top bar and Ctrl/Cmd+K, both opening the
 * palette. Focus goes back where it was when the palette closes (WAI-ARIA
 * APG dialog pattern), unless a note was opened.
 */
export function SearchLauncher({ service, spaceName, onOpen }: SearchLauncherProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const returnTo = useRef<HTMLElement | null>(null);
  const show = useCallback(() => {
    if (document.activeElement instanceof HTMLElement) returnTo.current = document.activeElement;
    setOpen(true);
  }, []);
  useSearchShortcut(show);
  const close = () => {
    setOpen(false);
    const target = returnTo.current;
    returnTo.current = null;
    if (target?.isConnected) target.focus();
  };
  const shortcut = isMac ? '⌘K' : 'Ctrl+K';
  return (
    <>
      <Button className="search-launcher" aria-keyshortcuts="Control+K Meta+K" onClick={show}>
        {t('search.button')} <kbd>{shortcut}</kbd>
      </Button>
      {/* On <body>: an ancestor with a filter or transform would otherwise
          become the backdrop's containing block and it would dim only that box. */}
      {open &&
        createPortal(
          <SearchPalette
            service={service}
            spaceName={spaceName}
            onClose={close}
            onOpen={(hit: NoteHit) => {
              setOpen(false);
              returnTo.current = null;
              onOpen(hit.spaceId, hit.docId);
            }}
          />,
          document.body,
        )}
    </>
  );
}
