import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import type { SessionState } from '../../shared/auth.ts';
import { relayUrlsOf, type Host } from '../../shared/host.ts';
import {
  createFilesApi,
  createHistoryApi,
  createTrashApi,
  createNotificationsApi,
  createAdminApi,
  createTokensApi,
  createClassificationApi,
  createKnowledgeApi,
  createMembersApi,
  createOpenSpacesApi,
  createRelayApi,
} from '../api/index.ts';
import { graceDaysFor, startGraceWatch } from '../features/grace/index.ts';
import { createWipeService, WipeServiceContext } from '../features/session/index.ts';
import { SIGNED_OUT_KEY } from '../auth/token-set.ts';
import { createFilesService } from '../features/images/index.ts';
import {
  createClassificationService,
  onlineOnlySpaces,
  purgeLocalCopies,
} from '../features/classification/index.ts';
import { createHomeApi } from '../features/home/index.ts';
import { createPolicyApi } from '../features/acceptable-use/index.ts';
import { createSearchService, openSnapshotStore } from '../search/index.ts';
import { identityFromProfile } from '../identity/index.ts';
import { createSpacesService } from '../spaces/index.ts';
import { INITIAL_SPACES, createAppStore } from '../store/index.ts';
import { installUnloadWarning } from '../features/sync-status/index.ts';
import {
  createDocRegistry,
  createProtectionResolver,
  dropSettledPlainNotes,
  openSealedValues,
  preloadValues,
  sealPlainNotes,
  startOfflineSupport,
} from '../sync/index.ts';
import { ConfigProblem } from '../host/index.ts';
import { t } from '../i18n/index.ts';
import { App, Problem, Splash, type AppHistory } from './App.tsx';
import { routeFromSearch, type RouteResult } from './route.ts';

export interface BootOptions {
  readonly root: Root;
  /** Called inside boot so that a broken host bridge shows as a message too. */
  readonly resolveHost: () => Host;
  /** Read after the host has started, since a sign-in callback rewrites the URL. */
  readonly currentSearch: () => string;
  readonly history: AppHistory;
  readonly fetch: typeof fetch;
}

/**
 * Starts the app: asks the host where the relay is and who is signed in,
 * then creates the store, the sync layer and the spaces service (outside
 * React, so they live as long as the page) and renders the shell.
 */
export async function boot(options: BootOptions): Promise<void> {
  const { root } = options;
  root.render(<Splash />);
  try {
    const host = options.resolveHost();
    const info = await host.appInfo();
    const firstSession = await host.session();
    const route: RouteResult = routeFromSearch(options.currentSearch());
    if (!route.ok) {
      root.render(<Problem title={t('app.noSuchNote')} message={route.message} />);
      return;
    }
    const store = createAppStore();
    // How each person's notes may be kept here: encrypted with the host's key, plain, or not at all.
    const protection = createProtectionResolver(host);
    // Erasing the local copy (relay wipe, person removed, IdP refusal, sign-out with
    // "remove this laptop's copy"); a wipe an earlier run left unfinished completes first.
    const wipe = createWipeService({
      host,
      store,
      targets: {
        indexedDB: window.indexedDB,
        storages: [window.localStorage, window.sessionStorage],
        eraseKeys: async () => {
          protection.clear();
          await host.eraseLocalDataKeys();
        },
      },
      marker: window.localStorage,
      keep: [{ storage: window.sessionStorage, key: SIGNED_OUT_KEY }],
    });
    // Signed out by then: ask the host again rather than open the person's notes.
    const session = (await wipe.resume()) ? await host.session() : firstSession;
    // Space labels: online-only spaces are never stored here, and copies made before are removed.
    const classification = createClassificationService({
      api: createClassificationApi({
        relayUrl: info.relayUrl,
        fetch: options.fetch,
        accessToken: (o) => host.accessToken(o),
      }),
      cache: window.localStorage,
      purge: (onlineOnly) => {
        const current = store.getState().session;
        const owner = current?.status === 'signed-in' ? current.profile.sub : null;
        return purgeLocalCopies(window.indexedDB, owner, onlineOnly);
      },
      win: window,
    });
    const registry = createDocRegistry({
      relayUrl: info.relayUrl,
      relayUrls: relayUrlsOf(info),
      store,
      user: { name: 'Anonymous', color: '#8b8d98' },
      credentials: host,
      // Every doc kept in IndexedDB, per person, so notes open and edit offline.
      localStore: {
        owner: session.status === 'signed-in' ? session.profile.sub : null,
        storage: window.localStorage,
        journal: window.localStorage,
        protection,
      },
      keepLocal: (room) => classification.offlineAllowed(room.spaceId),
    });
    // Search needs no relay: a local index of every note, per person, kept current as docs change.
    const search = createSearchService({
      registry,
      store,
      openSnapshots: (owner) => openSnapshotStore(owner, protection(owner)),
    });
    // Online-only spaces keep no text on this device, the search index included.
    const onlineOnlyInSearch = (): void => {
      search.setOnlineOnly(onlineOnlySpaces(classification.state.getState().data));
    };
    onlineOnlyInSearch();
    classification.state.subscribe(onlineOnlyInSearch);
    installUnloadWarning(window, store);
    let stopOffline: (() => void) | null = null;
    const api = createRelayApi({
      relayUrl: info.relayUrl,
      fetch: options.fetch,
      accessToken: (o) => host.accessToken(o),
    });
    const spaces = createSpacesService(api, store);
    const members = createMembersApi({
      relayUrl: info.relayUrl,
      fetch: options.fetch,
      accessToken: (o) => host.accessToken(o),
    });
    // The version history panel's snapshots.
    const noteHistory = createHistoryApi({
      relayUrl: info.relayUrl,
      fetch: options.fetch,
      accessToken: (o) => host.accessToken(o),
    });
    // Deleting spaces into their owners' trash, and restoring them.
    const trash = createTrashApi({
      relayUrl: info.relayUrl,
      fetch: options.fetch,
      accessToken: (o) => host.accessToken(o),
    });
    // The relay's notifications (assignments, due dates, replies, invitations) and their settings.
    const notifications = createNotificationsApi({
      relayUrl: info.relayUrl,
      fetch: options.fetch,
      accessToken: (o) => host.accessToken(o),
    });
    // Company admins' view (audit log, people, spaces); the menu entry shows only for admins.
    const admin = createAdminApi({
      relayUrl: info.relayUrl,
      fetch: options.fetch,
      accessToken: (o) => host.accessToken(o),
    });
    // The person's own access tokens for scripts (account menu).
    const tokens = createTokensApi({
      relayUrl: info.relayUrl,
      fetch: options.fetch,
      accessToken: (o) => host.accessToken(o),
    });
    // The acceptable-use policy: read and accepted by everyone, published by admins.
    const policy = createPolicyApi({
      relayUrl: info.relayUrl,
      fetch: options.fetch,
      accessToken: (o) => host.accessToken(o),
    });
    // Images of notes, kept per person until uploaded.
    const files = createFilesService({
      api: createFilesApi({
        relayUrl: info.relayUrl,
        fetch: options.fetch,
        accessToken: (o) => host.accessToken(o),
      }),
      owner: () => {
        const current = store.getState().session;
        return current?.status === 'signed-in' ? current.profile.sub : null;
      },
      // Sealed with the same key as the notes: a pasted screenshot is content too.
      protection,
      win: window,
      doc: document,
    });

    // Who the workspace belongs to. A session that ends on its own (expired,
    // refused) keeps it: the person's unsynced edits stay on screen while
    // they sign in again; only signing out or another person clears it.
    let person: string | null = session.status === 'signed-in' ? session.profile.sub : null;
    const apply = (next: SessionState) => {
      const prev = store.getState().session;
      if (next.status === 'signed-in') {
        const { name, color } = identityFromProfile(next.profile);
        registry.setUser({ name, color, sub: next.profile.sub });
      }
      const nextPerson =
        next.status === 'signed-in'
          ? next.profile.sub
          : next.status === 'signed-out'
            ? null
            : person;
      const samePerson = prev !== null && nextPerson === person;
      person = nextPerson;
      if (!samePerson && prev !== null) {
        // Another person (or nobody): close every document and forget the spaces.
        registry.setOwner(next.status === 'signed-in' ? next.profile.sub : null);
        store.getState().patchSpaces(INITIAL_SPACES);
      }
      store.getState().setSession(next);
      // Images pasted offline (or before a reload) go up once someone is signed in.
      if (next.status === 'signed-in') void files.flush();
      // Notes stored in plain before this device had a key are sealed, one at a time;
      // where storing is no longer allowed at all, plain notes the relay holds are deleted.
      if (next.status === 'signed-in') {
        const owner = next.profile.sub;
        void protection(owner).then((p) =>
          p.kind === 'encrypted'
            ? sealPlainNotes(window.indexedDB, owner, p.key, window.localStorage)
            : p.kind === 'none'
              ? dropSettledPlainNotes(window.indexedDB, owner, window.localStorage)
              : [],
        );
      }
      if (next.status === 'signed-in') void classification.refresh();
      // After registry.setOwner: the docs it just closed are indexed for the person they belong to.
      if (next.status === 'signed-in') void search.setOwner(next.profile.sub);
      else if (next.status === 'signed-out' && !samePerson) void search.signOut();
      if (!samePerson || (stopOffline === null && next.status === 'signed-in')) {
        stopOffline?.();
        stopOffline =
          next.status === 'signed-in'
            ? startOfflineSupport({
                win: window,
                store,
                registry,
                relayUrl: info.relayUrl,
                fetch: options.fetch,
                accessToken: () => host.accessToken(),
                owner: next.profile.sub,
                skipSpace: (spaceId) => !classification.offlineAllowed(spaceId),
                // Space names are sealed with the person's key, like their notes.
                protection: protection(next.profile.sub),
              })
            : null;
      }
    };
    apply(session);
    host.onSessionChange(apply);
    wipe.watch();
    // Past the administrator's offline limit without a token refresh, notes turn read-only.
    startGraceWatch({ store, graceDays: await graceDaysFor(host), storage: window.localStorage });

    root.render(
      <StrictMode>
        <WipeServiceContext value={wipe}>
          <App
            services={{
              store,
              registry,
              search,
              history: noteHistory,
              files,
              trash,
              admin,
              tokens,
              policy,
              classification,
              // Mentions read state, sealed like the notes (plain only where storage is plain).
              personalValues: (owner, names) =>
                preloadValues(
                  openSealedValues(owner, protection(owner), window.localStorage),
                  names,
                  window.localStorage,
                ),
              knowledge: createKnowledgeApi({
                relayUrl: info.relayUrl,
                fetch: options.fetch,
                accessToken: (o) => host.accessToken(o),
              }),
              // The company's open spaces: Browse spaces, visibility in settings, leaving.
              openSpaces: createOpenSpacesApi({
                relayUrl: info.relayUrl,
                fetch: options.fetch,
                accessToken: (o) => host.accessToken(o),
              }),
              notifications,
            }}
            host={host}
            info={info}
            spaces={spaces}
            members={members}
            home={createHomeApi({
              relayUrl: info.relayUrl,
              fetch: options.fetch,
              accessToken: (o) => host.accessToken(o),
            })}
            initialRoute={route.route}
            history={options.history}
            parseRoute={(search) => {
              const r = routeFromSearch(search);
              return r.ok ? r.route : null;
            }}
          />
        </WipeServiceContext>
      </StrictMode>,
    );
  } catch (error) {
    root.render(<Problem title={t('app.couldNotStart')} message={startProblem(error)} />);
  }
}

/** Why start-up failed, in the UI language where the app knows the reason. */
function startProblem(error: unknown): string {
  if (error instanceof ConfigProblem) {
    return error.kind === 'unavailable'
      ? t('app.configUnavailable', { details: error.details })
      : t('app.configInvalid', { details: error.details });
  }
  return error instanceof Error ? error.message : String(error);
}
