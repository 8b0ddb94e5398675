import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { de } from './catalogue/de.ts';
import { en } from './catalogue/en.ts';
import {
  LANGUAGES,
  languageFor,
  readPreference,
  resolveLanguage,
  writePreference,
  type Language,
  type LanguagePreference,
} from './language.ts';

function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function preferredLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages;
}

/** One i18next instance for the whole renderer, set up on first import. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, de: { translation: de } },
  lng: resolveLanguage(readPreference(browserStorage()), preferredLanguages()),
  fallbackLng: LANGUAGES[0],
  supportedLngs: LANGUAGES,
  // The catalogues are bundled, so start synchronously: no flash of keys.
  initAsync: false,
  // React escapes what it renders; escaping here too would show &amp;.
  interpolation: { escapeValue: false },
  returnNull: false,
});

function reflectLanguage(lng: string): void {
  // Screen readers pick their voice from the document's lang.
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}
reflectLanguage(i18n.language);
i18n.on('languageChanged', reflectLanguage);

export function currentLanguage(): Language {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return (LANGUAGES as readonly string[]).includes(lng) ? (lng as Language) : LANGUAGES[0];
}

/** The language the OS/browser asks for, among those the UI ships in. */
export function systemLanguage(): Language {
  return languageFor(preferredLanguages());
}

export function languagePreference(): LanguagePreference {
  return readPreference(browserStorage());
}

/** Remembers the choice (or going back to the OS language) and switches the UI now. */
export async function setLanguagePreference(preference: LanguagePreference): Promise<void> {
  writePreference(browserStorage(), preference);
  await i18n.changeLanguage(resolveLanguage(preference, preferredLanguages()));
}

/** The translate function outside React (services, editor extensions). */
export const t = i18n.t.bind(i18n);

/** The translate function in components; re-renders when the language changes. */
export function useT() {
  return useTranslation(undefined, { i18n }).t;
}
