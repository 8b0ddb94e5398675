import { useState } from 'react';
import type { MySpace } from '../../../shared/api.ts';
import type { SnapshotMeta } from '../../../shared/history-api.ts';
import { restoreIndexFromSnapshot } from '../../../shared/history-restore.ts';
import { SPACE_INDEX_DOC_ID } from '../../../shared/wire.ts';
import { useDocHandle, useHistoryApi } from '../../services/index.ts';
import { spaceIndexRoom } from '../tree/index.ts';
import { useFormat, useT } from '../../i18n/index.ts';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Where the restore's edit comes from (so it is told apart from a person's own edits). */
const RESTORE_ORIGIN = 'page-tree-history';

/**
 * "Page tree history": the space index's versions (the page tree and
 * templates), each restorable by owners and editors as an ordinary edit of
 * the live index, which syncs to every member and is itself kept in history.
 */
export function PageTreeHistorySection({ space }: { space: MySpace }) {
  const api = useHistoryApi();
  const t = useT();
  const format = useFormat();
  const when = (epochMs: number) => format.date(epochMs, 'dateTime');
  const handle = useDocHandle(spaceIndexRoom(space.id));
  const [versions, setVersions] = useState<readonly SnapshotMeta[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (api === null) return null;
  const canRestore = space.role !== 'viewer';

  const load = async () => {
    setStatus(null);
    try {
      setVersions(await api.list(space.id, SPACE_INDEX_DOC_ID));
    } catch (err) {
      setStatus(t('treeHistory.couldNotLoad', { reason: message(err) }));
    }
  };

  const restore = async (meta: SnapshotMeta) => {
    setBusy(true);
    setStatus(null);
    try {
      const { update } = await api.get(space.id, SPACE_INDEX_DOC_ID, meta.id);
      restoreIndexFromSnapshot(handle.doc, update, RESTORE_ORIGIN);
      setStatus(t('treeHistory.restored', { when: when(meta.createdAt) }));
    } catch (err) {
      setStatus(t('treeHistory.couldNotRestore', { reason: message(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="space-settings__history" aria-label={t('treeHistory.title')}>
      {versions === null ? (
        <button type="button" className="button" onClick={() => void load()}>
          {t('treeHistory.title')}
        </button>
      ) : versions.length === 0 ? (
        <p className="sidebar__hint">{t('treeHistory.none')}</p>
      ) : (
        <ul className="sidebar__list" aria-label={t('treeHistory.versions')}>
          {versions.map((meta) => (
            <li key={meta.id} className="space-settings__version">
              <span>
                {when(meta.createdAt)}
                {meta.createdByName === undefined ? '' : ` · ${meta.createdByName}`}
              </span>
              {canRestore && (
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  aria-label={t('treeHistory.restoreNamed', { when: when(meta.createdAt) })}
                  onClick={() => void restore(meta)}
                >
                  {t('treeHistory.restore')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {status !== null && <p role="status">{status}</p>}
    </section>
  );
}
