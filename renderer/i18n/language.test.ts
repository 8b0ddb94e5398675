import { describe, expect, it } from 'vitest';
import { languageFor, readPreference, resolveLanguage, writePreference } from './language.ts';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('UI language', () => {
  it('follows the first OS/browser language the UI ships in, by primary subtag', () => {
    expect(languageFor(['de-AT', 'en-US'])).toBe('de');
    expect(languageFor(['fr-FR', 'de-DE'])).toBe('de');
    expect(languageFor(['fr-FR', 'ja'])).toBe('en');
    expect(languageFor([])).toBe('en');
  });

  it('a chosen language overrides the OS one and is remembered; "system" forgets it', () => {
    const storage = memoryStorage();
    expect(readPreference(storage)).toBe('system');
    writePreference(storage, 'de');
    expect(readPreference(storage)).toBe('de');
    expect(resolveLanguage(readPreference(storage), ['en-GB'])).toBe('de');
    writePreference(storage, 'system');
    expect(readPreference(storage)).toBe('system');
    expect(resolveLanguage(readPreference(storage), ['en-GB'])).toBe('en');
  });

  it('ignores a stored value it does not know and storage that throws', () => {
    const storage = memoryStorage();
    storage.setItem('commonplace.language', 'xx');
    expect(readPreference(storage)).toBe('system');
    const blocked = {
      getItem: () => {
        throw new Error('blocked');
      },
    };
    expect(readPreference(blocked)).toBe('system');
  });
});
