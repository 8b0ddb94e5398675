import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import type { Host } from '../../shared/host.ts';
import type { Identity } from '../identity/index.ts';
import { createAppStore } from '../store/index.ts';
import { createDocRegistry } from '../sync/index.ts';
import { App, Problem, Splash } from './App.tsx';
import type { RouteResult } from './route.ts';

export interface BootOptions {
  readonly root: Root;
  /** Called inside boot so that a broken host bridge shows as a message too. */
  readonly resolveHost: () => Host;
  readonly identity: Identity;
  readonly route: RouteResult;
}

/**
 * Starts the app: asks the host where the relay is, then creates the store
 * and the sync layer (outside React, so they live as long as the page and
 * not as long as a component) and renders the shell.
 */
export async function boot({ root, resolveHost, identity, route }: BootOptions): Promise<void> {
  if (!route.ok) {
    root.render(<Problem title="No such note" message={route.message} />);
    return;
  }
  root.render(<Splash />);
  try {
    const info = await resolveHost().appInfo();
    const store = createAppStore();
    const registry = createDocRegistry({
      relayUrl: info.relayUrl,
      store,
      user: { name: identity.name, color: identity.color },
    });
    root.render(
      <StrictMode>
        <App services={{ store, registry }} info={info} identity={identity} room={route.room} />
      </StrictMode>,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    root.render(<Problem title="Commonplace could not start" message={message} />);
  }
}
