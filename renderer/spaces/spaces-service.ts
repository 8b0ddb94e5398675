import { SpaceNameSchema, type MySpace } from '../../shared/api.ts';
import type { RelayApi } from '../api/index.ts';
import type { AppStore } from '../store/index.ts';

/**
 * Loads and creates spaces through the relay's API and keeps the result in
 * the store (outside React, like the sync layer). Failures become messages
 * in the store; nothing throws into the UI.
 */
export interface SpacesService {
  load(): Promise<void>;
  /** Creates a space (the caller becomes its owner); null when it failed. */
  create(name: string): Promise<MySpace | null>;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createSpacesService(api: RelayApi, store: AppStore): SpacesService {
  const { patchSpaces, upsertSpace } = store.getState();
  let loading: Promise<void> | null = null;
  return {
    load() {
      loading ??= (async () => {
        patchSpaces({ status: 'loading', error: null });
        try {
          patchSpaces({ status: 'ready', items: await api.listSpaces() });
        } catch (error) {
          patchSpaces({ status: 'error', error: `Could not load your spaces: ${message(error)}` });
        } finally {
          loading = null;
        }
      })();
      return loading;
    },

    async create(rawName) {
      const name = SpaceNameSchema.safeParse(rawName);
      if (!name.success) {
        patchSpaces({ createError: 'A space needs a name of 1 to 120 characters.' });
        return null;
      }
      patchSpaces({ creating: true, createError: null });
      try {
        const space = await api.createSpace(name.data);
        const mine: MySpace = { ...space, role: 'owner' };
        upsertSpace(mine);
        patchSpaces({ creating: false });
        return mine;
      } catch (error) {
        patchSpaces({
          creating: false,
          createError: `Could not create the space: ${message(error)}`,
        });
        return null;
      }
    },
  };
}
