import { useState } from 'react';
import type { SessionState } from '../../../shared/auth.ts';

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
  return (
    <main className="sign-in">
      <h1 className="sign-in__brand">Commonplace</h1>
      <p className="sign-in__lead">Team spaces and meeting notes, written together.</p>
      {session.status === 'error' && (
        <p className="sign-in__error" role="alert">
          {session.reason}
        </p>
      )}
      <button
        type="button"
        className="button button--primary"
        disabled={waiting}
        onClick={() => {
          setBusy(true);
          void onSignIn().finally(() => {
            setBusy(false);
          });
        }}
      >
        {waiting ? 'Signing in…' : 'Sign in with your company account'}
      </button>
      {reason !== undefined && <p className="sign-in__note">{reason}</p>}
    </main>
  );
}
