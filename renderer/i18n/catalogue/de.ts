import type { Catalogue } from './en.ts';

/** Deutsch: the same keys as the English catalogue (the type and a test check it). */
export const de: Catalogue = {
  app: {
    name: 'Commonplace',
    tagline: 'Team-Bereiche und Besprechungsnotizen, gemeinsam geschrieben.',
    starting: 'Commonplace wird gestartet…',
    noSuchNote: 'Diese Notiz gibt es nicht',
    couldNotStart: 'Commonplace konnte nicht starten',
    chooseSpace: 'Wählen Sie einen Bereich oder legen Sie mit „Neuer Bereich“ einen an.',
    loadingSpaces: 'Ihre Bereiche werden geladen…',
    footer: '{{name}} {{version}} · {{platform}}',
  },
  ui: {
    notifications: 'Benachrichtigungen',
    dismiss: 'Schließen',
    close: 'Schließen',
    cancel: 'Abbrechen',
    moreActions: 'Weitere Aktionen',
  },
  signIn: {
    button: 'Mit dem Firmenkonto anmelden',
    busy: 'Anmeldung läuft…',
  },
  account: {
    label: 'Konto: {{name}}',
    signOut: 'Abmelden',
    language: 'Sprache',
    languageSystem: 'Systemsprache ({{language}})',
  },
  languages: {
    en: 'English',
    de: 'Deutsch',
  },
  presence: {
    label: 'Anwesende',
    you: '{{name}} (Sie)',
    youSuffix: ' (Sie)',
    connecting: 'Verbinde…',
    online: 'Online',
    offline: 'Offline',
    refused: 'Abgelehnt',
    connectionLabel: 'Verbindung zu dieser Notiz: {{state}}',
  },
  sync: {
    label: 'Synchronisierung',
    online: 'Alles synchronisiert',
    offline: 'Offline',
    syncing: 'Synchronisiere…',
    pendingNotes_one: '{{count}} Notiz noch nicht synchronisiert',
    pendingNotes_other: '{{count}} Notizen noch nicht synchronisiert',
    changedOffline: 'Geändert, während Sie offline waren',
    changedBy: '{{title}} von {{people}}',
    dismiss: 'Schließen',
    refusedLabel: 'Vom Relay abgelehnte Änderungen',
    refusedBefore: 'Ihre Änderungen an ',
    refusedAfter:
      ' wurden nicht auf dem Relay gespeichert ({{reason}}). Sie bleiben auf diesem Gerät erhalten.',
    exportMine: 'Meine Änderungen als Markdown exportieren',
  },
};
