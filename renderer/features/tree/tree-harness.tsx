// Test harness (imported by tests only): the tree over a real doc registry
// whose providers never connect, so the tests play the relay and the other
// people with plain Y.Docs.
import { render } from '@testing-library/react';
import { useState } from 'react';
import * as Y from 'yjs';
import type { Role } from '../../../shared/api.ts';
import { openSpaceIndex, type SpaceIndex } from '../../../shared/space-index/index.ts';
import { AppServicesContext } from '../../services/index.ts';
import { createAppStore, type AppStore } from '../../store/index.ts';
import { createDocRegistry, type DocHandle, type DocRegistry } from '../../sync/index.ts';
import { PageCrumbs, PageTreeNav, spaceIndexRoom } from './index.ts';

export const SPACE = 'demo';

export interface TreeHarness {
  readonly view: ReturnType<typeof render>;
  readonly handle: DocHandle;
  /** The index as this person writes it (the same doc the UI shows). */
  readonly local: SpaceIndex;
  readonly opened: string[];
  readonly registry: DocRegistry;
  readonly store: AppStore;
}

export function renderTree(options: { role?: Role } = {}): TreeHarness {
  const store = createAppStore();
  store.getState().setSession({
    status: 'signed-in',
    profile: { sub: 'emp-ada', name: 'Ada Lovelace' },
    accessTokenExpiresAt: Date.now() + 60_000,
    persistence: { refreshTokenPersisted: false },
  });
  if (options.role) store.getState().upsertSpace({ id: SPACE, name: 'Demo', role: options.role });
  const registry = createDocRegistry({
    relayUrl: 'ws://127.0.0.1:9',
    store,
    user: { name: 'Ada', color: '#e5484d' },
    connect: false,
  });
  const handle = registry.open(spaceIndexRoom(SPACE));
  const opened: string[] = [];
  function Shell() {
    const [selected, setSelected] = useState<string | null>(null);
    return (
      <>
        {selected !== null && <PageCrumbs spaceId={SPACE} spaceName="Demo" pageId={selected} />}
        <PageTreeNav
          spaceId={SPACE}
          spaceName="Team"
          selectedPageId={selected}
          hrefFor={(id) => `?space=${SPACE}&note=${id}`}
          onOpen={(id) => {
            opened.push(id);
            setSelected(id);
          }}
        />
      </>
    );
  }
  const view = render(
    <AppServicesContext value={{ store, registry }}>
      <Shell />
    </AppServicesContext>,
  );
  const local = openSpaceIndex(handle.doc, { userId: 'emp-ada', origin: 'test' });
  return { view, handle, local, opened, registry, store };
}

/** Two-way sync between two docs, as the relay would do it. */
export function link(a: Y.Doc, b: Y.Doc): () => void {
  const ab = (update: Uint8Array, origin: unknown) => {
    if (origin !== 'link') Y.applyUpdate(b, update, 'link');
  };
  const ba = (update: Uint8Array, origin: unknown) => {
    if (origin !== 'link') Y.applyUpdate(a, update, 'link');
  };
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'link');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b), 'link');
  a.on('update', ab);
  b.on('update', ba);
  return () => {
    a.off('update', ab);
    b.off('update', ba);
  };
}

/** A row's drop zone in happy-dom, which lays nothing out: give it a box 0..40 px. */
export function rowOf(element: HTMLElement): HTMLElement {
  const row = element.closest<HTMLElement>('.tree__row');
  if (!row) throw new Error('no row');
  row.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 0, width: 200, height: 40 });
  return row;
}

export const Y_FOR = { before: 2, inside: 20, after: 38 } as const;
