import { useState } from 'react';
import type { MySpace } from '../../../shared/api.ts';
import { useTrashApi } from '../../services/index.ts';
import type { SpacesService } from '../../spaces/index.ts';

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
      setError(`Could not delete the space: ${message(err)}`);
      setBusy(false);
    }
  };

  return (
    <section className="space-settings__danger" aria-label="Delete space">
      {error !== null && (
        <p className="sidebar__error" role="alert">
          {error}
        </p>
      )}
      {confirming ? (
        <>
          <p>
            Delete “{space.name}”? Every member loses it at once. Owners can restore it from Trash
            until it is purged.
          </p>
          <div className="dialog__buttons">
            <button
              type="button"
              className="button"
              onClick={() => {
                setConfirming(false);
              }}
            >
              Keep it
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={() => void remove()}
            >
              {busy ? 'Deleting…' : 'Delete space'}
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
          Delete space…
        </button>
      )}
    </section>
  );
}
