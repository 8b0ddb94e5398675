import { useContext, useEffect, useState } from 'react';
import type { Peer } from '../../store/index.ts';
import { useT } from '../../i18n/index.ts';
import { AppServicesContext } from '../../services/index.ts';
import { selectPeers } from '../../store/index.ts';

/** "Grace Hopper joined. Alan Turing left." for what changed between two peer lists, or ''. */
export function presenceChange(
  before: readonly Peer[],
  after: readonly Peer[],
  t: ReturnType<typeof useT>,
): string {
  const others = (peers: readonly Peer[]) =>
    new Map(peers.filter((p) => !p.isSelf).map((p) => [p.clientId, p.name]));
  const was = others(before);
  const is = others(after);
  const joined = [...is].filter(([id]) => !was.has(id));
  const left = [...was].filter(([id]) => !is.has(id));
  return [
    ...joined.map(([, name]) => t('presence.joined', { name })),
    ...left.map(([, name]) => t('presence.left', { name })),
  ].join(' ');
}

/**
 * A polite live region saying who joined or left this note, so a screen
 * reader hears what sighted people see as avatars coming and going. Those
 * already here when the note opens are in the people list, not announced.
 */
export function PresenceAnnouncer({ roomKey }: { readonly roomKey: string }) {
  const t = useT();
  const store = useContext(AppServicesContext)?.store;
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (!store) return undefined;
    const select = selectPeers(roomKey);
    let previous = select(store.getState());
    return store.subscribe((state) => {
      const peers = select(state);
      if (peers === previous) return;
      const change = presenceChange(previous, peers, t);
      previous = peers;
      if (change !== '') setMessage(change);
    });
  }, [store, roomKey, t]);
  return (
    <div
      className="visually-hidden"
      role="log"
      aria-live="polite"
      aria-label={t('presence.changes')}
    >
      {message}
    </div>
  );
}
