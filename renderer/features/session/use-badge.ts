import { useEffect } from 'react';
import type { Host } from '../../../shared/host.ts';

/**
 * Keeps the dock or tray badge at the inbox's unread count (desktop only: the
 * web host has no `setBadge`), and clears it when the workspace closes (sign
 * out, another person), so no count outlives the person it belongs to.
 */
export function useAppBadge(host: Pick<Host, 'setBadge'>, unread: number): void {
  useEffect(() => {
    host.setBadge?.(unread).catch(() => undefined);
  }, [host, unread]);
  useEffect(
    () => () => {
      host.setBadge?.(0).catch(() => undefined);
    },
    [host],
  );
}
