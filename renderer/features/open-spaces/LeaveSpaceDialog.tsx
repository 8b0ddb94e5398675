import { useEffect, useState } from 'react';
import type { MySpace } from '../../../shared/api.ts';
import type { MembersApi } from '../../api/index.ts';
import { useT } from '../../i18n/index.ts';
import { useOpenSpacesApi } from '../../services/index.ts';
import type { SpacesService } from '../../spaces/index.ts';
import { Button, Dialog, showToast } from '../../ui/index.ts';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What the dialog knows before it offers Leave. */
type Check =
  | { readonly status: 'checking' }
  | { readonly status: 'last-owner' }
  | { readonly status: 'may-leave'; readonly open: boolean };

export interface LeaveSpaceDialogProps {
  readonly space: MySpace;
  readonly members: Pick<MembersApi, 'list'>;
  readonly spaces: Pick<SpacesService, 'refresh'>;
  readonly onClose: () => void;
  /** Called once the person is no longer a member. */
  readonly onLeft: () => void;
}

/**
 * "Leave space", confirmed. A space must keep an owner: its only owner is
 * told so (and what to do instead) before trying; the relay refuses it
 * anyway. The text says whether the person could come back by themselves
 * (an open space) or needs an invitation.
 */
export function LeaveSpaceDialog({
  space,
  members,
  spaces,
  onClose,
  onLeft,
}: LeaveSpaceDialogProps) {
  const t = useT();
  const api = useOpenSpacesApi();
  const [check, setCheck] = useState<Check>({ status: 'checking' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const owners =
      space.role === 'owner'
        ? members
            .list(space.id)
            .then((list) => list.filter((m) => m.role === 'owner').length)
            .catch(() => 2) // Unknown: let the relay judge.
        : Promise.resolve(0);
    const open =
      api === null
        ? Promise.resolve(false)
        : api.visibility(space.id).then(
            (v) => v.visibility === 'open',
            () => false,
          );
    void Promise.all([owners, open]).then(([ownerCount, isOpen]) => {
      if (!current) return;
      setCheck(
        space.role === 'owner' && ownerCount <= 1
          ? { status: 'last-owner' }
          : { status: 'may-leave', open: isOpen },
      );
    });
    return () => {
      current = false;
    };
  }, [api, members, space.id, space.role]);

  const leave = async () => {
    if (api === null) return;
    setBusy(true);
    setError(null);
    try {
      await api.leave(space.id);
      await spaces.refresh();
      showToast(t('openSpaces.leave.left', { name: space.name }), 'success');
      onLeft();
    } catch (err) {
      setError(t('openSpaces.leave.couldNotLeave', { name: space.name, reason: message(err) }));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('openSpaces.leave.title', { name: space.name })}
      className="leave-space"
      onClose={onClose}
      footer={
        check.status === 'may-leave' ? (
          <>
            <Button onClick={onClose}>{t('openSpaces.leave.stay')}</Button>
            <Button variant="danger" disabled={busy} onClick={() => void leave()}>
              {busy ? t('openSpaces.leave.leaving') : t('openSpaces.leave.leave')}
            </Button>
          </>
        ) : (
          <Button onClick={onClose}>{t('ui.close')}</Button>
        )
      }
    >
      {check.status === 'checking' && (
        <p className="sidebar__hint" role="status">
          {t('openSpaces.leave.checking')}
        </p>
      )}
      {check.status === 'last-owner' && (
        <p role="status">{t('openSpaces.leave.lastOwner', { name: space.name })}</p>
      )}
      {check.status === 'may-leave' && (
        <p>{check.open ? t('openSpaces.leave.confirmOpen') : t('openSpaces.leave.confirm')}</p>
      )}
      {error !== null && (
        <p className="sidebar__error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
