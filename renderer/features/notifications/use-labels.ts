import { useEffect, useState } from 'react';
import type { Notification } from '../../../shared/notifications-api.ts';
import type { NotificationLabels } from './labels.ts';

export interface ShownLabels {
  /** The actor's name once read (null while unknown or for the due scan). */
  actor(n: Notification): string | null;
  /** The note's title once read, else its id. */
  title(spaceId: string, noteId: string): string;
}

const NO_NOTES: readonly string[] = [];

const nameKey = (spaceId: string, sub: string) => `name ${spaceId} ${sub}`;
const titleKey = (spaceId: string, noteId: string) => `title ${spaceId}/${noteId}`;

/** Names and note titles of `items` and `notes` (`<spaceId>/<noteId>`), read as they are needed. */
export function useShownLabels(
  labels: NotificationLabels | null,
  items: readonly Notification[],
  notes: readonly string[] = NO_NOTES,
): ShownLabels {
  const [known, setKnown] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (labels === null) return;
    let live = true;
    const wanted = new Map<string, () => Promise<string>>();
    for (const n of items) {
      const { spaceId, actor, noteId } = n;
      if (actor !== null) {
        wanted.set(nameKey(spaceId, actor), () => labels.nameOf(spaceId, actor));
      }
      if (noteId !== null) {
        wanted.set(titleKey(spaceId, noteId), () => labels.titleOf(spaceId, noteId));
      }
    }
    for (const note of notes) {
      const cut = note.indexOf('/');
      const spaceId = note.slice(0, cut);
      const noteId = note.slice(cut + 1);
      wanted.set(titleKey(spaceId, noteId), () => labels.titleOf(spaceId, noteId));
    }
    void Promise.all([...wanted].map(async ([key, read]) => [key, await read()] as const)).then(
      (found) => {
        if (live) setKnown(new Map(found));
      },
    );
    return () => {
      live = false;
    };
  }, [labels, items, notes]);
  return {
    actor: (n) => (n.actor === null ? null : (known.get(nameKey(n.spaceId, n.actor)) ?? null)),
    title: (spaceId, noteId) => known.get(titleKey(spaceId, noteId)) ?? noteId,
  };
}
