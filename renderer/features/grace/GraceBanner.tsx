import { useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { useAppStore } from '../../services/index.ts';
import { Button } from '../../ui/index.ts';
import './grace.css';

export interface GraceBannerProps {
  /** Starts a sign-in (the system browser on desktop, a redirect in a browser). */
  readonly onSignIn: () => Promise<unknown>;
}

/**
 * Across the workspace once the offline grace period is over: says why
 * editing stopped and offers to sign in. Nothing while the period runs.
 */
export function GraceBanner({ onSignIn }: GraceBannerProps) {
  const { expired, days } = useAppStore((s) => s.grace);
  const signingIn = useAppStore((s) => s.session?.status === 'signing-in');
  const [busy, setBusy] = useState(false);
  const t = useT();
  if (!expired) return null;
  const waiting = busy || signingIn;
  return (
    <section className="grace-banner" role="alert" aria-labelledby="grace-banner-title">
      <div className="grace-banner__text">
        <strong id="grace-banner-title">{t('grace.title')}</strong>
        <p>{t('grace.body', { count: days })}</p>
      </div>
      <Button
        variant="primary"
        size="sm"
        disabled={waiting}
        onClick={() => {
          setBusy(true);
          void onSignIn().finally(() => {
            setBusy(false);
          });
        }}
      >
        {waiting ? t('signIn.busy') : t('grace.signIn')}
      </Button>
    </section>
  );
}
