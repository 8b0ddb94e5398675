/** English strings on how this device keeps the person's data, beyond the account menu's basic ones. */
export const localDataEn = {
  plainNoKeyring:
    'This system has no key store (such as GNOME Keyring or KWallet). Your organisation allows storing without encryption, so your notes, search index, unsent changes and images waiting to upload are kept on this device as plain data.',
  plainNoEncryption:
    'This system offers no encryption for stored data. Your organisation allows storing without encryption, so your notes, search index, unsent changes and images waiting to upload are kept on this device as plain data.',
  heading: 'Notes stored on this device',
  encrypted: 'Encrypted',
  unencrypted: 'Not encrypted',
  notStored: 'Not stored on this device',
  policyRequired: 'Your organisation requires encryption.',
  policyPreferred:
    'Your organisation prefers encryption and allows storing without it where the system has no key store.',
  preferredUnencrypted:
    'This system has no key store, so your data on this device is stored unencrypted.',
};
