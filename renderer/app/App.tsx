import { useState } from 'react';
import type { Principal } from '../../shared/auth.ts';
import type { AppInfo, Host } from '../../shared/host.ts';
import type { MembersApi } from '../api/index.ts';
import { SignInScreen } from '../features/auth/index.ts';
import type { HomeApi } from '../features/home/index.ts';
import { AppServicesContext, useAppStore, type AppServices } from '../services/index.ts';
import type { SpacesService } from '../spaces/index.ts';
import { t } from '../i18n/index.ts';
import type { Route } from './route.ts';
import { Toaster } from '../ui/index.ts';
import { SessionEndedDialog } from './SessionEndedDialog.tsx';
import { Workspace } from './Workspace.tsx';
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
  /** Who changed which note (Home); null without a relay. */
  readonly home: HomeApi | null;
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
      <Toaster />
    </AppServicesContext>
  );
}

function SessionGate(props: AppProps) {
  const session = useAppStore((s) => s.session);
  // The person last signed in: when the session ends without signing out
  // (expired, refused), their workspace stays with its unsynced edits while
  // they sign in again.
  const [kept, setKept] = useState<Principal | null>(null);
  const signedIn = session?.status === 'signed-in' ? session.profile : null;
  if (signedIn !== null && kept !== signedIn) setKept(signedIn);
  if (session?.status === 'signed-out' && kept !== null) setKept(null);

  if (session === null) return <Splash />;
  if (signedIn !== null) {
    // Keyed by person: another sign-in starts from a clean workspace.
    return <Workspace key={signedIn.sub} profile={signedIn} {...props} />;
  }
  if (kept !== null) {
    return (
      <>
        <Workspace key={kept.sub} profile={kept} {...props} />
        <SessionEndedDialog session={session} onSignIn={() => props.host.signIn()} />
      </>
    );
  }
  return <SignInScreen session={session} onSignIn={() => props.host.signIn()} />;
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
