import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Principal } from '../../shared/auth.ts';
import type { AppInfo, Host, NoteTarget } from '../../shared/host.ts';
import { formatRoomName } from '../../shared/wire.ts';
import type { MembersApi } from '../api/index.ts';
import { AccountMenu } from '../features/account/index.ts';
import { SignInScreen } from '../features/auth/index.ts';
import { NoteEditor } from '../features/editor/index.ts';
import { ConnectionIndicator, PresenceBar } from '../features/presence/index.ts';
import { MembersButton } from '../features/members/index.ts';
import { SpaceSettingsButton } from '../features/space-settings/index.ts';
import { SpacesSidebar } from '../features/spaces/index.ts';
import { OfflineReport, RefusedEdits, SyncStatus } from '../features/sync-status/index.ts';
import { PageCrumbs, PageTreeNav } from '../features/tree/index.ts';
import { SearchLauncher } from '../features/search/index.ts';
import { InviteDropZone, MyActionItems, NewMeetingButton } from '../features/meeting/index.ts';
import { MentionsButton } from '../features/inbox/index.ts';
import { useNoteRequests } from '../host/index.ts';
import { identityFromProfile } from '../identity/index.ts';
import {
  AppServicesContext,
  useAppStore,
  useSearchService,
  type AppServices,
} from '../services/index.ts';
import type { SpacesService } from '../spaces/index.ts';
import { selectSpace } from '../store/index.ts';
import { t, useT } from '../i18n/index.ts';
import { DEFAULT_NOTE, roomOf, searchForRoute, type Route } from './route.ts';
import { Toaster } from '../ui/index.ts';
import { SidebarFrame } from './SidebarFrame.tsx';
import './shell.css';

/** The address bar, injected so the shell can be rendered in tests. */
export interface AppHistory {
  push(search: string): void;
  replace(search: string): void;
  /** Back/forward; returns the unsubscribe function. */
  subscribe(listener: (search: string) => void): () => void;
}

export interface AppProps {
  readonly services: AppServices;
  readonly host: Host;
  readonly info: AppInfo;
  readonly spaces: SpacesService;
  /** Members of a space and the directory (the members dialog). */
  readonly members: MembersApi;
  readonly initialRoute: Route;
  readonly history: AppHistory;
  /** Parses a query string into a route (back/forward). */
  readonly parseRoute: (search: string) => Route | null;
}

/** Signed out: the sign-in screen; signed in: the workspace. */
export function App(props: AppProps) {
  return (
    <AppServicesContext value={props.services}>
      <SessionGate {...props} />
    </AppServicesContext>
  );
}

function SessionGate(props: AppProps) {
  const session = useAppStore((s) => s.session);
  if (session === null) return <Splash />;
  if (session.status !== 'signed-in') {
    return <SignInScreen session={session} onSignIn={() => props.host.signIn()} />;
  }
  // Keyed by person: another sign-in starts from a clean workspace.
  return <Workspace key={session.profile.sub} profile={session.profile} {...props} />;
}

function Workspace({
  profile,
  host,
  info,
  spaces,
  members,
  initialRoute,
  history,
  parseRoute,
}: AppProps & { readonly profile: Principal }) {
  const [route, setRoute] = useState(initialRoute);
  const status = useAppStore((s) => s.spaces.status);
  const first = useAppStore((s) => s.spaces.items[0]);
  const current = useAppStore(selectSpace(route.spaceId ?? first?.id ?? ''));
  const identity = identityFromProfile(profile);
  const search = useSearchService();
  const spaceItems = useAppStore((s) => s.spaces.items);
  const tr = useT();

  useEffect(() => {
    void spaces.load();
  }, [spaces]);

  useEffect(
    () =>
      history.subscribe((search) => {
        const next = parseRoute(search);
        if (next) setRoute(next);
      }),
    [history, parseRoute],
  );

  const go = useCallback(
    (next: Route) => {
      setRoute(next);
      history.push(searchForRoute(next));
    },
    [history],
  );

  // A clicked notification or a deep link opens its note, also one that arrived before this workspace mounted (launch, sign-in).
  const openTarget = useCallback(
    (target: NoteTarget) => {
      go({ spaceId: target.spaceId, docId: target.docId });
    },
    [go],
  );
  useNoteRequests(host, openTarget);

  // No space in the link: open the first of the person's spaces, and say so
  // in the address bar.
  const firstId = status === 'ready' ? first?.id : undefined;
  const shown: Route = useMemo(
    () =>
      route.spaceId === null && firstId !== undefined
        ? { spaceId: firstId, docId: DEFAULT_NOTE }
        : route,
    [route, firstId],
  );
  useEffect(() => {
    if (shown !== route) history.replace(searchForRoute(shown));
  }, [shown, route, history]);

  const room = roomOf(shown);
  const roomKey = room ? formatRoomName(room) : null;
  const spaceName = (id: string) => spaceItems.find((space) => space.id === id)?.name ?? id;
  return (
    <div className="shell">
      <SidebarFrame
        sidebar={
          <>
            <div className="sidebar__top">
              <span className="brand">{tr('app.name')}</span>
              <AccountMenu profile={profile} onSignOut={() => host.signOut()} />
            </div>
            <nav className="sidebar__places" aria-label={tr('nav.places')}>
              {search && (
                <SearchLauncher
                  service={search}
                  spaceName={spaceName}
                  onOpen={(spaceId, docId) => {
                    go({ spaceId, docId });
                  }}
                />
              )}
              <MentionsButton
                sub={profile.sub}
                host={host}
                hrefFor={searchForRoute}
                onOpen={go}
                spaceName={spaceName}
                current={room}
              />
              <MyActionItems sub={profile.sub} hrefFor={searchForRoute} onOpen={go} />
            </nav>
            <SpacesSidebar
              service={spaces}
              selectedSpaceId={shown.spaceId}
              onSelect={(space) => {
                go({ spaceId: space.id, docId: DEFAULT_NOTE });
              }}
            >
              {room && (
                <div className="sidebar__space-tools">
                  <div className="sidebar__space-actions">
                    <MembersButton
                      api={members}
                      spaceId={room.spaceId}
                      spaceName={current?.name ?? room.spaceId}
                      myRole={current?.role}
                      mySub={profile.sub}
                      onChanged={() => void spaces.load()}
                    />
                    {current && <SpaceSettingsButton space={current} service={spaces} />}
                  </div>
                  <PageTreeNav
                    key={room.spaceId}
                    spaceId={room.spaceId}
                    selectedPageId={room.docId}
                    hrefFor={(docId) => searchForRoute({ spaceId: room.spaceId, docId })}
                    onOpen={(docId) => {
                      go({ spaceId: room.spaceId, docId });
                    }}
                  />
                  <div className="meeting-tools">
                    <NewMeetingButton
                      spaceId={room.spaceId}
                      directory={members}
                      onOpen={(docId) => {
                        go({ spaceId: room.spaceId, docId });
                      }}
                    />
                    <InviteDropZone
                      spaceId={room.spaceId}
                      directory={members}
                      onOpen={(docId) => {
                        go({ spaceId: room.spaceId, docId });
                      }}
                    />
                  </div>
                </div>
              )}
            </SpacesSidebar>
          </>
        }
      >
        <header className="topbar">
          <div className="topbar__title">
            {room && (
              <PageCrumbs
                spaceId={room.spaceId}
                spaceName={current?.name ?? room.spaceId}
                pageId={room.docId}
              />
            )}
          </div>
          <div className="topbar__status">
            {roomKey && <PresenceBar roomKey={roomKey} />}
            {roomKey && <ConnectionIndicator roomKey={roomKey} />}
            <SyncStatus />
          </div>
        </header>
        <main className="page">
          <RefusedEdits />
          <OfflineReport />
          {room ? (
            <NoteEditor
              key={roomKey}
              room={room}
              identity={identity}
              directory={members}
              onOpenPage={(docId) => {
                go({ spaceId: room.spaceId, docId });
              }}
            />
          ) : (
            <p className="page__empty">
              {status === 'ready' ? tr('app.chooseSpace') : tr('app.loadingSpaces')}
            </p>
          )}
        </main>
        <footer className="footer">
          {tr('app.footer', { name: info.name, version: info.version, platform: info.platform })}
        </footer>
      </SidebarFrame>
      <Toaster />
    </div>
  );
}

/** A full-page message for what stops the app from starting. */
export function Problem({ title, message }: { readonly title: string; readonly message: string }) {
  return (
    <main className="problem" role="alert">
      <h1>{title}</h1>
      <p>{message}</p>
    </main>
  );
}

export function Splash() {
  return <p className="splash">{t('app.starting')}</p>;
}
