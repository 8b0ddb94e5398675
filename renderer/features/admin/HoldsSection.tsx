import { useState, type SyntheticEvent } from 'react';
import type { AdminSpace } from '../../../shared/admin-api.ts';
import type { HoldScope, LegalHold } from '../../../shared/legal-api.ts';
import type { LegalApi } from '../../api/legal-api.ts';
import { useFormat, useT } from '../../i18n/index.ts';
import { Button, Field, Select, TextInput } from '../../ui/index.ts';
import { saveBlob } from './download.ts';

/** Placing a hold: a case name and a scope (a space, or a person). */
function HoldForm({
  api,
  spaces,
  onCreated,
  onError,
}: {
  readonly api: LegalApi;
  readonly spaces: readonly AdminSpace[];
  readonly onCreated: (hold: LegalHold) => void;
  readonly onError: (err: unknown) => void;
}) {
  const t = useT();
  const [caseName, setCaseName] = useState('');
  const [kind, setKind] = useState<HoldScope['kind']>('space');
  const [target, setTarget] = useState('');
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (caseName.trim() === '' || target.trim() === '') return;
    const scope: HoldScope =
      kind === 'space'
        ? { kind, spaceId: target.trim() }
        : { kind: 'person', personId: target.trim() };
    api.createHold(caseName.trim(), scope).then((hold) => {
      setCaseName('');
      setTarget('');
      onCreated(hold);
    }, onError);
  };
  return (
    <form className="admin__actions" onSubmit={submit}>
      <Field label={t('admin.legal.caseName')}>
        {(c) => (
          <TextInput
            {...c}
            value={caseName}
            onChange={(e) => {
              setCaseName(e.target.value);
            }}
          />
        )}
      </Field>
      <Field label={t('admin.legal.scope')}>
        {(c) => (
          <Select
            {...c}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value === 'person' ? 'person' : 'space');
              setTarget('');
            }}
          >
            <option value="space">{t('admin.legal.scopeSpace')}</option>
            <option value="person">{t('admin.legal.scopePerson')}</option>
          </Select>
        )}
      </Field>
      {kind === 'space' ? (
        <Field label={t('admin.legal.space')}>
          {(c) => (
            <Select
              {...c}
              value={target}
              onChange={(e) => {
                setTarget(e.target.value);
              }}
            >
              <option value="">{t('admin.legal.chooseSpace')}</option>
              {spaces.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : (
        <Field label={t('admin.legal.personId')}>
          {(c) => (
            <TextInput
              {...c}
              value={target}
              onChange={(e) => {
                setTarget(e.target.value);
              }}
            />
          )}
        </Field>
      )}
      <Button type="submit" size="sm">
        {t('admin.legal.create')}
      </Button>
    </form>
  );
}

/** Legal holds: placing, listing, releasing, and exporting an active one. */
export function HoldsSection({
  api,
  holds,
  spaces,
  onChange,
  onError,
}: {
  readonly api: LegalApi;
  readonly holds: readonly LegalHold[];
  readonly spaces: readonly AdminSpace[];
  readonly onChange: (message: string) => void;
  readonly onError: (err: unknown) => void;
}) {
  const t = useT();
  const format = useFormat();
  const covers = (scope: HoldScope) =>
    scope.kind === 'space'
      ? `${t('admin.legal.space')}: ${spaces.find((s) => s.id === scope.spaceId)?.name ?? scope.spaceId}`
      : `${t('admin.legal.personId')}: ${scope.personId}`;
  return (
    <section aria-labelledby="legal-holds">
      <h3 id="legal-holds">{t('admin.legal.holds')}</h3>
      <p>{t('admin.legal.holdsHint')}</p>
      <HoldForm
        api={api}
        spaces={spaces}
        onCreated={(hold) => {
          onChange(t('admin.legal.created', { name: hold.caseName }));
        }}
        onError={onError}
      />
      {holds.length === 0 ? (
        <p>{t('admin.legal.none')}</p>
      ) : (
        <table className="admin__table">
          <caption className="visually-hidden">{t('admin.legal.holdsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.legal.caseName')}</th>
              <th scope="col">{t('admin.legal.covers')}</th>
              <th scope="col">{t('admin.legal.createdBy')}</th>
              <th scope="col">{t('admin.legal.status')}</th>
              <th scope="col">{t('admin.legal.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {holds.map((hold) => (
              <tr key={hold.id}>
                <td>{hold.caseName}</td>
                <td>{covers(hold.scope)}</td>
                <td>
                  {hold.createdBy}, {format.date(hold.createdAt)}
                </td>
                <td>
                  {hold.releasedAt === null
                    ? t('admin.legal.active')
                    : t('admin.legal.releasedAt', { date: format.date(hold.releasedAt) })}
                </td>
                <td>
                  {hold.releasedAt === null && (
                    <span className="admin__recover">
                      <Button
                        size="sm"
                        aria-label={t('admin.legal.exportCase', { name: hold.caseName })}
                        onClick={() => {
                          api.exportHold(hold.id).then((blob) => {
                            saveBlob(blob, `ediscovery-${hold.id}.zip`);
                          }, onError);
                        }}
                      >
                        {t('admin.legal.export')}
                      </Button>
                      <Button
                        size="sm"
                        aria-label={t('admin.legal.releaseCase', { name: hold.caseName })}
                        onClick={() => {
                          api.releaseHold(hold.id).then(() => {
                            onChange(t('admin.legal.released', { name: hold.caseName }));
                          }, onError);
                        }}
                      >
                        {t('admin.legal.release')}
                      </Button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
