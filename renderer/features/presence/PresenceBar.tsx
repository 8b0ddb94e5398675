import { initials } from '../../identity/index.ts';
import { useT } from '../../i18n/index.ts';
import { useAppStore } from '../../services/index.ts';
import { selectPeers } from '../../store/index.ts';
import { PersonLink } from '../profile/index.ts';
import { PresenceAnnouncer } from './PresenceAnnouncer.tsx';
import './presence.css';

/** The people who have this note open, from awareness; self first. */
export function PresenceBar({ roomKey }: { readonly roomKey: string }) {
  const t = useT();
  const peers = useAppStore(selectPeers(roomKey));
  return (
    <>
      <ul className="presence" aria-label={t('presence.label')}>
        {peers.map((peer) => (
          <li
            key={peer.clientId}
            className="presence__person"
            data-self={peer.isSelf}
            title={peer.isSelf ? t('presence.you', { name: peer.name }) : peer.name}
          >
            <span
              className="presence__avatar"
              aria-hidden="true"
              // React applies `style` through CSSOM, which a strict CSP allows.
              style={{ backgroundColor: peer.color }}
            >
              {initials(peer.name)}
            </span>
            <span className="presence__name">
              {peer.sub === undefined ? (
                peer.name
              ) : (
                <PersonLink personId={peer.sub} name={peer.name} />
              )}
              {peer.isSelf && t('presence.youSuffix')}
            </span>
          </li>
        ))}
      </ul>
      <PresenceAnnouncer roomKey={roomKey} />
    </>
  );
}
