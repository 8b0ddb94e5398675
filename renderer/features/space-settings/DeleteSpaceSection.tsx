import { useState } from 'react';
import type { MySpace } from '../../../shared/api.ts';
import { useTrashApi } from '../../services/index.ts';
import type { SpacesService } from '../../spaces/index.ts';
import { useT } from '../../i18n/index.ts';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface DeleteSpaceSectionProps {
  readonly space: MySpace;
  readonly service: Pick<SpacesService, 'refresh'>;
  /** Called once the space is in the trash. */
  readonly onDeleted: () => void;
}

/**
 * "Delete space" for owners, behind a confirmation: the space goes to its
 * owners' trash (restorable from "Trash" under the spaces until the relay
 * purges it), and every member loses it at once.
 */
export function DeleteSpaceSection({ space, service, onDeleted }: DeleteSpaceSectionProps) {
  const api = useTrashApi();
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (api === null || space.role !== 'owner') return null;

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.deleteSpace(space.id);
      await service.refresh();
      onDeleted();
    } catch (err) {
      setError(t('deleteSpace.couldNotDelete', { reason: message(err) }));
      setBusy(false);
    }
  };

  return (
    <section className="space-settings__danger" aria-label={t('deleteSpace.label')}>
      {error !== null && (
        <p className="sidebar__error" role="alert">
          {error}
        </p>
      )}
      {confirming ? (
        <>
          <p>{t('deleteSpace.confirm', { name: space.name })}</p>
          <div className="dialog__buttons">
            <button
              type="button"
              className="button"
              onClick={() => {
                setConfirming(false);
              }}
            >
              {t('deleteSpace.keep')}
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={() => void remove()}
            >
              {busy ? t('deleteSpace.deleting') : t('deleteSpace.label')}
            </button>
          </div>
        </>
      ) : (
        <button
          type="button"
          className="button button--danger"
          onClick={() => {
            setConfirming(true);
          }}
        >
          {t('deleteSpace.open')}
        </button>
      )}
    </section>
  );
}
