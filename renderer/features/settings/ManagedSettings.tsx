import type { JSX } from 'react';
import type { PersonalSettingChange, SettingKey, SettingsView } from '../../../shared/policy.ts';

const LOCK_NOTE = 'Set by your organisation';

interface Props {
  readonly view: SettingsView;
  /** Asks the host to change one of the person's settings. */
  readonly onChange: (change: PersonalSettingChange) => void;
}

function Locked({ locked }: { readonly locked: boolean }): JSX.Element | null {
  if (!locked) return null;
  return (
    <span className="managed-settings__lock" title={LOCK_NOTE}>
      <span aria-hidden="true">🔒</span> {LOCK_NOTE}
    </span>
  );
}

/**
 * The person's own desktop settings. A setting the organisation enforces is
 * shown with its value, disabled, and marked with a lock and "Set by your
 * organisation", so nobody wonders why a change does not stick.
 */
export function ManagedSettings({ view, onChange }: Props): JSX.Element {
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
    <section className="managed-settings" aria-label="Desktop settings">
      {toggle('startAtLogin', 'Start Commonplace when I log in')}
      <div className="managed-settings__row">
        <label>
          Notifications{' '}
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
            <option value="all">All activity</option>
            <option value="mentions">Mentions only</option>
            <option value="off">Off</option>
          </select>
        </label>
        <Locked locked={locked('notifications')} />
      </div>
      {toggle('telemetry', 'Send anonymous usage counts')}
      {toggle('removeLocalCopyOnSignOut', "Remove this laptop's copy when I sign out")}
    </section>
  );
}
