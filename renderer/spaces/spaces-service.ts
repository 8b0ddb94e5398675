import { t } from '../i18n/index.ts';
import { SpaceNameSchema, type MySpace } from '../../shared/api.ts';
import type { UpdateSpaceRequest } from '../../shared/space-settings-api.ts';
import type { RelayApi } from '../api/index.ts';
import type { AppStore } from '../store/index.ts';

/**
 * Loads and creates spaces through the relay's API and keeps the result in
 * the store (outside React, like the sync layer). Failures become messages
 * in the store; nothing throws into the UI.
 */
export interface SpacesService {
  load(): Promise<void>;
  /**
   * Re-reads the list without showing "loading" and keeps the current list
   * when the relay cannot be reached: how members see another person's
   * changes to a space's name, icon or description, and a new space they
   * were invited to. One asked for while another runs reads again after it.
   */
  refresh(): Promise<void>;
  /**
   * Changes a space's settings (owners only) and shows the result at once.
   * @throws ApiRequestError with a message fit to show.
   */
  update(spaceId: string, patch: UpdateSpaceRequest): Promise<MySpace>;
  /** Creates a space (the caller becomes its owner); null when it failed. */
  create(name: string): Promise<MySpace | null>;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createSpacesService(api: RelayApi, store: AppStore): SpacesService {
  const { patchSpaces, upsertSpace } = store.getState();
  let loading: Promise<void> | null = null;
  let refreshing: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  // Bumped by every local change: a list fetched before it must not undo it.
  let changes = 0;
  return {
    load() {
      loading ??= (async () => {
        patchSpaces({ status: 'loading', error: null });
        try {
          patchSpaces({ status: 'ready', items: await api.listSpaces() });
        } catch (error) {
          patchSpaces({
            status: 'error',
            error: t('spaces.couldNotLoad', { reason: message(error) }),
          });
        } finally {
          loading = null;
        }
      })();
      return loading;
    },

    refresh() {
      if (loading !== null) return loading;
      // One asked for while another is on its way may be about a change the
      // first read missed (an invitation just pushed): read once more after it.
      if (refreshing !== null) {
        queued ??= refreshing.then(() => {
          queued = null;
          return this.refresh();
        });
        return queued;
      }
      refreshing = (async () => {
        const before = changes;
        try {
          const items = await api.listSpaces();
          if (changes === before) patchSpaces({ status: 'ready', items, error: null });
        } catch {
          // Offline or relay down: the list shown (or cached) stays.
        } finally {
          refreshing = null;
        }
      })();
      return refreshing;
    },

    async update(spaceId, patch) {
      const space = await api.updateSpace(spaceId, patch);
      changes += 1;
      const role = store.getState().spaces.items.find((s) => s.id === spaceId)?.role ?? 'owner';
      const mine: MySpace = { ...space, role };
      upsertSpace(mine);
      return mine;
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
          createError: t('spaces.couldNotCreate', { reason: message(error) }),
        });
        return null;
      }
    },
  };
}
