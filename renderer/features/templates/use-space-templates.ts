import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import {
  deleteTemplate,
  listTemplates,
  saveTemplate,
  templatesMap,
  type SpaceTemplate,
} from '../../../shared/space-templates/index.ts';
import { useAppStore, useDocHandle } from '../../services/index.ts';
import { selectProfile } from '../../store/index.ts';
import { newPageId, spaceIndexRoom, useSpaceIndex } from '../tree/index.ts';

export interface SpaceTemplatesView {
  /** The space's own templates, by name (the built-in meeting template is not among them). */
  readonly templates: readonly SpaceTemplate[];
  /** Why templates may not be saved or deleted here (a viewer), or null. */
  readonly readOnlyReason: string | null;
  /** Stores the note content as a template. @throws TemplateError with a message fit to show. */
  readonly save: (name: string, content: unknown) => SpaceTemplate;
  readonly remove: (id: string) => boolean;
}

/** The templates of one index doc, for useSyncExternalStore (same snapshot until a change). */
function templateStore(doc: Y.Doc) {
  let snapshot = listTemplates(doc);
  return {
    get: () => snapshot,
    subscribe: (onChange: () => void) => {
      const map = templatesMap(doc);
      const observer = () => {
        snapshot = listTemplates(doc);
        onChange();
      };
      map.observe(observer);
      // Changes between the first snapshot and subscribing.
      observer();
      return () => {
        map.unobserve(observer);
      };
    },
  };
}

/**
 * The templates of `spaceId`, from its index doc (room
 * `<spaceId>/index`) through the sync layer: written locally, so saving
 * works offline, and synced to every member like the page tree.
 */
export function useSpaceTemplates(spaceId: string): SpaceTemplatesView {
  const handle = useDocHandle(spaceIndexRoom(spaceId));
  const { readOnlyReason } = useSpaceIndex(spaceId);
  const sub = useAppStore(selectProfile)?.sub ?? 'anonymous';
  const doc = handle.doc;
  const store = useMemo(() => templateStore(doc), [doc]);
  const templates = useSyncExternalStore(store.subscribe, store.get);
  const save = useCallback(
    (name: string, content: unknown) =>
      saveTemplate(doc, { id: newPageId(), name, createdBy: sub, createdAt: Date.now(), content }),
    [doc, sub],
  );
  const remove = useCallback((id: string) => deleteTemplate(doc, id), [doc]);
  return { templates, readOnlyReason, save, remove };
}
