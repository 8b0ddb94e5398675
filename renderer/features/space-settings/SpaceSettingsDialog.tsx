import { useState } from 'react';
import type { MySpace } from '../../../shared/api.ts';
import type { SpacesService } from '../../spaces/index.ts';
import { Dialog, Button } from '../../ui/index.ts';
import { ExportSpaceButton } from '../space-export/index.ts';
import { SpaceLabelField } from '../classification/index.ts';
import { VisibilityField } from '../open-spaces/index.ts';
import { DeleteSpaceSection } from './DeleteSpaceSection.tsx';
import { ICON_CHOICES } from './icon-choices.ts';
import { PageTreeHistorySection } from './PageTreeHistorySection.tsx';
import { draftOf, patchFor, type SettingsDraft } from './settings-form.ts';
import { useT } from '../../i18n/index.ts';
import './space-settings.css';

export interface SpaceSettingsDialogProps {
  readonly space: MySpace;
  readonly service: Pick<SpacesService, 'update' | 'refresh'>;
  readonly onClose: () => void;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A space's settings: owners change its name, icon and description (the
 * relay checks the role too); other members read them. Also the whole-space
 * Markdown export for everyone, who can find the space (private or open),
 * the page tree's history, and "Delete space" for owners.
 */
export function SpaceSettingsDialog({ space, service, onClose }: SpaceSettingsDialogProps) {
  const isOwner = space.role === 'owner';
  const t = useT();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(space));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const edit = (patch: Partial<SettingsDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
  };

  const save = async () => {
    const result = patchFor(space, draft);
    if ('error' in result) {
      setError(result.error);
      return;
    }
    if (result.patch === null) {
      onClose();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await service.update(space.id, result.patch);
      onClose();
    } catch (err) {
      setError(t('spaceSettings.couldNotSave', { reason: message(err) }));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('spaceSettings.title')}
      className="space-settings"
      onClose={onClose}
      // Owners get Cancel and Save inside their form instead.
      footer={isOwner ? undefined : <Button onClick={onClose}>{t('ui.close')}</Button>}
    >
      {error !== null && (
        <p className="sidebar__error" role="alert">
          {error}
        </p>
      )}
      {isOwner ? (
        <form
          className="space-settings__form"
          aria-label={t('spaceSettings.title')}
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label className="dialog__field">
            {t('spaceSettings.name')}
            <input
              className="input"
              value={draft.name}
              maxLength={120}
              required
              onChange={(event) => {
                edit({ name: event.target.value });
              }}
            />
          </label>
          <fieldset className="space-settings__icons">
            <legend>{t('spaceSettings.icon')}</legend>
            <div
              className="space-settings__choices"
              role="group"
              aria-label={t('spaceSettings.iconChoices')}
            >
              {ICON_CHOICES.map((icon) => (
                <Button
                  key={icon}
                  className="space-settings__choice"
                  aria-label={t('spaceSettings.iconNamed', { icon })}
                  aria-pressed={draft.icon.trim() === icon}
                  onClick={() => {
                    edit({ icon });
                  }}
                >
                  {icon}
                </Button>
              ))}
              <Button
                className="space-settings__choice"
                aria-pressed={draft.icon.trim() === ''}
                onClick={() => {
                  edit({ icon: '' });
                }}
              >
                {t('spaceSettings.noIcon')}
              </Button>
            </div>
            <input
              className="input space-settings__icon-input"
              aria-label={t('spaceSettings.icon')}
              placeholder={t('spaceSettings.iconPlaceholder')}
              value={draft.icon}
              maxLength={16}
              onChange={(event) => {
                edit({ icon: event.target.value });
              }}
            />
          </fieldset>
          <label className="dialog__field">
            {t('spaceSettings.description')}
            <textarea
              className="input space-settings__description"
              value={draft.description}
              maxLength={1000}
              rows={4}
              placeholder={t('spaceSettings.descriptionPlaceholder')}
              onChange={(event) => {
                edit({ description: event.target.value });
              }}
            />
          </label>
          <div className="dialog__buttons">
            <Button onClick={onClose}>{t('ui.cancel')}</Button>
            <Button type="submit" variant="primary" disabled={busy}>
              {busy ? t('spaceSettings.saving') : t('spaceSettings.save')}
            </Button>
          </div>
        </form>
      ) : (
        <>
          <p className="sidebar__hint">{t('spaceSettings.ownersOnly')}</p>
          <dl className="space-settings__view">
            <dt>{t('spaceSettings.name')}</dt>
            <dd>
              {space.icon != null && <span aria-hidden="true">{space.icon} </span>}
              {space.name}
            </dd>
            <dt>{t('spaceSettings.description')}</dt>
            <dd className="space-settings__description-text">
              {space.description ?? t('spaceSettings.noDescription')}
            </dd>
          </dl>
        </>
      )}
      <VisibilityField spaceId={space.id} isOwner={isOwner} />
      <SpaceLabelField spaceId={space.id} isOwner={isOwner} />
      <section className="space-settings__export" aria-label={t('spaceSettings.export')}>
        <ExportSpaceButton spaceId={space.id} spaceName={space.name} />
      </section>
      <PageTreeHistorySection space={space} />
      <DeleteSpaceSection space={space} service={service} onDeleted={onClose} />
    </Dialog>
  );
}
