import { useContext, useState } from 'react';
import type { Editor, Extensions } from '@tiptap/core';
import type { SnapshotMeta } from '../../../shared/history-api.ts';
import { formatRoomName, type RoomName } from '../../../shared/wire.ts';
import type { Snapshot } from '../../api/index.ts';
import { AppServicesContext, useAppStore } from '../../services/index.ts';
import { selectCanEdit, selectReadOnlyReason } from '../../store/index.ts';
import { restoreSnapshot } from './restore.ts';
import { SnapshotView } from './SnapshotView.tsx';
import { needsRelay, problem, useSnapshots } from './use-snapshots.ts';
import { whenConfirmed } from './when-confirmed.ts';
import './history.css';
import { Button } from '../../ui/index.ts';
import { useFormat, useT } from '../../i18n/index.ts';

/** How long "Save version now" waits for the relay to confirm the last keystrokes. */
const CONFIRM_TIMEOUT_MS = 10_000;

export interface HistoryPanelProps {
  readonly room: RoomName;
  /** The live note's editor: a restore is an edit made through it. */
  readonly editor: Editor;
  /** The note schema's extensions for the read-only view (the editor's `noteExtensions`). */
  readonly viewExtensions: () => Extensions;
  readonly onClose: () => void;
}

function who(meta: SnapshotMeta, t: ReturnType<typeof useT>): string {
  return meta.reason === 'scheduled'
    ? t('history.savedAutomatically')
    : t('history.savedBy', { name: meta.createdByName ?? meta.createdBy ?? t('people.someone') });
}

/**
 * Version history of a note, beside it: the relay's
 * snapshots newest first, "Save version now" for those who may edit, a
 * selected version shown read-only next to the live note, and "Restore this
 * version", which is an ordinary edit (it syncs, and Ctrl/Cmd+Z undoes it).
 * Without the relay it says so; the note itself keeps working.
 */
export function HistoryPanel({ room, editor, viewExtensions, onClose }: HistoryPanelProps) {
  const services = useContext(AppServicesContext);
  const t = useT();
  const format = useFormat();
  const when = (meta: SnapshotMeta) => format.date(meta.createdAt, 'dateTime');
  const api = services?.history;
  const key = formatRoomName(room);
  const offline = useAppStore((s) => s.network === 'offline');
  const canSave = useAppStore(selectReadOnlyReason(key)) === null;
  const canRestore = useAppStore(selectCanEdit(key));
  const { state, reload } = useSnapshots(api, room, offline);
  const [selected, setSelected] = useState<Snapshot | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    try {
      setMessage(await work());
    } catch (error) {
      setMessage(problem(error).message);
    } finally {
      setBusy(false);
    }
  };

  const saveNow = () =>
    run(async () => {
      if (api === undefined || services === null) return null;
      const confirmed = await whenConfirmed(services.store, key, CONFIRM_TIMEOUT_MS);
      const known = state.status === 'ready' ? state.snapshots.map((s) => s.id) : [];
      const saved = await api.save(room.spaceId, room.docId);
      await reload();
      if (known.includes(saved.id)) return t('history.noChanges');
      return confirmed ? t('history.saved') : t('history.savedUnconfirmed');
    });

  const open = (meta: SnapshotMeta) =>
    run(async () => {
      if (api === undefined) return null;
      setSelected(await api.get(room.spaceId, room.docId, meta.id));
      return null;
    });

  const restore = (snapshot: Snapshot) => {
    restoreSnapshot(editor, snapshot.update);
    editor.commands.focus();
    setMessage(t('history.restored', { when: when(snapshot.meta) }));
  };

  return (
    <aside className="history-panel" aria-label={t('history.title')}>
      <header className="history-panel__header">
        <h2 className="history-panel__title">{t('history.title')}</h2>
        <Button onClick={onClose} aria-label={t('history.close')}>
          ×
        </Button>
      </header>
      {state.status === 'offline' && (
        <p className="history-panel__offline" role="status">
          {needsRelay()}
        </p>
      )}
      {state.status === 'error' && (
        <p className="history-panel__error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'loading' && <p className="history-panel__note">{t('history.loading')}</p>}
      {state.status === 'ready' && (
        <>
          {canSave && (
            <Button disabled={busy} onClick={() => void saveNow()}>
              {t('history.saveNow')}
            </Button>
          )}
          {state.snapshots.length === 0 ? (
            <p className="history-panel__note">{t('history.none')}</p>
          ) : (
            <ol className="history-panel__list" aria-label={t('history.versions')}>
              {state.snapshots.map((meta) => (
                <li key={meta.id}>
                  <button
                    type="button"
                    className="history-panel__item"
                    aria-pressed={selected?.meta.id === meta.id}
                    disabled={busy}
                    onClick={() => void open(meta)}
                  >
                    <time dateTime={new Date(meta.createdAt).toISOString()}>{when(meta)}</time>
                    <span className="history-panel__who">{who(meta, t)}</span>
                  </button>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
      {message !== null && (
        <p className="history-panel__message" role="status">
          {message}
        </p>
      )}
      {selected !== null && (
        <section className="history-panel__version" aria-label={t('history.selected')}>
          <div className="history-panel__version-bar">
            <span>
              {when(selected.meta)} · {who(selected.meta, t)}
            </span>
            {canRestore && (
              <Button
                onClick={() => {
                  restore(selected);
                }}
              >
                {t('history.restore')}
              </Button>
            )}
          </div>
          <SnapshotView
            update={selected.update}
            label={t('history.versionOf', { when: when(selected.meta) })}
            extensions={viewExtensions}
          />
        </section>
      )}
    </aside>
  );
}
