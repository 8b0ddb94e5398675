import { useT } from '../../i18n/index.ts';
import type { JSX } from 'react';
import type { LocalDataProtection } from '../../../shared/host.ts';
import type { PersonalSettingChange, SettingKey, SettingsView } from '../../../shared/policy.ts';
import { LocalDataEncryption } from './LocalDataEncryption.tsx';

interface Props {
  readonly view: SettingsView;
  /** Asks the host to change one of the person's settings. */
  readonly onChange: (change: PersonalSettingChange) => void;
  /** How this device keeps the person's data (shown with the policy); omitted: not shown. */
  readonly protection?: LocalDataProtection | null;
}

function Locked({ locked }: { readonly locked: boolean }): JSX.Element | null {
  const t = useT();
  if (!locked) return null;
  return (
    <span className="managed-settings__lock" title={t('settings.locked')}>
      <span aria-hidden="true">🔒</span> {t('settings.locked')}
    </span>
  );
}

/**
 * The person's own desktop settings. A setting the organisation enforces is
 * shown with its value, disabled, and marked with a lock and "Set by your
 * organisation", so nobody wonders why a change does not stick.
 */
export function ManagedSettings({ view, onChange, protection }: Props): JSX.Element {
  const t = useT();
  const locked = (key: SettingKey): boolean => view.enforced.includes(key);
  const toggle = (
    key: 'startAtLogin' | 'telemetry' | 'removeLocalCopyOnSignOut',
    label: string,
  ): JSX.Element => (
    <div className="managed-settings__row">
      <label>
        <input
          type="checkbox"
          checked={view.values[key] === true}
          disabled={locked(key)}
          onChange={(event) => {
            onChange({ key, value: event.currentTarget.checked });
          }}
        />{' '}
        {label}
      </label>
      <Locked locked={locked(key)} />
    </div>
  );
  return (
    <section className="managed-settings" aria-label={t('settings.label')}>
      {toggle('startAtLogin', t('settings.startAtLogin'))}
      <div className="managed-settings__row">
        <label>
          {t('settings.notifications')}{' '}
          <select
            value={view.values.notifications ?? 'mentions'}
            disabled={locked('notifications')}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (value === 'all' || value === 'mentions' || value === 'off') {
                onChange({ key: 'notifications', value });
              }
            }}
          >
            <option value="all">{t('settings.notifyAll')}</option>
            <option value="mentions">{t('settings.notifyMentions')}</option>
            <option value="off">{t('settings.notifyOff')}</option>
          </select>
        </label>
        <Locked locked={locked('notifications')} />
      </div>
      {toggle('telemetry', t('settings.telemetry'))}
      {toggle('removeLocalCopyOnSignOut', t('settings.removeLocalCopy'))}
      {protection === undefined ? null : (
        <LocalDataEncryption view={view} protection={protection} />
      )}
    </section>
  );
}
