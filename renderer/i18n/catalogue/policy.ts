/**
 * The acceptable-use policy's strings in English and German, kept beside the
 * two catalogues (which include them under `policy` and `admin.policies`)
 * so that those long files do not grow further.
 */

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const policyEn = {
  title: 'Acceptable-use policy',
  intro: 'Please read the company’s acceptable-use policy. You can edit once you have accepted it.',
  versionOf: 'Published {{date}} as version {{version}}',
  textLabel: 'Policy text',
  accept: 'Accept',
  accepting: 'Accepting…',
  signOut: 'Sign out',
  changed: 'A newer version was published meanwhile: please read it and accept again.',
  readOnly: 'Editing is paused until you accept the acceptable-use policy. You can still read.',
  bannerTitle: 'Accept the acceptable-use policy to edit',
  bannerBody: 'You can read your notes; changes are possible once you have accepted the policy.',
  read: 'Read and accept',
};

export const policyAdminEn = {
  none: 'No acceptable-use policy is published: nobody is asked to accept anything.',
  current: 'Current policy: version {{version}}, published {{date}} by {{by}}.',
  accepted_one: '{{count}} person has accepted version {{version}}.',
  accepted_other: '{{count}} people have accepted version {{version}}.',
  text: 'Policy text (Markdown)',
  hint: 'Publishing a new version asks everyone to accept it again before they can edit.',
  publish: 'Publish as version {{version}}',
  published: 'Published as version {{version}}.',
  acceptancesCaption: 'Who accepted the current version',
  acceptedAt: 'Accepted',
  historyCaption: 'All versions, newest first',
  version: 'Version number',
  publishedAt: 'Published',
  publishedBy: 'By',
  showText: 'Show text',
};

export const policyDe: Strings<typeof policyEn> = {
  title: 'Nutzungsrichtlinie',
  intro:
    'Bitte lesen Sie die Nutzungsrichtlinie des Unternehmens. Sobald Sie sie angenommen haben, können Sie bearbeiten.',
  versionOf: 'Am {{date}} als Fassung {{version}} veröffentlicht',
  textLabel: 'Text der Richtlinie',
  accept: 'Annehmen',
  accepting: 'Wird angenommen…',
  signOut: 'Abmelden',
  changed:
    'Inzwischen wurde eine neuere Fassung veröffentlicht: Bitte lesen Sie sie und nehmen Sie sie erneut an.',
  readOnly:
    'Bearbeiten ist pausiert, bis Sie die Nutzungsrichtlinie annehmen. Lesen können Sie weiterhin.',
  bannerTitle: 'Nehmen Sie die Nutzungsrichtlinie an, um zu bearbeiten',
  bannerBody:
    'Sie können Ihre Notizen lesen; Änderungen sind möglich, sobald Sie die Richtlinie angenommen haben.',
  read: 'Lesen und annehmen',
};

export const policyAdminDe: Strings<typeof policyAdminEn> = {
  none: 'Es ist keine Nutzungsrichtlinie veröffentlicht: Niemand muss etwas annehmen.',
  current: 'Aktuelle Richtlinie: Fassung {{version}}, veröffentlicht am {{date}} von {{by}}.',
  accepted_one: '{{count}} Person hat Fassung {{version}} angenommen.',
  accepted_other: '{{count}} Personen haben Fassung {{version}} angenommen.',
  text: 'Text der Richtlinie (Markdown)',
  hint: 'Eine neue Fassung müssen alle erneut annehmen, bevor sie wieder bearbeiten können.',
  publish: 'Als Fassung {{version}} veröffentlichen',
  published: 'Als Fassung {{version}} veröffentlicht.',
  acceptancesCaption: 'Wer die aktuelle Fassung angenommen hat',
  acceptedAt: 'Angenommen',
  historyCaption: 'Alle Fassungen, neueste zuerst',
  version: 'Fassung',
  publishedAt: 'Veröffentlicht',
  publishedBy: 'Von',
  showText: 'Text anzeigen',
};
