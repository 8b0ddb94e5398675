import type { LinuxStorageBackend, OpenExternal, SafeStorageLike } from './electron-deps.ts';

/**
 * Test fakes for the Electron pieces (no Electron binary on this machine).
 * FakeSafeStorage "encrypts" by XOR with a key and a marker, enough to prove
 * the file is not plain text and that decryption is what reads it back.
 */
export class FakeSafeStorage implements SafeStorageLike {
  available: boolean;
  backend: LinuxStorageBackend;
  constructor(options: { available?: boolean; backend?: LinuxStorageBackend } = {}) {
    this.available = options.available ?? true;
    this.backend = options.backend ?? 'gnome_libsecret';
  }
  isAsyncEncryptionAvailable(): Promise<boolean> {
    return Promise.resolve(this.available);
  }
  getSelectedStorageBackend(): LinuxStorageBackend {
    return this.backend;
  }
  encryptStringAsync(plainText: string): Promise<Buffer> {
    const bytes = Buffer.from(plainText, 'utf8').map((b) => b ^ 0x5a);
    return Promise.resolve(Buffer.concat([Buffer.from('FAKE1'), bytes]));
  }
  async decryptStringAsync(
    encrypted: Buffer,
  ): Promise<{ shouldReEncrypt: boolean; result: string }> {
    await Promise.resolve();
    if (!encrypted.subarray(0, 5).equals(Buffer.from('FAKE1'))) throw new Error('not ours');
    const result = Buffer.from(encrypted.subarray(5).map((b) => b ^ 0x5a)).toString('utf8');
    return { shouldReEncrypt: false, result };
  }
}

/** Fake `shell.openExternal`: records URLs and hands each to `onOpen` (the test's "browser"). */
export class FakeShell {
  readonly opened: string[] = [];
  onOpen: (url: string) => void = () => undefined;
  readonly openExternal: OpenExternal = (url) => {
    this.opened.push(url);
    this.onOpen(url);
    return Promise.resolve();
  };
}
