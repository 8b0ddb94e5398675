/**
 * The English catalogue: every string the UI shows. Keys are grouped by the
 * feature that shows them; plurals use i18next's _one/_other suffixes
 * (Intl.PluralRules), interpolation {{name}}.
 */
export const en = {
  app: {
    name: 'Commonplace',
    tagline: 'Team spaces and meeting notes, written together.',
    starting: 'Starting Commonplace…',
    noSuchNote: 'No such note',
    couldNotStart: 'Commonplace could not start',
    chooseSpace: 'Choose a space, or create one with “New space”.',
    loadingSpaces: 'Loading your spaces…',
    footer: '{{name}} {{version}} · {{platform}}',
  },
  ui: {
    notifications: 'Notifications',
    dismiss: 'Dismiss',
    close: 'Close',
    cancel: 'Cancel',
    moreActions: 'More actions',
  },
  signIn: {
    button: 'Sign in with your company account',
    busy: 'Signing in…',
  },
  account: {
    label: 'Account: {{name}}',
    signOut: 'Sign out',
    language: 'Language',
    languageSystem: 'System ({{language}})',
  },
  languages: {
    en: 'English',
    de: 'Deutsch',
  },
  presence: {
    label: 'People here',
    you: '{{name}} (you)',
    youSuffix: ' (you)',
    connecting: 'Connecting…',
    online: 'Online',
    offline: 'Offline',
    refused: 'Refused',
    connectionLabel: 'Connection to this note: {{state}}',
  },
  sync: {
    label: 'Sync status',
    online: 'All changes synced',
    offline: 'Offline',
    syncing: 'Syncing…',
    pendingNotes_one: '{{count}} note not yet synced',
    pendingNotes_other: '{{count}} notes not yet synced',
    changedOffline: 'Changed while you were offline',
    changedBy: '{{title}} by {{people}}',
    dismiss: 'Dismiss',
    refusedLabel: 'Changes the relay refused',
    refusedBefore: 'Your changes to ',
    refusedAfter: ' were not saved on the relay ({{reason}}). They are kept on this device.',
    exportMine: 'Export my changes as Markdown',
  },
} as const;

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** The shape every other language's catalogue must have: the same keys, all strings. */
export type Catalogue = Strings<typeof en>;
