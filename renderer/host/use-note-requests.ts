import { useEffect, useRef } from 'react';
import type { Host, NoteTarget } from '../../shared/host.ts';

interface Startup {
  readonly promise: Promise<NoteTarget | null>;
  used: boolean;
}

/**
 * Opens the notes the host asks for: the one it kept while nobody listened (a
 * deep link that launched the app, or arrived before sign-in), taken once on
 * mount, and every `onOpenNote` event while mounted.
 *
 * The pending note is taken once per component and survives StrictMode's
 * mount, unmount, mount: taking clears it in main, so a second take would
 * answer null and the link would be lost.
 */
export function useNoteRequests(
  host: Pick<Host, 'onOpenNote' | 'takePendingNote'>,
  open: (target: NoteTarget) => void,
): void {
  const startup = useRef<Startup | null>(null);
  useEffect(() => {
    let live = true;
    const off = host.onOpenNote((target) => {
      open(target);
      // Handled here, so main's copy is cleared: a later sign-in (a new
      // workspace) must not open it a second time.
      void host.takePendingNote().catch(() => null);
    });
    startup.current ??= { promise: host.takePendingNote().catch(() => null), used: false };
    const pending = startup.current;
    void pending.promise.then((target) => {
      if (!live || pending.used || target === null) return;
      pending.used = true;
      open(target);
    });
    return () => {
      live = false;
      off();
    };
  }, [host, open]);
}
