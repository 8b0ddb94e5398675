import { createContext, useContext, useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { RoomName } from '../../shared/wire.ts';
import type {
  AdminApi,
  HistoryApi,
  KnowledgeApi,
  NotificationsApi,
  OpenSpacesApi,
  TokensApi,
  TrashApi,
} from '../api/index.ts';
import type { PolicyApi } from '../features/acceptable-use/index.ts';
import type { AppState, AppStore } from '../store/index.ts';
import type { SearchService } from '../search/index.ts';
import type { FilesService } from '../features/images/index.ts';
import type { ClassificationService } from '../features/classification/index.ts';
import type { DocHandle, DocRegistry } from '../sync/index.ts';

/** What the app shell hands to features: the store and the sync layer. */
export interface AppServices {
  readonly store: AppStore;
  readonly registry: DocRegistry;
  /** The local note search; absent in tests that do not need it. */
  readonly search?: SearchService;
  /** Version history of notes; absent in tests that do not need it. */
  readonly history?: HistoryApi;
  /** Images of notes; absent in tests that do not need it. */
  readonly files?: FilesService;
  /** Deleting spaces into the trash and restoring them; absent in tests that do not need it. */
  readonly trash?: TrashApi;
  /** Company admins' routes (audit log, people, spaces); absent in tests that do not need it. */
  readonly admin?: AdminApi;
  /** The signed-in person's access tokens; absent in tests that do not need it. */
  readonly tokens?: TokensApi;
  /** The acceptable-use policy (reading, accepting, publishing); absent in tests that do not need it. */
  readonly policy?: PolicyApi;
  /** Labels of spaces and what they allow; absent in tests that do not need it. */
  readonly classification?: ClassificationService;
  /** The relay's notifications of the person and their settings; absent in tests that do not need it. */
  readonly notifications?: NotificationsApi;
  /** The company's open spaces: directory, joining, leaving, visibility; absent in tests that do not need it. */
  readonly openSpaces?: OpenSpacesApi;
  /** Profiles and the expert finder (relay); absent in tests that do not need it. */
  readonly knowledge?: KnowledgeApi;
  /**
   * Storage for a person's small values that name things (Mentions read
   * state), sealed like their notes; absent: localStorage (tests, old hosts).
   */
  readonly personalValues?: (owner: string, names: readonly string[]) => Promise<PersonalValues>;
}

/** Synchronous reads and writes of preloaded values (sync/sealed-values.ts). */
export interface PersonalValues {
  getItem(name: string): string | null;
  setItem(name: string, value: string): void;
}

export const AppServicesContext = createContext<AppServices | null>(null);

/** The search service, or null when the app runs without one. */
export function useSearchService(): SearchService | null {
  return useServices().search ?? null;
}

/** Profiles and the expert finder, or null when the app runs without them. */
export function useKnowledgeApi(): KnowledgeApi | null {
  return useContext(AppServicesContext)?.knowledge ?? null;
}

/** The admin routes, or null when the app runs without them. */
export function useAdminApi(): AdminApi | null {
  // Tolerates a missing context: the account menu also renders outside the workspace.
  return useContext(AppServicesContext)?.admin ?? null;
}

/** The person's access tokens, or null when the app runs without them. */
export function useTokensApi(): TokensApi | null {
  // Tolerates a missing context, as useAdminApi does (the account menu).
  return useContext(AppServicesContext)?.tokens ?? null;
}

/** The acceptable-use policy's routes, or null when the app runs without them. */
export function usePolicyApi(): PolicyApi | null {
  return useContext(AppServicesContext)?.policy ?? null;
}

/** Open spaces (directory, join, leave, visibility), or null when the app runs without them. */
export function useOpenSpacesApi(): OpenSpacesApi | null {
  return useContext(AppServicesContext)?.openSpaces ?? null;
}

/** The relay's notifications, or null when the app runs without them. */
export function useNotificationsApi(): NotificationsApi | null {
  return useContext(AppServicesContext)?.notifications ?? null;
}

/** The trash of spaces, or null when the app runs without one. */
export function useTrashApi(): TrashApi | null {
  return useServices().trash ?? null;
}

/** Version history (notes and space indexes), or null when the app runs without one. */
export function useHistoryApi(): HistoryApi | null {
  return useServices().history ?? null;
}

/** The images service, or null when the app runs without one. */
export function useFilesService(): FilesService | null {
  return useServices().files ?? null;
}

function useServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('AppServicesContext is missing');
  return services;
}

/** Reads the app store through a selector (re-renders only when its result changes). */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useServices().store, selector);
}

/**
 * The document for `room`, kept open while the calling component is mounted.
 * `open` is idempotent, so calling it during render is safe; the effect
 * retains it, and the registry closes documents nobody retained.
 */
export function useDocHandle(room: RoomName): DocHandle {
  const { registry } = useServices();
  const { spaceId, docId } = room;
  const handle = useMemo(() => registry.open({ spaceId, docId }), [registry, spaceId, docId]);
  useEffect(() => registry.retain(handle), [registry, handle]);
  return handle;
}
