import { useCallback, useContext, useEffect, useState } from 'react';
import {
  POLICY_NOT_ACCEPTED_REASON,
  type PolicyStatus,
  type PolicyVersion,
} from '../../../shared/acceptable-use.ts';
import { ApiRequestError } from '../../api/index.ts';
import { useFormat, useT } from '../../i18n/index.ts';
import { AppServicesContext, useAppStore, usePolicyApi } from '../../services/index.ts';
import { Button, Dialog } from '../../ui/index.ts';
import './policy.css';

export interface PolicyGateProps {
  /** Signs out (offered beside Accept: someone who does not accept may leave). */
  readonly onSignOut: () => unknown;
}

/** The policy text, its version and date, in a scrollable region keyboard users can scroll. */
export function PolicyText({ policy }: { readonly policy: PolicyVersion }) {
  const t = useT();
  const format = useFormat();
  return (
    <>
      <p className="policy__meta">
        {t('policy.versionOf', {
          version: policy.version,
          date: format.date(policy.publishedAt),
        })}
      </p>
      <div className="policy__text" role="region" aria-label={t('policy.textLabel')} tabIndex={0}>
        {policy.text}
      </div>
    </>
  );
}

/**
 * Asks the signed-in person to accept the acceptable-use policy: on sign-in,
 * when the relay says a new version made their notes read-only, and when the
 * window regains focus. Until they accept, every note is read-only (the
 * store's `policy.mustAccept`) and a banner says why; the relay refuses their
 * edits regardless. Nothing at all while no policy is published.
 */
export function PolicyGate({ onSignOut }: PolicyGateProps) {
  const api = usePolicyApi();
  const services = useContext(AppServicesContext);
  const t = useT();
  const { mustAccept, dialogOpen } = useAppStore((s) => s.policy);
  const refusedByRelay = useAppStore((s) =>
    Object.values(s.rooms).some((r) => r.permissionDenied === POLICY_NOT_ACCEPTED_REASON),
  );
  const [status, setStatus] = useState<PolicyStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const apply = useCallback(
    (next: PolicyStatus) => {
      setStatus(next);
      if (services === null) return;
      const { policy, patchPolicy } = services.store.getState();
      if (next.mustAccept !== policy.mustAccept) {
        // Newly due: show the text at once; no longer due: close it.
        patchPolicy({ mustAccept: next.mustAccept, dialogOpen: next.mustAccept });
      }
    },
    [services],
  );
  const reload = useCallback(() => {
    // A failed check (offline) changes nothing: the relay still judges every edit.
    api?.status().then(apply, () => undefined);
  }, [api, apply]);

  useEffect(() => {
    api?.status().then(apply, () => undefined);
  }, [api, apply, refusedByRelay, mustAccept]);

  useEffect(() => {
    window.addEventListener('focus', reload);
    return () => {
      window.removeEventListener('focus', reload);
    };
  }, [reload]);

  if (api === null || services === null || !mustAccept) return null;
  const current = status?.current ?? null;
  const { store } = services;

  const accept = () => {
    if (current === null) return;
    setBusy(true);
    setError(null);
    api.accept(current.version).then(
      () => {
        setBusy(false);
        const state = store.getState();
        // The relay lets the open connections write at once; forget its earlier refusal.
        for (const [key, room] of Object.entries(state.rooms)) {
          if (room.permissionDenied === POLICY_NOT_ACCEPTED_REASON) {
            state.patchRoom(key, { permissionDenied: null });
          }
        }
        state.patchPolicy({ mustAccept: false, dialogOpen: false });
      },
      (err: unknown) => {
        setBusy(false);
        if (err instanceof ApiRequestError && err.status === 409) {
          // A newer version was published while they read: show that one.
          setError(t('policy.changed'));
          reload();
          return;
        }
        setError(err instanceof Error ? err.message : String(err));
      },
    );
  };

  return (
    <>
      {!dialogOpen && (
        <section className="policy-banner" role="alert" aria-labelledby="policy-banner-title">
          <div className="policy-banner__text">
            <strong id="policy-banner-title">{t('policy.bannerTitle')}</strong>
            <p>{t('policy.bannerBody')}</p>
          </div>
          <Button
            variant="primary"
            size="sm"
            onClick={() => {
              store.getState().patchPolicy({ dialogOpen: true });
            }}
          >
            {t('policy.read')}
          </Button>
        </section>
      )}
      {dialogOpen && current !== null && (
        <Dialog
          title={t('policy.title')}
          className="policy"
          onClose={() => {
            store.getState().patchPolicy({ dialogOpen: false });
          }}
          footer={
            <>
              <Button onClick={() => void onSignOut()}>{t('policy.signOut')}</Button>
              <Button variant="primary" disabled={busy} onClick={accept}>
                {busy ? t('policy.accepting') : t('policy.accept')}
              </Button>
            </>
          }
        >
          <p>{t('policy.intro')}</p>
          <PolicyText policy={current} />
          {error !== null && (
            <p role="alert" className="policy__error">
              {error}
            </p>
          )}
        </Dialog>
      )}
    </>
  );
}
