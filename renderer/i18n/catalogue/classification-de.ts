import type { Catalogue } from './en.ts';

/** Deutsch: Klassifizierung von Bereichen (Stufen, Banner, Admin-Reiter). */
export const classificationDe: Catalogue['classification'] = {
  title: 'Klassifizierung',
  label: 'Stufe',
  badgeTitle: 'Klassifizierung: {{name}}',
  noExport: 'kein Export',
  noCopy: 'kein Herauskopieren',
  noExternal: 'keine Freigabe außerhalb des Unternehmens',
  onlineOnly: 'nur online',
  onlineOnlyHint:
    'Dieser Bereich ist nur online verfügbar: Seine Notizen werden nicht auf diesem Gerät gespeichert, frühere Kopien werden entfernt.',
  copyBlocked: 'Die Klassifizierung dieses Bereichs erlaubt kein Herauskopieren von Text.',
  exportRefused: 'Die Klassifizierung dieses Bereichs erlaubt keinen Export.',
  couldNotSet: 'Die Stufe konnte nicht geändert werden: {{reason}}',
  builtin: {
    public: 'Öffentlich',
    internal: 'Intern',
    confidential: 'Vertraulich',
    restricted: 'Streng vertraulich',
  },
  colours: {
    green: 'Grün',
    blue: 'Blau',
    amber: 'Bernstein',
    red: 'Rot',
    purple: 'Violett',
    grey: 'Grau',
  },
  admin: {
    tab: 'Klassifizierung',
    spaceLabel: 'Stufe',
    spaceLabelOf: 'Stufe von {{name}}',
    spaceLabelSet: '{{name}} hat jetzt die Stufe {{label}}.',
    intro:
      'Die Stufen, die Eigentümer ihren Bereichen geben können, und was jede erlaubt. Das Relay setzt Export und Freigabe außerhalb des Unternehmens durch, die App das Herauskopieren und Offline-Kopien.',
    caption: 'Klassifizierungsstufen',
    name: 'Bezeichnung',
    nameOf: 'Bezeichnung der Stufe {{id}}',
    colour: 'Farbe',
    colourOf: 'Farbe von {{name}}',
    export: 'Exportieren',
    copyOut: 'Herauskopieren',
    external: 'Externe Freigabe',
    offline: 'Offline-Kopien',
    remove: 'Entfernen',
    removeNamed: '{{name}} entfernen',
    add: 'Stufe hinzufügen',
    newName: 'Neue Stufe',
    save: 'Stufen speichern',
    saved: 'Stufen gespeichert.',
  },
};
