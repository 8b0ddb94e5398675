import { useState, type SyntheticEvent } from 'react';
import {
  TOKEN_NAME_MAX,
  TOKEN_SCOPES,
  type CreateAccessTokenRequest,
  type TokenScope,
} from '../../../shared/access-tokens-api.ts';
import { useT } from '../../i18n/index.ts';
import { Button, Field, Select, TextInput } from '../../ui/index.ts';

const EXPIRIES = { d7: 7, d30: 30, d90: 90, d365: 365, never: null } as const;
type Expiry = keyof typeof EXPIRIES;

/**
 * Name, scopes and lifetime of a new token. `admin` is offered only to
 * admins; the relay refuses it to anyone else whatever the form sends.
 */
export function TokenForm({
  offerAdmin,
  submitLabel,
  onCreate,
}: {
  readonly offerAdmin: boolean;
  readonly submitLabel: string;
  readonly onCreate: (request: CreateAccessTokenRequest) => Promise<unknown>;
}) {
  const t = useT();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ReadonlySet<TokenScope>>(new Set(['read']));
  const [expiry, setExpiry] = useState<Expiry>('d90');
  const offered = TOKEN_SCOPES.filter((s) => s !== 'admin' || offerAdmin);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const days = EXPIRIES[expiry];
    void onCreate({ name: name.trim(), scopes: [...scopes], expiresInDays: days }).then(() => {
      setName('');
    });
  };
  return (
    <form className="tokens__form" onSubmit={submit}>
      <Field label={t('tokens.name')} hint={t('tokens.nameHint')}>
        {(control) => (
          <TextInput
            {...control}
            required
            maxLength={TOKEN_NAME_MAX}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
            }}
          />
        )}
      </Field>
      <fieldset className="tokens__scopes">
        <legend>{t('tokens.scopes')}</legend>
        {offered.map((scope) => (
          <label key={scope}>
            <input
              type="checkbox"
              name="scope"
              value={scope}
              checked={scopes.has(scope)}
              onChange={(e) => {
                const next = new Set(scopes);
                if (e.target.checked) next.add(scope);
                else next.delete(scope);
                setScopes(next);
              }}
            />{' '}
            {t(`tokens.scope.${scope}`)}: {t(`tokens.scopeHint.${scope}`)}
          </label>
        ))}
      </fieldset>
      <Field label={t('tokens.expiry')}>
        {(control) => (
          <Select
            {...control}
            value={expiry}
            onChange={(e) => {
              setExpiry(e.target.value as Expiry);
            }}
          >
            {(Object.keys(EXPIRIES) as Expiry[]).map((key) => (
              <option key={key} value={key}>
                {t(`tokens.expiryIn.${key}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="tokens__actions">
        <Button type="submit" disabled={scopes.size === 0 || name.trim() === ''}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
