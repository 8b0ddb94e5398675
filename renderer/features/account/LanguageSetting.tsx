import { useId, useState } from 'react';
import {
  LANGUAGES,
  systemLanguage,
  languagePreference,
  setLanguagePreference,
  useT,
  type LanguagePreference,
} from '../../i18n/index.ts';

/** The UI language: the OS/browser's by default, or one the person picks (remembered on this device). */
export function LanguageSetting() {
  const t = useT();
  const id = useId();
  const [preference, setPreference] = useState<LanguagePreference>(languagePreference);
  return (
    <div className="field field--inline">
      <label htmlFor={id} className="field__label">
        {t('account.language')}
      </label>
      <select
        id={id}
        className="input input--select"
        value={preference}
        onChange={(event) => {
          const next = event.target.value as LanguagePreference;
          setPreference(next);
          void setLanguagePreference(next);
        }}
      >
        <option value="system">
          {t('account.languageSystem', {
            language: t(`languages.${systemLanguage()}`),
          })}
        </option>
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`languages.${lng}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
