export {
  i18n,
  t,
  useT,
  currentLanguage,
  systemLanguage,
  languagePreference,
  setLanguagePreference,
} from './i18n.ts';
export { LANGUAGES, type Language, type LanguagePreference } from './language.ts';
export { formatDate, formatDay, formatNumber, formatRelative, parseDay } from './format.ts';
export { DayTime, RelativeTime, useFormat } from './Time.tsx';
