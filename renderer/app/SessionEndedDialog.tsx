import { useState } from 'react';
import type { SessionState } from '../../shared/auth.ts';
import { useT } from '../i18n/index.ts';
import { Button, Dialog } from '../ui/index.ts';

/**
 * Over the workspace when the session ended on its own: "Please sign in
 * again", while the notes and their unsynced edits stay visible behind it
 * (they are kept on this device and sync once signed in).
 */
export function SessionEndedDialog({
  session,
  onSignIn,
}: {
  readonly session: SessionState;
  readonly onSignIn: () => Promise<unknown>;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const waiting = busy || session.status === 'signing-in';
  return (
    <Dialog
      title={t('session.expired')}
      // Nothing to go back to: closing would leave edits that cannot sync.
      onClose={() => undefined}
      footer={
        <Button
          variant="primary"
          disabled={waiting}
          onClick={() => {
            setBusy(true);
            void onSignIn().finally(() => {
              setBusy(false);
            });
          }}
        >
          {waiting ? t('signIn.busy') : t('signIn.button')}
        </Button>
      }
    >
      <p>{t('session.expiredBody')}</p>
      {session.status === 'error' && <p className="dialog__note">{session.reason}</p>}
    </Dialog>
  );
}
