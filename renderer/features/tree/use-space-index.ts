import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import {
  openSpaceIndex,
  type PageTree,
  type SpaceIndex,
} from '../../../shared/space-index/index.ts';
import { FATAL_CLOSE_CODES } from '../../../shared/wire.ts';
import { useT } from '../../i18n/index.ts';
import { useAppStore, useDocHandle } from '../../services/index.ts';
import { selectProfile, selectReadOnlyReason, selectRoom } from '../../store/index.ts';
import { spaceIndexRoom } from './space-index-room.ts';

// One SpaceIndex per Y.Doc (the sidebar and the crumbs share it). It lives as
// long as the doc: the registry destroys the doc when nobody retains it, and
// the WeakMap entry (with the index's observer) goes with it.
const indexes = new WeakMap<Y.Doc, SpaceIndex>();

function indexFor(doc: Y.Doc, userId: string): SpaceIndex {
  let index = indexes.get(doc);
  if (index === undefined) {
    index = openSpaceIndex(doc, { userId });
    indexes.set(doc, index);
  }
  return index;
}

export interface SpaceIndexView {
  readonly index: SpaceIndex;
  /** The current tree (immutable; a new object after every change). */
  readonly tree: PageTree;
  /** Why the tree may not be changed (viewer, relay refusal), or null. */
  readonly readOnlyReason: string | null;
  /** True once the index has been synced with the relay at least once. */
  readonly loaded: boolean;
}

/**
 * The page tree of `spaceId`, from its index doc (room `<spaceId>/index`)
 * opened through the sync layer. Writes go straight to the local doc, so
 * they work offline; the provider carries them to the relay when it can.
 */
export function useSpaceIndex(spaceId: string): SpaceIndexView {
  const t = useT();
  const handle = useDocHandle(spaceIndexRoom(spaceId));
  const userId = useAppStore(selectProfile)?.sub ?? 'anonymous';
  const index = useMemo(() => indexFor(handle.doc, userId), [handle.doc, userId]);
  const subscribe = useCallback(
    (onChange: () => void) =>
      index.observe(() => {
        onChange();
      }),
    [index],
  );
  const tree = useSyncExternalStore(subscribe, () => index.snapshot());
  const roleReason = useAppStore(selectReadOnlyReason(handle.key));
  // A relay that refused the index for good (4403 not a member, 4404) will
  // take no page changes: show the tree read-only rather than accept edits
  // that cannot reach anyone.
  const closed = useAppStore((s) => selectRoom(handle.key)(s).closed);
  const refusal =
    closed !== null && FATAL_CLOSE_CODES.has(closed.code)
      ? t('tree.refused', {
          reason: closed.reason || t('tree.refusedCode', { code: String(closed.code) }),
        })
      : null;
  const readOnlyReason = roleReason ?? refusal;
  const loaded = useAppStore((s) => selectRoom(handle.key)(s).firstSyncDone);
  return { index, tree, readOnlyReason, loaded };
}
