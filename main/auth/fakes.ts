import type { AccessTokenResult, SessionState } from '../../shared/auth.ts';
import type { LinuxStorageBackend, OpenExternal, SafeStorageLike } from './electron-deps.ts';
import type { SignInService } from './sign-in-service.ts';

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

/**
 * A fake sign-in service for IPC tests: answers from a settable state and
 * records calls. Its `refreshToken` is a secret that must never appear in
 * anything the IPC layer returns or sends.
 */
export class FakeSignInService implements SignInService {
  readonly refreshToken = 'fake-refresh-token-never-over-ipc';
  state: SessionState = { status: 'signed-out', persistence: { refreshTokenPersisted: true } };
  readonly calls: string[] = [];
  readonly listeners = new Set<(state: SessionState) => void>();
  getState(): SessionState {
    return this.state;
  }
  onStateChange(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  /** Changes the state and notifies listeners, like the real service. */
  setState(next: SessionState): SessionState {
    this.state = next;
    for (const listener of this.listeners) listener(next);
    return next;
  }
  restore(): Promise<SessionState> {
    this.calls.push('restore');
    return Promise.resolve(this.state);
  }
  signIn(): Promise<SessionState> {
    this.calls.push('signIn');
    return Promise.resolve(
      this.setState({
        status: 'signed-in',
        profile: { sub: 'emp-1001', name: 'Ada Lovelace' },
        accessTokenExpiresAt: 1_900_000_000_000,
        persistence: this.state.persistence,
        // Smuggled on purpose: the contract must strip it (see the IPC tests).
        ...({ refreshToken: this.refreshToken } as object),
      }),
    );
  }
  signOut(): Promise<SessionState> {
    this.calls.push('signOut');
    return Promise.resolve(
      this.setState({ status: 'signed-out', persistence: this.state.persistence }),
    );
  }
  getAccessToken(options?: { readonly forceRefresh?: boolean }): Promise<AccessTokenResult | null> {
    this.calls.push(options?.forceRefresh === true ? 'getAccessToken(force)' : 'getAccessToken');
    if (this.state.status !== 'signed-in') return Promise.resolve(null);
    return Promise.resolve({
      accessToken: 'header.payload.signature',
      expiresAt: 1_900_000_000_000,
      ...({ refreshToken: this.refreshToken } as object),
    });
  }
  refresh(): Promise<SessionState> {
    this.calls.push('refresh');
    return Promise.resolve(this.state);
  }
  dispose(): void {
    this.listeners.clear();
  }
}
