import type { localDataEn } from './local-data-en.ts';

/** German strings on how this device keeps the person's data (same keys as local-data-en.ts). */
export const localDataDe: typeof localDataEn = {
  plainNoKeyring:
    'Dieses System hat keinen Schlüsselspeicher (etwa GNOME Keyring oder KWallet). Ihre Organisation erlaubt das Speichern ohne Verschlüsselung, daher liegen Ihre Notizen, der Suchindex, noch nicht gesendete Änderungen und noch nicht hochgeladene Bilder unverschlüsselt auf diesem Gerät.',
  plainNoEncryption:
    'Dieses System bietet keine Verschlüsselung für gespeicherte Daten. Ihre Organisation erlaubt das Speichern ohne Verschlüsselung, daher liegen Ihre Notizen, der Suchindex, noch nicht gesendete Änderungen und noch nicht hochgeladene Bilder unverschlüsselt auf diesem Gerät.',
  heading: 'Auf diesem Gerät gespeicherte Notizen',
  encrypted: 'Verschlüsselt',
  unencrypted: 'Nicht verschlüsselt',
  notStored: 'Nicht auf diesem Gerät gespeichert',
  policyRequired: 'Ihre Organisation verlangt Verschlüsselung.',
  policyPreferred:
    'Ihre Organisation bevorzugt Verschlüsselung und erlaubt das Speichern ohne sie, wo das System keinen Schlüsselspeicher hat.',
  preferredUnencrypted:
    'Dieses System hat keinen Schlüsselspeicher, daher werden Ihre Daten auf diesem Gerät unverschlüsselt gespeichert.',
};
