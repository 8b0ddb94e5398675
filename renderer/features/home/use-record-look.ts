import { useContext, useEffect } from 'react';
import type { RoomName } from '../../../shared/wire.ts';
import { AppServicesContext } from '../../services/index.ts';
import { recordLook, type LookedStorage } from './last-looked.ts';

export function browserStorage(): LookedStorage {
  try {
    return window.localStorage;
  } catch {
    return { getItem: () => null, setItem: () => undefined };
  }
}

/**
 * Remembers that I looked at `room` (Home's recent notes, and the state to
 * compare with for "changed since I last looked"): when it opens, and again
 * with everything it showed when I leave it or close the window.
 */
export function useRecordLook(sub: string, room: RoomName | null): void {
  const services = useContext(AppServicesContext);
  const registry = services?.registry ?? null;
  const spaceId = room?.spaceId ?? null;
  const docId = room?.docId ?? null;
  useEffect(() => {
    if (registry === null || spaceId === null || docId === null) return;
    const here = { spaceId, docId };
    const record = () => {
      const sv = registry.knownStateVector(here);
      recordLook(browserStorage(), sub, here, sv ?? new Uint8Array([0]), Date.now());
    };
    record();
    window.addEventListener('pagehide', record);
    return () => {
      window.removeEventListener('pagehide', record);
      record();
    };
  }, [registry, sub, spaceId, docId]);
}
