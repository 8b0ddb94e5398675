import { useEffect, useState } from 'react';
import type { TrashedSpace } from '../../../shared/space-settings-api.ts';
import { useFormat, useT } from '../../i18n/index.ts';
import { useTrashApi } from '../../services/index.ts';
import type { SpacesService } from '../../spaces/index.ts';
import { Dialog, useDialogButton } from '../../ui/index.ts';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type TrashState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly spaces: readonly TrashedSpace[] }
  | { readonly status: 'error'; readonly message: string };

/** The deleted spaces the person owns, each restorable until the relay purges it. */
function TrashDialog({
  service,
  onClose,
}: {
  service: Pick<SpacesService, 'refresh'>;
  onClose: () => void;
}) {
  const t = useT();
  const format = useFormat();
  const api = useTrashApi();
  const [state, setState] = useState<TrashState>(
    api === null
      ? { status: 'error', message: t('spaceTrash.unavailable') }
      : { status: 'loading' },
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    if (api === null) return;
    api.list().then(
      (spaces) => {
        if (current) setState({ status: 'ready', spaces });
      },
      (err: unknown) => {
        if (current)
          setState({
            status: 'error',
            message: t('spaceTrash.couldNotLoad', { reason: message(err) }),
          });
      },
    );
    return () => {
      current = false;
    };
  }, [api, t]);

  const restore = async (spaceId: string) => {
    if (api === null || state.status !== 'ready') return;
    setBusy(spaceId);
    setError(null);
    try {
      await api.restoreSpace(spaceId);
      setState({ status: 'ready', spaces: state.spaces.filter((t) => t.space.id !== spaceId) });
      await service.refresh();
    } catch (err) {
      setError(t('spaceTrash.couldNotRestore', { reason: message(err) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Dialog
      title={t('spaceTrash.title')}
      className="trash"
      onClose={onClose}
      footer={
        <button type="button" className="button" onClick={onClose}>
          {t('ui.close')}
        </button>
      }
    >
      {error !== null && (
        <p className="sidebar__error" role="alert">
          {error}
        </p>
      )}
      {state.status === 'loading' && <p className="sidebar__hint">{t('spaceTrash.loading')}</p>}
      {state.status === 'error' && (
        <p className="sidebar__error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && state.spaces.length === 0 && (
        <p className="sidebar__hint">{t('spaceTrash.none')}</p>
      )}
      {state.status === 'ready' && state.spaces.length > 0 && (
        <ul className="sidebar__list" aria-label={t('spaceTrash.list')}>
          {state.spaces.map(({ space, deletedAt, purgeAt }) => (
            <li key={space.id} className="trash__item">
              <span className="sidebar__space-name">
                {space.icon != null && <span aria-hidden="true">{space.icon} </span>}
                {space.name}
              </span>
              <span className="sidebar__hint">
                {t('spaceTrash.deleted', {
                  deleted: format.date(deletedAt, 'date'),
                  purge: format.date(purgeAt, 'date'),
                })}
              </span>
              <button
                type="button"
                className="button"
                disabled={busy !== null}
                aria-label={t('spaceTrash.restoreNamed', { name: space.name })}
                onClick={() => void restore(space.id)}
              >
                {busy === space.id ? t('spaceTrash.restoring') : t('spaceTrash.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}

/** "Trash" under the spaces: the owner's deleted spaces, to restore. */
export function TrashButton({ service }: { service: Pick<SpacesService, 'refresh'> }) {
  const t = useT();
  const { open, close, buttonProps } = useDialogButton();
  return (
    <>
      <button {...buttonProps} className="button sidebar__trash-button">
        {t('spaceTrash.button')}
      </button>
      {open && <TrashDialog service={service} onClose={close} />}
    </>
  );
}
