import { useContext, useState } from 'react';
import type { Editor, Extensions } from '@tiptap/core';
import type { SnapshotMeta } from '../../../shared/history-api.ts';
import { formatRoomName, type RoomName } from '../../../shared/wire.ts';
import type { Snapshot } from '../../api/index.ts';
import { AppServicesContext, useAppStore } from '../../services/index.ts';
import { selectCanEdit, selectReadOnlyReason } from '../../store/index.ts';
import { restoreSnapshot } from './restore.ts';
import { SnapshotView } from './SnapshotView.tsx';
import { NEEDS_RELAY, problem, useSnapshots } from './use-snapshots.ts';
import { whenConfirmed } from './when-confirmed.ts';
import './history.css';
import { Button } from '../../ui/index.ts';

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

function when(meta: SnapshotMeta): string {
  return new Date(meta.createdAt).toLocaleString();
}

function who(meta: SnapshotMeta): string {
  return meta.reason === 'scheduled'
    ? 'Saved automatically'
    : `Saved by ${meta.createdByName ?? meta.createdBy ?? 'someone'}`;
}

/**
 * Version history of a note (issue 4 point 8), beside it: the relay's
 * snapshots newest first, "Save version now" for those who may edit, a
 * selected version shown read-only next to the live note, and "Restore this
 * version", which is an ordinary edit (it syncs, and Ctrl/Cmd+Z undoes it).
 * Without the relay it says so; the note itself keeps working.
 */
export function HistoryPanel({ room, editor, viewExtensions, onClose }: HistoryPanelProps) {
  const services = useContext(AppServicesContext);
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
      if (known.includes(saved.id)) return 'No changes since the last version.';
      return confirmed
        ? 'Version saved.'
        : 'Version saved; your last changes had not reached the relay yet.';
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
    setMessage(`Restored the version of ${when(snapshot.meta)}. Undo with Ctrl+Z (⌘Z on a Mac).`);
  };

  return (
    <aside className="history-panel" aria-label="Version history">
      <header className="history-panel__header">
        <h2 className="history-panel__title">Version history</h2>
        <Button onClick={onClose} aria-label="Close version history">
          ×
        </Button>
      </header>
      {state.status === 'offline' && (
        <p className="history-panel__offline" role="status">
          {NEEDS_RELAY}
        </p>
      )}
      {state.status === 'error' && (
        <p className="history-panel__error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'loading' && <p className="history-panel__note">Loading versions…</p>}
      {state.status === 'ready' && (
        <>
          {canSave && (
            <Button disabled={busy} onClick={() => void saveNow()}>
              Save version now
            </Button>
          )}
          {state.snapshots.length === 0 ? (
            <p className="history-panel__note">
              No versions yet. The relay saves one every few minutes while the note changes.
            </p>
          ) : (
            <ol className="history-panel__list" aria-label="Versions">
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
                    <span className="history-panel__who">{who(meta)}</span>
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
        <section className="history-panel__version" aria-label="Selected version">
          <div className="history-panel__version-bar">
            <span>
              {when(selected.meta)} · {who(selected.meta)}
            </span>
            {canRestore && (
              <Button
                onClick={() => {
                  restore(selected);
                }}
              >
                Restore this version
              </Button>
            )}
          </div>
          <SnapshotView
            update={selected.update}
            label={`Version of ${when(selected.meta)}`}
            extensions={viewExtensions}
          />
        </section>
      )}
    </aside>
  );
}
