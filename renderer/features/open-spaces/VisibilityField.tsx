import { useEffect, useId, useState } from 'react';
import type { JoinRole, SpaceVisibility, Visibility } from '../../../shared/open-spaces-api.ts';
import { useT } from '../../i18n/index.ts';
import { useOpenSpacesApi } from '../../services/index.ts';
import { Field, Select } from '../../ui/index.ts';
import { useSpaceLabel } from '../classification/index.ts';
import './open-spaces.css';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type Saving = 'idle' | 'saving' | 'saved';

/**
 * Who can find a space, in its settings: owners choose private or open to
 * everyone in the company, and the role people who join get (applied at
 * once; the relay checks the role and the label too); other members read
 * one sentence. A label that forbids copying out keeps a space private,
 * which is said before an owner tries.
 */
export function VisibilityField({
  spaceId,
  isOwner,
}: {
  readonly spaceId: string;
  readonly isOwner: boolean;
}) {
  const t = useT();
  const id = useId();
  const api = useOpenSpacesApi();
  const label = useSpaceLabel(spaceId);
  const [value, setValue] = useState<SpaceVisibility | null>(null);
  const [saving, setSaving] = useState<Saving>('idle');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (api === null) return;
    let current = true;
    api.visibility(spaceId).then(
      (v) => {
        if (current) setValue(v);
      },
      (err: unknown) => {
        if (current) setError(t('openSpaces.visibility.couldNotLoad', { reason: message(err) }));
      },
    );
    return () => {
      current = false;
    };
  }, [api, spaceId, t]);

  if (api === null) return null;

  const apply = async (next: { visibility: Visibility; joinRole?: JoinRole }) => {
    const before = value;
    if (before === null) return;
    // Shown at once (a radio follows the click); put back if the relay refuses.
    setValue({ visibility: next.visibility, joinRole: next.joinRole ?? before.joinRole });
    setSaving('saving');
    setError(null);
    try {
      setValue(await api.setVisibility(spaceId, next));
      setSaving('saved');
    } catch (err) {
      setValue(before);
      setError(t('openSpaces.visibility.couldNotSave', { reason: message(err) }));
      setSaving('idle');
    }
  };

  const keptPrivate = label !== null && !label.copyOutAllowed && value?.visibility !== 'open';
  // Never disabled while saving: a disabled control drops the keyboard focus
  // (and with it Escape and Tab) to the page.
  const busy = value === null;
  const option = (visibility: Visibility, title: string, hint: string, disabled: boolean) => (
    <div className="visibility-field__option">
      <input
        type="radio"
        id={`${id}-${visibility}`}
        name={`${id}-visibility`}
        value={visibility}
        checked={value?.visibility === visibility}
        disabled={busy || disabled}
        aria-describedby={`${id}-${visibility}-hint`}
        onChange={() => void apply({ visibility })}
      />
      <label htmlFor={`${id}-${visibility}`}>{title}</label>
      <span id={`${id}-${visibility}-hint`} className="visibility-field__hint">
        {hint}
      </span>
    </div>
  );

  return (
    <section className="visibility-field" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="dialog__subtitle">
        {t('openSpaces.visibility.title')}
      </h3>
      {isOwner ? (
        <>
          <fieldset className="visibility-field__options" aria-labelledby={`${id}-title`}>
            {option(
              'private',
              t('openSpaces.visibility.private'),
              t('openSpaces.visibility.privateHint'),
              false,
            )}
            {option(
              'open',
              t('openSpaces.visibility.open'),
              t('openSpaces.visibility.openHint'),
              keptPrivate,
            )}
          </fieldset>
          {keptPrivate && <p className="sidebar__hint">{t('openSpaces.visibility.classified')}</p>}
          {value?.visibility === 'open' && (
            <Field
              label={t('openSpaces.visibility.joinRole')}
              hint={t('openSpaces.visibility.joinRoleHint')}
            >
              {(control) => (
                <Select
                  {...control}
                  value={value.joinRole}
                  disabled={busy}
                  onChange={(event) =>
                    void apply({
                      visibility: 'open',
                      joinRole: event.target.value === 'editor' ? 'editor' : 'viewer',
                    })
                  }
                >
                  <option value="viewer">{t('openSpaces.visibility.viewer')}</option>
                  <option value="editor">{t('openSpaces.visibility.editor')}</option>
                </Select>
              )}
            </Field>
          )}
          <p className="visibility-field__status" role="status">
            {saving === 'saving'
              ? t('openSpaces.visibility.saving')
              : saving === 'saved'
                ? t('openSpaces.visibility.saved')
                : ''}
          </p>
        </>
      ) : (
        value !== null && (
          <p className="sidebar__hint">
            {value.visibility === 'open'
              ? t(`openSpaces.visibility.isOpen_${value.joinRole}`)
              : t('openSpaces.visibility.isPrivate')}
          </p>
        )
      )}
      {error !== null && (
        <p className="sidebar__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
