import { useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Host } from '../../../shared/host.ts';
import { AppServicesContext } from '../../services/index.ts';
import {
  createInboxService,
  inboxStorageKey,
  type InboxItem,
  type InboxService,
} from './inbox-service.ts';
import type { InboxStorage } from './inbox-persist.ts';

function localStorageOr(): Storage | { getItem(): null; setItem(): void } {
  try {
    return window.localStorage;
  } catch {
    return { getItem: () => null, setItem: () => undefined };
  }
}

const NONE: readonly InboxItem[] = [];

/**
 * The inbox of `sub` for as long as the component lives: created on the
 * app's doc registry, stopped on unmount (another person signing in gets
 * their own).
 */
export function useInbox(
  sub: string,
  host: Pick<Host, 'notify'>,
): { service: InboxService | null; items: readonly InboxItem[] } {
  const services = useContext(AppServicesContext);
  const registry = services?.registry ?? null;
  const personalValues = services?.personalValues;
  // The read state says which notes mention the person: kept sealed where the
  // app offers that, so it is read (asynchronously) before the inbox starts.
  const [loaded, setLoaded] = useState<{ sub: string; storage: InboxStorage } | null>(null);
  useEffect(() => {
    if (personalValues === undefined) return;
    let live = true;
    void personalValues(sub, [inboxStorageKey(sub)]).then(
      (storage) => {
        if (live) setLoaded({ sub, storage });
      },
      () => {
        // Unreadable: unread marks last as long as the page.
        if (live) setLoaded({ sub, storage: { getItem: () => null, setItem: () => undefined } });
      },
    );
    return () => {
      live = false;
    };
  }, [personalValues, sub]);
  const storage: InboxStorage | 'local' | null =
    personalValues === undefined ? 'local' : loaded?.sub === sub ? loaded.storage : null;
  // Created idle; the effect starts it and stops it on unmount.
  const service = useMemo(
    () =>
      registry === null || storage === null
        ? null
        : createInboxService({
            registry,
            me: sub,
            host,
            storage: storage === 'local' ? localStorageOr() : storage,
          }),
    [registry, sub, host, storage],
  );
  useEffect(() => service?.start(), [service]);
  const items = useSyncExternalStore(
    (listener) => service?.subscribe(listener) ?? (() => undefined),
    () => service?.items() ?? NONE,
  );
  return { service, items };
}
