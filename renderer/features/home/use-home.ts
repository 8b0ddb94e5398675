import { useContext, useEffect, useState } from 'react';
import type { MembersApi } from '../../api/index.ts';
import { HOME_DOC_ID } from '../../../shared/space-index/index.ts';
import { formatRoomName, type RoomName } from '../../../shared/wire.ts';
import { useT } from '../../i18n/index.ts';
import { AppServicesContext, useAppStore } from '../../services/index.ts';
import { createNoteTitles } from '../inbox/index.ts';
import { advancedSince } from './changes.ts';
import type { HomeApi } from './home-api.ts';
import { decodeVector, readLooked } from './last-looked.ts';
import { upcomingMeetings, type UpcomingMeeting } from './meetings.ts';
import { browserStorage } from './use-record-look.ts';

export interface HomeNote {
  readonly room: RoomName;
  readonly title: string;
  /** When I last looked (epoch ms). */
  readonly at: number;
}

export interface ChangedNote extends HomeNote {
  /** Who changed it, as the relay recorded; null while only this device knows it changed. */
  readonly by: readonly string[] | null;
}

export interface HomeData {
  readonly recent: readonly HomeNote[];
  readonly changed: readonly ChangedNote[];
  readonly meetings: readonly UpcomingMeeting[];
  readonly loaded: boolean;
}

export const RECENT_SHOWN = 8;

/** Home reads its lists again this often while shown: others keep writing. */
export const HOME_REFRESH_MS = 10_000;

const EMPTY: HomeData = { recent: [], changed: [], meetings: [], loaded: false };

/**
 * Home's lists, local first: recent notes and changes come from what this
 * device recorded and holds (so Home works offline); when the relay answers,
 * its change markers add who made each change.
 */
export function useHome(
  sub: string,
  api: HomeApi | null,
  members: Pick<MembersApi, 'list'>,
): HomeData {
  const services = useContext(AppServicesContext);
  const registry = services?.registry ?? null;
  const spaces = useAppStore((st) => st.spaces);
  const joinedKey = spaces.items.map((space) => space.id).join(',');
  const [data, setData] = useState<HomeData>(EMPTY);
  const t = useT();
  const homeTitle = t('tree.home');
  const [round, setRound] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => {
      setRound((n) => n + 1);
    }, HOME_REFRESH_MS);
    return () => {
      clearInterval(timer);
    };
  }, []);

  useEffect(() => {
    if (registry === null) return;
    // Read through an object: the async work below outlives the effect.
    let stopped = false;
    const live = () => !stopped;
    const joined = joinedKey === '' ? [] : joinedKey.split(',');
    const titles = createNoteTitles(registry);
    const looked = readLooked(browserStorage(), sub).filter(
      (entry) => spaces.status !== 'ready' || joined.includes(entry.room.spaceId),
    );
    void (async () => {
      const withTitles = await Promise.all(
        looked.map(async ({ room, look }) => ({
          room,
          at: look.at,
          seen: decodeVector(look.sv),
          // A space's home note is no page of its tree.
          title: room.docId === HOME_DOC_ID ? homeTitle : await titles.titleOf(room),
        })),
      );
      const changedHere = withTitles.filter(({ room, seen }) => {
        const now = registry.knownStateVector(room);
        return seen !== null && now !== null && advancedSince(seen, now);
      });
      const changed = new Map<string, ChangedNote>(
        changedHere.map((n) => [formatRoomName(n.room), { ...n, by: null }]),
      );
      const meetings = await upcomingMeetings(registry, joined, Date.now()).catch(() => []);
      if (!live()) return;
      const recent = withTitles.slice(0, RECENT_SHOWN);
      setData({ recent, changed: [...changed.values()], meetings, loaded: true });
      if (api === null) return;
      // Online: who changed what, from the relay's markers and the members' names.
      const bySpace = new Map<string, typeof withTitles>();
      for (const note of withTitles) {
        bySpace.set(note.room.spaceId, [...(bySpace.get(note.room.spaceId) ?? []), note]);
      }
      for (const [spaceId, notes] of bySpace) {
        const markers = await api.docMarkers(spaceId).catch(() => null);
        if (markers === null) continue;
        const names = new Map(
          (await members.list(spaceId).catch(() => [])).map((m) => [
            m.id,
            m.name ?? m.email ?? m.id,
          ]),
        );
        for (const note of notes) {
          const marker = markers.find((m) => m.docId === note.room.docId);
          if (marker === undefined || marker.updatedBy === null || marker.updatedBy === sub)
            continue;
          if (marker.updatedAt <= note.at) continue;
          const name = names.get(marker.updatedBy) ?? marker.updatedBy;
          changed.set(formatRoomName(note.room), { ...note, by: [name] });
        }
      }
      if (live()) {
        const list = [...changed.values()].sort((a, b) => b.at - a.at);
        setData({ recent, changed: list, meetings, loaded: true });
      }
    })();
    return () => {
      stopped = true;
    };
  }, [registry, sub, api, members, joinedKey, spaces.status, homeTitle, round]);

  return data;
}
