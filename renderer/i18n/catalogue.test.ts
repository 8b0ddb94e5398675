import { describe, expect, it } from 'vitest';
import { de } from './catalogue/de.ts';
import { en } from './catalogue/en.ts';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/**
 * Strings that are the same in German on purpose: names, words German uses
 * as they are, and patterns without words.
 */
const SAME_IN_GERMAN = new Set([
  'app.name',
  'app.footer',
  'languages.en',
  'languages.de',
  'presence.online',
  'presence.offline',
  'sync.offline',
  'spaceSettings.name',
  'spaceSettings.export',
  'images.megabytes',
  'blocks.text.title',
  'tokens.name',
  // "Token" is the word German technical writing uses too.
  'tokens.secret',
  // "Webhook" is the word German technical writing uses too.
  'admin.tabs.webhooks',
  'admin.webhooks.caption',
]);

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

describe('the German catalogue', () => {
  const english = flatten(en);
  const german = flatten(de);

  it('has exactly the English keys', () => {
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('leaves no English string untranslated', () => {
    const same = [...english].filter(
      ([key, value]) => german.get(key) === value && !SAME_IN_GERMAN.has(key),
    );
    expect(same.map(([key]) => key)).toEqual([]);
  });

  it('uses the same placeholders as the English strings', () => {
    for (const [key, value] of english) {
      const names = (s: string) => [...s.matchAll(PLACEHOLDER)].map((m) => m[1]).sort();
      expect(names(german.get(key) ?? ''), key).toEqual(names(value));
    }
  });
});
