/**
 * The app's view of classification: the company labels and the label of
 * each of the person's spaces, read from the relay at start, when the window
 * regains focus, every minute and after the person relabels a space; cached
 * in localStorage so an app started offline still knows which spaces are
 * online-only. After each read, local copies of online-only spaces are
 * removed (their label may have just changed).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  ClassificationResponseSchema,
  type ClassificationLabel,
  type ClassificationResponse,
  type ExportGrant,
} from '../../../shared/classification-api.ts';
import type { ClassificationApi } from '../../api/index.ts';
import { copyOutAllowed, offlineAllowed, onlineOnlySpaces } from './decisions.ts';

export interface ClassificationState {
  readonly data: ClassificationResponse | null;
}

export interface ClassificationService {
  readonly state: StoreApi<ClassificationState>;
  refresh(): Promise<void>;
  copyAllowed(spaceId: string): boolean;
  offlineAllowed(spaceId: string): boolean;
  setSpaceLabel(spaceId: string, label: string): Promise<void>;
  setLabels(labels: readonly ClassificationLabel[]): Promise<void>;
  grantExport(spaceId: string): Promise<ExportGrant>;
  stop(): void;
}

export interface ClassificationServiceOptions {
  readonly api: ClassificationApi;
  /** Where the last answer is kept between runs (localStorage); none in tests. */
  readonly cache?: Pick<Storage, 'getItem' | 'setItem'>;
  /** Removes this device's copies of the given online-only spaces. */
  readonly purge?: (onlineOnly: readonly string[]) => Promise<void>;
  /** Window whose focus triggers a refresh; none in tests. */
  readonly win?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  readonly intervalMs?: number;
}

/** localStorage key of the cached answer (metadata only: label ids, never content). */
export const CLASSIFICATION_CACHE_KEY = 'commonplace.classification.v1';

function cached(cache: ClassificationServiceOptions['cache']): ClassificationResponse | null {
  try {
    const text = cache?.getItem(CLASSIFICATION_CACHE_KEY);
    if (text == null) return null;
    const parsed = ClassificationResponseSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function createClassificationService(
  options: ClassificationServiceOptions,
): ClassificationService {
  const { api } = options;
  const state = createStore<ClassificationState>(() => ({ data: cached(options.cache) }));
  const accept = async (data: ClassificationResponse): Promise<void> => {
    state.setState({ data });
    try {
      options.cache?.setItem(CLASSIFICATION_CACHE_KEY, JSON.stringify(data));
    } catch {
      // Storage full or disabled: the next start reads the relay again.
    }
    await options.purge?.(onlineOnlySpaces(data));
  };
  const refresh = async (): Promise<void> => {
    // Offline or an older relay: keep what is known.
    const data = await api.get().catch(() => null);
    if (data !== null) await accept(data);
  };
  const onFocus = () => void refresh();
  options.win?.addEventListener('focus', onFocus);
  const timer =
    options.win === undefined ? null : setInterval(onFocus, options.intervalMs ?? 60_000);
  // What the cache says is applied at once: a label changed while the app was closed.
  if (state.getState().data !== null) {
    void options.purge?.(onlineOnlySpaces(state.getState().data)).catch(() => undefined);
  }
  return {
    state,
    refresh,
    copyAllowed: (spaceId) => copyOutAllowed(state.getState().data, spaceId),
    offlineAllowed: (spaceId) => offlineAllowed(state.getState().data, spaceId),
    setSpaceLabel: async (spaceId, label) => {
      await api.setSpaceLabel(spaceId, label);
      await refresh();
    },
    setLabels: async (labels) => {
      await accept(await api.setLabels(labels));
    },
    grantExport: (spaceId) => api.grantExport(spaceId),
    stop: () => {
      options.win?.removeEventListener('focus', onFocus);
      if (timer !== null) clearInterval(timer);
    },
  };
}
