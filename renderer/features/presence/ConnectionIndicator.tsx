import { refusalMessage } from '../editor/index.ts';
import { useAppStore } from '../../services/index.ts';
import { selectRoom } from '../../store/index.ts';

const LABELS = { connecting: 'Connecting…', online: 'Online', offline: 'Offline' } as const;

/** Whether this note's connection to the relay is up, and why not when refused. */
export function ConnectionIndicator({ roomKey }: { readonly roomKey: string }) {
  const { connection, closed } = useAppStore(selectRoom(roomKey));
  const detail = closed ? refusalMessage(closed.code, closed.reason) : undefined;
  return (
    <span
      className={`connection connection--${connection}`}
      role="status"
      data-state={connection}
      title={detail}
    >
      <span className="connection__dot" aria-hidden="true" />
      {closed ? 'Refused' : LABELS[connection]}
    </span>
  );
}
