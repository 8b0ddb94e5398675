import { useState } from 'react';
import type { SessionState } from '../../../shared/auth.ts';
import { useT } from '../../i18n/index.ts';
import './sign-in.css';
import { Button } from '../../ui/index.ts';

export interface SignInScreenProps {
  readonly session: SessionState;
  /** Starts the IdP round trip (in a browser the page navigates away). */
  readonly onSignIn: () => Promise<unknown>;
}

/** Shown while nobody is signed in: one button to the company's IdP, and why a previous attempt failed. */
export function SignInScreen({ session, onSignIn }: SignInScreenProps) {
  const [busy, setBusy] = useState(false);
  const waiting = busy || session.status === 'signing-in';
  const { reason } = session.persistence;
  const t = useT();
  return (
    <main className="sign-in">
      <h1 className="sign-in__brand">{t('app.name')}</h1>
      <p className="sign-in__lead">{t('app.tagline')}</p>
      {session.status === 'error' && (
        <p className="sign-in__error" role="alert">
          {session.reason}
        </p>
      )}
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
      {reason !== undefined && <p className="sign-in__note">{reason}</p>}
    </main>
  );
}
