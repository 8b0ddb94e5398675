import { useCallback, useEffect, useState } from 'react';
import type { SnapshotMeta } from '../../../shared/history-api.ts';
import type { RoomName } from '../../../shared/wire.ts';
import { ApiRequestError, type HistoryApi } from '../../api/index.ts';
import { t } from '../../i18n/index.ts';

/** Shown instead of the list when the relay cannot be reached: history lives on the relay. */
export function needsRelay(): string {
  return t('history.needsRelay');
}

export type SnapshotsState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly snapshots: readonly SnapshotMeta[] }
  | { readonly status: 'offline' }
  | { readonly status: 'error'; readonly message: string };

/** A failure in words; a network failure is "needs the relay". */
export function problem(error: unknown): { offline: boolean; message: string } {
  if (error instanceof ApiRequestError && error.status === 0) {
    return { offline: true, message: needsRelay() };
  }
  return { offline: false, message: error instanceof Error ? error.message : String(error) };
}

/** The note's snapshots, loaded on mount and whenever `reload` is called. */
export function useSnapshots(
  api: HistoryApi | undefined,
  room: RoomName,
  offline: boolean,
): { state: SnapshotsState; reload: () => Promise<void> } {
  const [state, setState] = useState<SnapshotsState>({ status: 'loading' });
  const { spaceId, docId } = room;

  const load = useCallback(async (): Promise<SnapshotsState> => {
    if (api === undefined) {
      return { status: 'error', message: t('history.unavailable') };
    }
    if (offline) return { status: 'offline' };
    try {
      return { status: 'ready', snapshots: await api.list(spaceId, docId) };
    } catch (error) {
      const { offline: unreachable, message } = problem(error);
      return unreachable ? { status: 'offline' } : { status: 'error', message };
    }
  }, [api, spaceId, docId, offline]);

  useEffect(() => {
    let current = true;
    void load().then((next) => {
      if (current) setState(next);
    });
    return () => {
      current = false;
    };
  }, [load]);

  const reload = useCallback(async () => {
    setState(await load());
  }, [load]);

  return { state, reload };
}
