import type { notificationsEn } from './notifications-en.ts';

/** Deutsch: Benachrichtigungen des Relays (Neuigkeiten im Posteingang, Einstellungen). */
export const notificationsDe: typeof notificationsEn = {
  updates: 'Neuigkeiten',
  updatesList: 'Neuigkeiten',
  noUpdates:
    'Keine Neuigkeiten: Zuweisungen, Fälligkeiten, Antworten und Einladungen erscheinen hier.',
  loadFailed:
    'Die Neuigkeiten konnten nicht geladen werden; sie erscheinen, sobald das Relay erreichbar ist.',
  assigned: '{{name}} hat Ihnen eine Aufgabe zugewiesen',
  due: 'Eine Ihrer Aufgaben ist morgen fällig',
  overdue: 'Eine Ihrer Aufgaben ist überfällig',
  reply: '{{name}} hat in einer Diskussion geantwortet, an der Sie teilnehmen',
  added: '{{name}} hat Sie zu {{space}} hinzugefügt',
  someone: 'Jemand',
  muted: 'Stumm',
  markRead: 'Als gelesen markieren',
  markReadOf: 'Als gelesen markieren: {{what}}',
  muteNote: 'Diese Notiz stummschalten',
  muteNoteOf: 'Die Notiz {{title}} stummschalten',
  settings: 'Benachrichtigungseinstellungen',
  dnd: 'Nicht stören',
  dndHint:
    'In diesen Stunden erscheinen keine Benachrichtigungen; im Posteingang kommt trotzdem alles an.',
  dndFrom: 'Von',
  dndTo: 'Bis',
  mutedSpaces: 'Stummgeschaltete Bereiche',
  mutedSpacesHint:
    'Stummgeschaltete Bereiche und Notizen benachrichtigen Sie nie; ihre Neuigkeiten stehen nur hier.',
  muteSpace: '{{space}} stummschalten',
  mutedNotes: 'Stummgeschaltete Notizen',
  noMutedNotes: 'Keine Notiz ist stummgeschaltet.',
  unmuteNote: 'Stummschaltung von {{title}} aufheben',
  saveFailed: 'Die Benachrichtigungseinstellungen konnten nicht gespeichert werden: {{message}}',
  kindFilter: 'Nach Art filtern',
  kinds: {
    all: 'Alle',
    mentions: 'Erwähnungen',
    assigned: 'Zugewiesen',
    due: 'Fällig',
    replies: 'Antworten',
    added: 'Zu einem Bereich hinzugefügt',
  },
};
