import type { Catalogue } from './en.ts';

/** Deutsch: offene Bereiche (Ansicht „Bereiche durchsuchen“, Sichtbarkeit, Verlassen). */
export const openSpacesDe: Catalogue['openSpaces'] = {
  browse: 'Bereiche durchsuchen',
  title: 'Bereiche durchsuchen',
  intro:
    'Bereiche, die für alle im Unternehmen offen sind. Treten Sie einem bei, damit er in Ihrer Seitenleiste erscheint; die Rolle haben seine Eigentümer festgelegt.',
  search: 'Offene Bereiche durchsuchen',
  searchPlaceholder: 'Nach Name oder Beschreibung suchen',
  list: 'Offene Bereiche',
  loading: 'Offene Bereiche werden geladen…',
  couldNotLoad: 'Die offenen Bereiche konnten nicht geladen werden: {{reason}}',
  retry: 'Erneut versuchen',
  none: 'Noch ist kein Bereich für das Unternehmen offen. Eigentümer öffnen einen Bereich in seinen Einstellungen.',
  noMatch: 'Kein offener Bereich passt zu „{{query}}“.',
  members_one: '{{count}} Mitglied',
  members_other: '{{count}} Mitglieder',
  ownedBy: 'Eigentümer: {{names}}',
  lastEdited: 'Zuletzt bearbeitet {{when}}',
  notEdited: 'Noch keine Änderungen',
  joinAs: 'Beitritt als {{role}}',
  join: 'Beitreten',
  joinNamed: '{{name}} beitreten',
  joining: 'Tritt bei…',
  open: 'Öffnen',
  openNamed: '{{name}} öffnen',
  youAre: 'Sie sind {{role}}',
  joined: 'Sie sind {{name}} als {{role}} beigetreten.',
  couldNotJoin: 'Beitritt zu {{name}} nicht möglich: {{reason}}',
  roles: { owner: 'Eigentümer', editor: 'Bearbeiter', viewer: 'Betrachter' },
  visibility: {
    title: 'Wer diesen Bereich finden kann',
    private: 'Privat',
    privateHint:
      'Nur Mitglieder finden und öffnen ihn. Eigentümer laden Personen unter „Mitglieder“ ein.',
    open: 'Offen für alle im Unternehmen',
    openHint:
      'Alle im Unternehmen finden ihn unter „Bereiche durchsuchen“, können seine Notizen lesen und ihm beitreten. Personen außerhalb des Unternehmens nicht.',
    joinRole: 'Wer beitritt, wird',
    joinRoleHint: 'Rollen können Sie später unter „Mitglieder“ ändern.',
    editor: 'Bearbeiter (dürfen schreiben)',
    viewer: 'Betrachter (dürfen nur lesen)',
    saving: 'Wird gespeichert…',
    saved: 'Gespeichert.',
    couldNotSave: 'Die Sichtbarkeit konnte nicht geändert werden: {{reason}}',
    couldNotLoad: 'Die Sichtbarkeit konnte nicht geladen werden: {{reason}}',
    classified:
      'Die Klassifizierung dieses Bereichs hält ihn privat: Nur Mitglieder finden ihn. Ändern Sie zuerst die Stufe, um ihn zu öffnen.',
    isPrivate: 'Dieser Bereich ist privat: Nur seine Mitglieder finden ihn.',
    isOpen_editor:
      'Dieser Bereich ist offen: Alle im Unternehmen finden ihn und können ihm als Bearbeiter beitreten.',
    isOpen_viewer:
      'Dieser Bereich ist offen: Alle im Unternehmen finden ihn und können ihm als Betrachter beitreten.',
  },
  menu: 'Weitere Aktionen für {{name}}',
  leave: {
    item: 'Bereich verlassen',
    title: '{{name}} verlassen?',
    confirm:
      'Er verschwindet aus Ihrer Seitenleiste, und Sie können seine Notizen nicht mehr öffnen, bis jemand Sie wieder einlädt.',
    confirmOpen:
      'Er verschwindet aus Ihrer Seitenleiste. Der Bereich ist für das Unternehmen offen, Sie können ihm unter „Bereiche durchsuchen“ wieder beitreten.',
    lastOwner:
      'Sie sind der einzige Eigentümer von {{name}}, und ein Bereich braucht einen Eigentümer. Machen Sie zuerst jemand anderen unter „Mitglieder“ zum Eigentümer, oder löschen Sie den Bereich in seinen Einstellungen.',
    checking: 'Es wird geprüft, wer diesen Bereich noch besitzt…',
    leave: 'Verlassen',
    leaving: 'Wird verlassen…',
    stay: 'Bleiben',
    left: 'Sie haben {{name}} verlassen.',
    couldNotLeave: '{{name}} konnte nicht verlassen werden: {{reason}}',
  },
};
