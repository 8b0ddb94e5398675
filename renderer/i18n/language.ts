/** The languages the UI ships in; the first is the fallback. */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What the person chose: a language, or follow the OS/browser. */
export type LanguagePreference = Language | 'system';

const STORAGE_KEY = 'commonplace.language';

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first of the person's preferred languages (navigator.languages, which
 * Electron fills from the OS) that the UI ships in, matched on the primary
 * subtag so that de-AT finds de; English when none matches.
 */
export function languageFor(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguage(primary)) return primary;
  }
  return LANGUAGES[0];
}

/** The stored override, or 'system' when there is none (or it is unreadable). */
export function readPreference(storage: Pick<Storage, 'getItem'> | undefined): LanguagePreference {
  try {
    const stored = storage?.getItem(STORAGE_KEY) ?? null;
    return stored !== null && isLanguage(stored) ? stored : 'system';
  } catch {
    // Storage can be blocked (privacy settings); the OS language still works.
    return 'system';
  }
}

export function writePreference(
  storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined,
  preference: LanguagePreference,
): void {
  try {
    if (preference === 'system') storage?.removeItem(STORAGE_KEY);
    else storage?.setItem(STORAGE_KEY, preference);
  } catch {
    // Not remembered across restarts, but applied for this session.
  }
}

/** The language a preference resolves to on this machine. */
export function resolveLanguage(
  preference: LanguagePreference,
  preferred: readonly string[],
): Language {
  return preference === 'system' ? languageFor(preferred) : preference;
}
