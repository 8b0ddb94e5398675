import { useId } from 'react';
import type { Notification, NotificationSettings } from '../../../shared/notifications-api.ts';
import { useT } from '../../i18n/index.ts';
import { Button, showToast } from '../../ui/index.ts';
import { useShownLabels } from './use-labels.ts';
import type { NotificationsState } from './use-notifications.ts';

export interface NotificationSettingsPanelProps {
  readonly state: NotificationsState;
  /** The person's spaces, to mute or unmute. */
  readonly spaces: readonly { readonly id: string; readonly name: string }[];
}

const NO_ITEMS: readonly Notification[] = [];
const NO_NOTES: readonly string[] = [];

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The zone the app runs in: do-not-disturb hours are this person's own clock. */
function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * Do-not-disturb hours and muted spaces and notes, stored on the relay (it
 * decides what is pushed, on every device of the person). A disclosure in
 * the Inbox, not a dialog: the list stays usable beside it.
 */
export function NotificationSettingsPanel({ state, spaces }: NotificationSettingsPanelProps) {
  const t = useT();
  const hintId = useId();
  const { service, snapshot, labels } = state;
  const settings = snapshot.settings;
  const mutedNotes = settings?.mutedNotes ?? NO_NOTES;
  const shown = useShownLabels(labels, NO_ITEMS, mutedNotes);
  if (settings === null || service === null) return null;
  const save = (next: NotificationSettings) => {
    service.saveSettings(next).catch((error: unknown) => {
      showToast(
        t('notifications.saveFailed', {
          message: error instanceof Error ? error.message : String(error),
        }),
        'danger',
      );
    });
  };
  const dnd = settings.dnd;
  const setTime = (which: 'start' | 'end', value: string) => {
    if (dnd === null || !CLOCK.test(value)) return;
    save({ ...settings, dnd: { ...dnd, [which]: value, timeZone: localZone() } });
  };
  const toggleSpace = (spaceId: string, mute: boolean) => {
    const others = settings.mutedSpaces.filter((id) => id !== spaceId);
    save({ ...settings, mutedSpaces: mute ? [...others, spaceId] : others });
  };
  return (
    <details className="updates__settings">
      <summary>{t('notifications.settings')}</summary>
      <fieldset className="updates__fieldset">
        <legend>{t('notifications.dnd')}</legend>
        <p className="updates__hint">{t('notifications.dndHint')}</p>
        <label className="updates__check">
          <input
            type="checkbox"
            checked={dnd !== null}
            onChange={(event) => {
              save({
                ...settings,
                dnd: event.target.checked
                  ? { start: '18:00', end: '09:00', timeZone: localZone() }
                  : null,
              });
            }}
          />
          {t('notifications.dnd')}
        </label>
        {dnd !== null && (
          <span className="updates__times">
            <label>
              {t('notifications.dndFrom')}{' '}
              <input
                type="time"
                value={dnd.start}
                onChange={(event) => {
                  setTime('start', event.target.value);
                }}
              />
            </label>
            <label>
              {t('notifications.dndTo')}{' '}
              <input
                type="time"
                value={dnd.end}
                onChange={(event) => {
                  setTime('end', event.target.value);
                }}
              />
            </label>
          </span>
        )}
      </fieldset>
      <fieldset className="updates__fieldset" aria-describedby={hintId}>
        <legend>{t('notifications.mutedSpaces')}</legend>
        <p id={hintId} className="updates__hint">
          {t('notifications.mutedSpacesHint')}
        </p>
        {spaces.map((space) => (
          <label key={space.id} className="updates__check">
            <input
              type="checkbox"
              checked={settings.mutedSpaces.includes(space.id)}
              onChange={(event) => {
                toggleSpace(space.id, event.target.checked);
              }}
            />
            {t('notifications.muteSpace', { space: space.name })}
          </label>
        ))}
      </fieldset>
      <fieldset className="updates__fieldset">
        <legend>{t('notifications.mutedNotes')}</legend>
        {mutedNotes.length === 0 ? (
          <p className="updates__hint">{t('notifications.noMutedNotes')}</p>
        ) : (
          <ul className="updates__muted">
            {mutedNotes.map((key) => {
              const cut = key.indexOf('/');
              const title = shown.title(key.slice(0, cut), key.slice(cut + 1));
              return (
                <li key={key}>
                  <Button
                    size="sm"
                    onClick={() => {
                      save({ ...settings, mutedNotes: mutedNotes.filter((k) => k !== key) });
                    }}
                  >
                    {t('notifications.unmuteNote', { title })}
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
    </details>
  );
}
