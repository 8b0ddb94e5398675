import { useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Host } from '../../../shared/host.ts';
import { AppServicesContext } from '../../services/index.ts';
import { createInboxService, type InboxItem, type InboxService } from './inbox-service.ts';

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
  // Created idle; the effect starts it and stops it on unmount.
  const service = useMemo(
    () =>
      registry === null
        ? null
        : createInboxService({ registry, me: sub, host, storage: localStorageOr() }),
    [registry, sub, host],
  );
  useEffect(() => service?.start(), [service]);
  const items = useSyncExternalStore(
    (listener) => service?.subscribe(listener) ?? (() => undefined),
    () => service?.items() ?? NONE,
  );
  return { service, items };
}
