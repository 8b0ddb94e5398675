import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { PrincipalSchema, type TokenPersistence } from '../../shared/auth.ts';
import type { SafeStorageLike } from './electron-deps.ts';

const StoredSessionSchema = z.object({
  accessToken: z.string().min(1),
  accessTokenExpiresAt: z.number().int().nonnegative(),
  refreshToken: z.string().min(1).optional(),
  idToken: z.string().min(1).optional(),
  profile: PrincipalSchema,
});
/** What the sign-in service keeps between runs. Lives in main only; never sent over IPC. */
export type StoredSession = z.infer<typeof StoredSessionSchema>;

export interface TokenStore {
  /** Whether the refresh token survives a restart, and if not, why (for the UI). */
  readonly persistence: TokenPersistence;
  load(): Promise<StoredSession | null>;
  save(session: StoredSession): Promise<void>;
  /** Removes the file; used on sign-out and when a stored session is unusable. */
  clear(): Promise<void>;
}

const FILE_NAME = 'session.enc';

const NO_ENCRYPTION =
  'This system offers no encryption for saved sign-ins, so Commonplace keeps yours in memory only: you will sign in again after restarting.';
const NO_KEYRING =
  'No system keyring (GNOME Keyring, KWallet) is available, so Commonplace keeps your sign-in in memory only: you will sign in again after restarting.';

/**
 * Decides whether tokens may be written to disk. On Linux, safeStorage falls
 * back to `basic_text` (a hard-coded password) without a keyring: that is a
 * plain file in disguise, and the handbook forbids tokens in plain files.
 */
export async function decidePersistence(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
): Promise<TokenPersistence> {
  if (!(await safeStorage.isAsyncEncryptionAvailable()))
    return { refreshTokenPersisted: false, reason: NO_ENCRYPTION };
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    // `unknown` is what Electron reports before app 'ready': not safe to assume.
    if (backend === 'basic_text' || backend === 'unknown') {
      return { refreshTokenPersisted: false, reason: NO_KEYRING };
    }
  }
  return { refreshTokenPersisted: true };
}

/**
 * The session file under `dir`, encrypted with Electron safeStorage, written
 * atomically with mode 0600. When persistence is refused, nothing is written
 * and any file from an earlier run is removed.
 */
export async function createTokenStore(options: {
  readonly dir: string;
  readonly safeStorage: SafeStorageLike;
  readonly platform?: NodeJS.Platform;
}): Promise<TokenStore> {
  const file = join(options.dir, FILE_NAME);
  const persistence = await decidePersistence(
    options.safeStorage,
    options.platform ?? process.platform,
  );

  const clear = async (): Promise<void> => {
    await rm(file, { force: true });
  };

  const save = async (session: StoredSession): Promise<void> => {
    if (!persistence.refreshTokenPersisted) {
      await clear();
      return;
    }
    await mkdir(options.dir, { recursive: true, mode: 0o700 });
    const tmp = `${file}.${String(process.pid)}.tmp`;
    const encrypted = await options.safeStorage.encryptStringAsync(JSON.stringify(session));
    await writeFile(tmp, encrypted, { mode: 0o600 });
    await rename(tmp, file);
  };

  return {
    persistence,
    clear,
    save,
    async load() {
      if (!persistence.refreshTokenPersisted) {
        await clear();
        return null;
      }
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      try {
        const { result, shouldReEncrypt } = await options.safeStorage.decryptStringAsync(bytes);
        const parsed = StoredSessionSchema.safeParse(JSON.parse(result));
        if (parsed.success) {
          // The OS key was rotated or upgraded: store under the new one.
          if (shouldReEncrypt) await save(parsed.data);
          return parsed.data;
        }
      } catch {
        // Undecryptable (keyring changed) or corrupt: fall through and discard.
      }
      await clear();
      return null;
    },
  };
}
