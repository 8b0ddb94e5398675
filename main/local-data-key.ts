import { createHash, randomBytes as nodeRandomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import type { LocalDataProtection } from '../shared/host.ts';
import type { SafeStorageLike } from './auth/electron-deps.ts';
import { decidePersistence } from './auth/token-store.ts';

/**
 * The keys that encrypt each person's notes, search index and outbox in the
 * renderer's IndexedDB. One random 256-bit key per person, kept in
 * `<dir>/<sha256(sub)>.key`, itself encrypted with Electron `safeStorage`
 * (the macOS keychain, Windows DPAPI, the Linux secret service). The page
 * holds the key only while it runs; on disk it is useless without the OS
 * account's key store.
 *
 * Where safeStorage cannot protect the key (no encryption; Linux with the
 * hard-coded `basic_text` backend), the answer is `refused`: storing the key
 * beside the data would be encryption in name only, so the renderer keeps
 * notes in memory and says why. An administrator who prefers offline notes to
 * that guarantee sets `localDataEncryption: preferred` (shared/policy.ts):
 * the answer is then `plain` with the reason as `fallback`, and no key is
 * written either (a key beside the data would only pretend to protect it).
 */
export interface LocalDataKeyService {
  /** The person's key, created and stored on first use; or why there is none. */
  get(owner: string): Promise<LocalDataProtection>;
  /** Erases every person's key (the wipe of this machine's copy). */
  eraseAll(): Promise<void>;
}

/** The file-system calls the service makes: node:fs/promises in the app, a fake or a temp dir in tests. */
export type KeyFs = Pick<typeof nodeFs, 'mkdir' | 'readFile' | 'writeFile' | 'rename' | 'rm'>;

export interface LocalDataKeyOptions {
  /** `<userData>/local-keys`. */
  readonly dir: string;
  readonly safeStorage: SafeStorageLike;
  readonly platform?: NodeJS.Platform;
  readonly fs?: KeyFs;
  readonly randomBytes?: (size: number) => Buffer;
  readonly log?: (message: string) => void;
  /** The administrator's `localDataEncryption`, read at each request; `required` without. */
  readonly encryption?: () => 'required' | 'preferred';
}

const KEY_BYTES = 32;

/** The file of `owner`: hashed, so no `sub` can name a path, and the folder lists no identities. */
export function keyFileName(owner: string): string {
  return `${createHash('sha256').update(owner, 'utf8').digest('hex')}.key`;
}

export function createLocalDataKeyService(options: LocalDataKeyOptions): LocalDataKeyService {
  const fs = options.fs ?? nodeFs;
  const random = options.randomBytes ?? nodeRandomBytes;
  const log = options.log ?? (() => undefined);
  const platform = options.platform ?? process.platform;
  // Two windows asking at once for a new person must not create two keys.
  const inFlight = new Map<string, Promise<LocalDataProtection>>();

  const create = async (file: string): Promise<string> => {
    const key = random(KEY_BYTES).toString('base64');
    await fs.mkdir(options.dir, { recursive: true, mode: 0o700 });
    const tmp = `${file}.${String(process.pid)}.tmp`;
    await fs.writeFile(tmp, await options.safeStorage.encryptStringAsync(key), { mode: 0o600 });
    await fs.rename(tmp, file);
    return key;
  };

  const read = async (file: string): Promise<string | null> => {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      const { result, shouldReEncrypt } = await options.safeStorage.decryptStringAsync(bytes);
      if (Buffer.from(result, 'base64').length !== KEY_BYTES) throw new Error('not a key');
      if (shouldReEncrypt) {
        // The OS key was rotated: store under the new one, same content key.
        await fs.writeFile(file, await options.safeStorage.encryptStringAsync(result), {
          mode: 0o600,
        });
      }
      return result;
    } catch {
      // The keyring changed (a new OS account, a reset keychain): the old key
      // is gone for good. A new one lets the app store again; databases
      // written under the old key refuse to open and the notes come back from
      // the relay (renderer/sync/encrypted-persistence.ts).
      log('local data key: the stored key cannot be decrypted; a new one replaces it');
      return null;
    }
  };

  const get = async (owner: string): Promise<LocalDataProtection> => {
    const persistence = await decidePersistence(options.safeStorage, platform);
    if (!persistence.refreshTokenPersisted) {
      const linux =
        platform === 'linux' && (await options.safeStorage.isAsyncEncryptionAvailable());
      const reason = linux ? 'no-keyring' : 'no-encryption';
      if (options.encryption?.() === 'preferred') {
        log(`local data key: no key store (${reason}); policy prefers plain storage`);
        return { status: 'plain', fallback: reason };
      }
      return { status: 'refused', reason };
    }
    const file = join(options.dir, keyFileName(owner));
    const key = (await read(file)) ?? (await create(file));
    return { status: 'encrypted', key };
  };

  return {
    get(owner) {
      const running = inFlight.get(owner);
      if (running) return running;
      const next = get(owner).finally(() => inFlight.delete(owner));
      inFlight.set(owner, next);
      return next;
    },
    async eraseAll() {
      await fs.rm(options.dir, { recursive: true, force: true });
    },
  };
}
