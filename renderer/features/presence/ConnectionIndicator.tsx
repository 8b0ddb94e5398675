import { CloseCode } from '../../../shared/wire.ts';
import { useAppStore } from '../../services/index.ts';
import { selectRoom } from '../../store/index.ts';

const LABELS = { connecting: 'Connecting…', online: 'Online', offline: 'Offline' } as const;

/** Why the relay refused us for good (close codes of shared/wire.ts). */
function refusal(code: number, reason: string): string {
  const why =
    code === CloseCode.Unauthorized
      ? 'not signed in'
      : code === CloseCode.Forbidden
        ? 'no access to this space'
        : code === CloseCode.InvalidRoom
          ? 'not a valid note'
          : `closed with code ${code}`;
  return reason ? `${why}: ${reason}` : why;
}

/** Whether this note's connection to the relay is up, and why not when refused. */
export function ConnectionIndicator({ roomKey }: { readonly roomKey: string }) {
  const { connection, closed } = useAppStore(selectRoom(roomKey));
  const detail = closed
    ? `The relay refused this note (${refusal(closed.code, closed.reason)}).`
    : undefined;
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
