import { useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { Button, Field, TextInput } from '../../ui/index.ts';

/** A token just created: its secret shown this once, with a copy button. */
export function SecretOnce({
  secret,
  onDone,
}: {
  readonly secret: string;
  readonly onDone: () => void;
}) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="tokens__secret">
      <p>{t('tokens.secretOnce')}</p>
      <Field label={t('tokens.secret')}>
        {(control) => (
          <TextInput
            {...control}
            readOnly
            value={secret}
            data-testid="token-secret"
            onFocus={(e) => {
              e.target.select();
            }}
          />
        )}
      </Field>
      <div className="tokens__actions">
        <Button
          size="sm"
          onClick={() => {
            void navigator.clipboard.writeText(secret).then(() => {
              setCopied(true);
            });
          }}
        >
          {copied ? t('tokens.copied') : t('tokens.copy')}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          {t('tokens.secretSaved')}
        </Button>
      </div>
    </div>
  );
}
