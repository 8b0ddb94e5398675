import type { JSX } from 'react';
import type { LocalDataProtection } from '../../../shared/host.ts';
import type { SettingsView } from '../../../shared/policy.ts';
import { useT } from '../../i18n/index.ts';

interface Props {
  /** The organisation's `localDataEncryption` (and whether it is enforced). */
  readonly view: SettingsView;
  /** What the host does with the person's data on this device; null while asking. */
  readonly protection: LocalDataProtection | null;
}

/**
 * Whether the person's notes on this device are encrypted, beside what the
 * organisation's policy says, so that "why is this plain?" (or "why are my
 * notes not kept offline?") is answered where the settings are.
 */
export function LocalDataEncryption({ view, protection }: Props): JSX.Element {
  const t = useT();
  const policy = view.values.localDataEncryption ?? 'required';
  const state =
    protection === null
      ? null
      : protection.status === 'encrypted'
        ? 'encrypted'
        : protection.status === 'plain'
          ? 'unencrypted'
          : 'not-stored';
  return (
    <div className="managed-settings__row managed-settings__local-data" data-local-data={state}>
      <p>
        {t('localData.heading')}:{' '}
        {state === null ? null : (
          <strong>
            {state === 'encrypted'
              ? t('localData.encrypted')
              : state === 'unencrypted'
                ? t('localData.unencrypted')
                : t('localData.notStored')}
          </strong>
        )}
      </p>
      <p data-policy={policy}>
        {policy === 'preferred' ? t('localData.policyPreferred') : t('localData.policyRequired')}
      </p>
      {policy === 'preferred' && protection?.status === 'plain' && protection.fallback ? (
        <p role="note">{t('localData.preferredUnencrypted')}</p>
      ) : null}
    </div>
  );
}
