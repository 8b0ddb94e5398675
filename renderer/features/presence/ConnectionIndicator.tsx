import { refusalMessage } from '../editor/index.ts';
import { useT } from '../../i18n/index.ts';
import { useAppStore } from '../../services/index.ts';
import { selectRoom } from '../../store/index.ts';

/** Whether this note's connection to the relay is up, and why not when refused. */
export function ConnectionIndicator({ roomKey }: { readonly roomKey: string }) {
  const t = useT();
  const { connection, closed } = useAppStore(selectRoom(roomKey));
  const network = useAppStore((s) => s.network);
  // The browser knows it is offline before the socket times out: say so at once,
  // so this never reads "Online" next to an "Offline" sync status.
  const state = network === 'offline' && connection === 'online' ? 'offline' : connection;
  const detail = closed ? refusalMessage(closed.code, closed.reason) : undefined;
  const text = closed ? t('presence.refused') : t(`presence.${state}`);
  return (
    <span
      className={`connection connection--${state}`}
      role="status"
      aria-label={t('presence.connectionLabel', { state: text })}
      data-state={state}
      title={detail}
    >
      <span className="connection__dot" aria-hidden="true" />
      {text}
    </span>
  );
}
