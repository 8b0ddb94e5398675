import { useCallback, useEffect, useState } from 'react';
import type { Principal } from '../../shared/auth.ts';
import type { NoteTarget } from '../../shared/host.ts';
import { formatRoomName } from '../../shared/wire.ts';
import { AccountMenu, DesktopSettings, LocalDataNotice } from '../features/account/index.ts';
import { NoteEditor } from '../features/editor/index.ts';
import { PolicyGate } from '../features/acceptable-use/index.ts';
import { GraceBanner } from '../features/grace/index.ts';
import { HomeView, useRecordLook } from '../features/home/index.ts';
import { InboxView, useInboxState } from '../features/inbox/index.ts';
import { MyActionItemsView } from '../features/meeting/index.ts';
import { BrowseSpacesView } from '../features/open-spaces/index.ts';
import {
  NotificationSettingsPanel,
  UpdatesList,
  useNotifications,
} from '../features/notifications/index.ts';
import { ConnectionIndicator, PresenceBar } from '../features/presence/index.ts';
import { ExpertsView, ProfileView, setProfileOpener } from '../features/profile/index.ts';
import { SearchLauncher } from '../features/search/index.ts';
import { useAppBadge, useRemoveCopyOption, useSignOut } from '../features/session/index.ts';
import { SpacesSidebar } from '../features/spaces/index.ts';
import { OfflineReport, RefusedEdits, SyncStatus } from '../features/sync-status/index.ts';
import { PageCrumbs } from '../features/tree/index.ts';
import { useNoteRequests } from '../host/index.ts';
import { useT } from '../i18n/index.ts';
import { identityFromProfile } from '../identity/index.ts';
import {
  useAppStore,
  useKnowledgeApi,
  useNotificationsApi,
  useSearchService,
} from '../services/index.ts';
import { useSpacesPush } from '../spaces/index.ts';
import { selectSpace } from '../store/index.ts';
import type { AppProps } from './App.tsx';
import { Places } from './Places.tsx';
import {
  DEFAULT_NOTE,
  profileRoute,
  roomOf,
  searchForRoute,
  viewOf,
  viewRoute,
  type Route,
} from './route.ts';
import { SidebarFrame } from './SidebarFrame.tsx';
import { SpaceSection } from './SpaceSection.tsx';

export type WorkspaceProps = AppProps & { readonly profile: Principal };

/** The signed-in workspace: the sidebar and the main area (a note or one of my views). */
export function Workspace({
  profile,
  host,
  info,
  spaces,
  members,
  home,
  initialRoute,
  history,
  parseRoute,
}: WorkspaceProps) {
  const [route, setRoute] = useState(initialRoute);
  const status = useAppStore((s) => s.spaces.status);
  const current = useAppStore(selectSpace(route.spaceId ?? ''));
  const identity = identityFromProfile(profile);
  const search = useSearchService();
  const spaceItems = useAppStore((s) => s.spaces.items);
  const t = useT();
  const signOut = useSignOut(host);
  const removeCopy = useRemoveCopyOption(host);

  useEffect(() => {
    void spaces.load();
  }, [spaces]);
  // An invitation to a new space shows at once (the relay tells this person's sockets).
  useSpacesPush(spaces);

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
  // Any person's name (PersonLink) opens their profile here.
  const knowledge = useKnowledgeApi();
  useEffect(
    () =>
      knowledge === null
        ? undefined
        : setProfileOpener((person) => {
            go(profileRoute(person));
          }),
    [go, knowledge],
  );

  const room = roomOf(route);
  const view = viewOf(route);
  const roomKey = room ? formatRoomName(room) : null;
  const inbox = useInboxState(profile.sub, host, room);
  const spaceName = (id: string) => spaceItems.find((space) => space.id === id)?.name ?? id;
  const updates = useNotifications(profile.sub, useNotificationsApi(), members, host);
  const unread = inbox.unread + updates.snapshot.unread;
  useAppBadge(host, unread);
  useRecordLook(profile.sub, room);
  const goView = (next: typeof view & string) => {
    go(viewRoute(next));
  };

  return (
    <div className="shell">
      <SidebarFrame
        sidebar={
          <>
            <div className="sidebar__top">
              <span className="brand">{t('app.name')}</span>
              <AccountMenu
                profile={profile}
                onSignOut={signOut}
                removeCopy={removeCopy}
                settings={<DesktopSettings host={host} owner={profile.sub} />}
                storage={<LocalDataNotice host={host} owner={profile.sub} />}
              />
            </div>
            <Places
              current={view}
              unread={unread}
              onGo={goView}
              search={
                search && (
                  <SearchLauncher
                    service={search}
                    spaceName={spaceName}
                    onOpen={(spaceId, docId) => {
                      go({ spaceId, docId });
                    }}
                  />
                )
              }
            />
            <SpacesSidebar
              service={spaces}
              selectedSpaceId={route.spaceId}
              onSelect={(space) => {
                go({ spaceId: space.id, docId: DEFAULT_NOTE });
              }}
              renderSpace={(space) => (
                <SpaceSection
                  space={space}
                  route={route}
                  profile={profile}
                  members={members}
                  spaces={spaces}
                  go={go}
                />
              )}
            />
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
        <GraceBanner onSignIn={() => host.signIn()} />
        <PolicyGate onSignOut={() => signOut({ removeLocalCopy: false })} />
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
          ) : view === 'inbox' ? (
            <InboxView
              inbox={inbox}
              host={host}
              hrefFor={(r) => searchForRoute(r)}
              onOpen={go}
              spaceName={spaceName}
              updatesUnread={updates.snapshot.items.filter((n) => n.readAt === null).length}
              onMarkUpdatesRead={() => {
                void updates.service?.markAllRead();
              }}
              updates={
                updates.service === null ? undefined : (
                  <>
                    <UpdatesList
                      state={updates}
                      spaceName={spaceName}
                      hrefFor={(r) => searchForRoute(r)}
                      onOpen={go}
                    />
                    <NotificationSettingsPanel state={updates} spaces={spaceItems} />
                  </>
                )
              }
            />
          ) : view === 'experts' && knowledge !== null ? (
            <ExpertsView api={knowledge} hrefFor={(r) => searchForRoute(r)} onOpen={go} />
          ) : view === 'profile' && knowledge !== null && route.person !== undefined ? (
            <ProfileView
              key={route.person}
              api={knowledge}
              personId={route.person}
              hrefFor={(r) => searchForRoute(r)}
              onOpen={go}
            />
          ) : view === 'browse' ? (
            <BrowseSpacesView
              spaces={spaces}
              hrefFor={(spaceId) => searchForRoute({ spaceId, docId: DEFAULT_NOTE })}
              onOpen={(spaceId) => {
                go({ spaceId, docId: DEFAULT_NOTE });
              }}
            />
          ) : view === 'actions' ? (
            <MyActionItemsView sub={profile.sub} hrefFor={(r) => searchForRoute(r)} onOpen={go} />
          ) : (
            <HomeView
              sub={profile.sub}
              api={home}
              members={members}
              spaceName={spaceName}
              hrefFor={(r) => searchForRoute(r)}
              onOpen={go}
              allActionsHref={searchForRoute(viewRoute('actions'))}
              onAllActions={() => {
                goView('actions');
              }}
            />
          )}
          {status === 'loading' && room === null && view === null && (
            <p className="page__empty">{t('app.loadingSpaces')}</p>
          )}
        </main>
        <footer className="footer">
          {t('app.footer', { name: info.name, version: info.version, platform: info.platform })}
        </footer>
      </SidebarFrame>
    </div>
  );
}
