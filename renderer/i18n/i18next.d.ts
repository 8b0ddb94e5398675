import type { en } from './catalogue/en.ts';

// Typed keys: a misspelt or missing key is a type error, not a raw key on screen.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
