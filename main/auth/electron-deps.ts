import type { SafeStorage, Shell } from 'electron';

/**
 * The Electron pieces the sign-in service uses, passed in rather than
 * imported, so the service runs under plain Node in tests (handbook §3) while
 * staying type-checked against electron.d.ts. In the app, pass `safeStorage`
 * and `shell.openExternal` from 'electron'. The async safeStorage API is the
 * one Electron 45 keeps; the synchronous calls are deprecated.
 */
export type SafeStorageLike = Pick<
  SafeStorage,
  | 'isAsyncEncryptionAvailable'
  | 'encryptStringAsync'
  | 'decryptStringAsync'
  | 'getSelectedStorageBackend'
>;

export type OpenExternal = Shell['openExternal'];

/** Linux safeStorage backends; `basic_text` is a hard-coded key, i.e. no real protection. */
export type LinuxStorageBackend = ReturnType<SafeStorage['getSelectedStorageBackend']>;
