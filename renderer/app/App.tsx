import type { AppInfo } from '../../shared/host.ts';
import { formatRoomName, type RoomName } from '../../shared/wire.ts';
import { NoteEditor } from '../features/editor/index.ts';
import { ConnectionIndicator, PresenceBar } from '../features/presence/index.ts';
import type { Identity } from '../identity/index.ts';
import { AppServicesContext, type AppServices } from '../services/index.ts';

export interface AppProps {
  readonly services: AppServices;
  readonly info: AppInfo;
  readonly identity: Identity;
  readonly room: RoomName;
}

/** The app shell around one note: title, people present, connection, editor. */
export function App({ services, info, identity, room }: AppProps) {
  const roomKey = formatRoomName(room);
  return (
    <AppServicesContext value={services}>
      <div className="shell">
        <header className="topbar">
          <div className="topbar__title">
            <span className="brand">Commonplace</span>
            <span className="crumbs">
              {room.spaceId} / <strong>{room.docId}</strong>
            </span>
          </div>
          <div className="topbar__status">
            <PresenceBar roomKey={roomKey} />
            <ConnectionIndicator roomKey={roomKey} />
          </div>
        </header>
        <main className="page">
          <NoteEditor room={room} identity={identity} />
        </main>
        <footer className="footer">
          {info.name} {info.version} · {info.platform}
        </footer>
      </div>
    </AppServicesContext>
  );
}

/** A full-page message for what stops the app from showing a note. */
export function Problem({ title, message }: { readonly title: string; readonly message: string }) {
  return (
    <main className="problem" role="alert">
      <h1>{title}</h1>
      <p>{message}</p>
    </main>
  );
}

export function Splash() {
  return <p className="splash">Starting Commonplace…</p>;
}
