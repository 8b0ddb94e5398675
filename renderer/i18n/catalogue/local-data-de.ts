import type { localDataEn } from './local-data-en.ts';

/** German strings on how this device keeps the person's data (same keys as local-data-en.ts). */
export const localDataDe: typeof localDataEn = {
  plainNoKeyring:
    'Dieses System hat keinen Schlüsselspeicher (etwa GNOME Keyring oder KWallet). Ihre Organisation erlaubt das Speichern ohne Verschlüsselung, daher liegen Ihre Notizen, der Suchindex, noch nicht gesendete Änderungen und noch nicht hochgeladene Bilder unverschlüsselt auf diesem Gerät.',
  plainNoEncryption:
    'Dieses System bietet keine Verschlüsselung für gespeicherte Daten. Ihre Organisation erlaubt das Speichern ohne Verschlüsselung, daher liegen Ihre Notizen, der Suchindex, noch nicht gesendete Änderungen und noch nicht hochgeladene Bilder unverschlüsselt auf diesem Gerät.',
};
