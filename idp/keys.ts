import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

/** Signing algorithms the dev IdP can use for ID and access tokens. */
export type SigningAlg = 'ES256' | 'RS256';

/** Private signing keys (JWK) and cookie-signing secrets of the dev IdP. */
export interface IdpSecrets {
  readonly jwks: { keys: JWK[] };
  readonly cookieKeys: string[];
}

const SECRETS_FILE = 'dev-idp-secrets.json';

/** Generates a fresh private signing key with `kid`, `alg` and `use` set. */
export async function generateSigningKey(alg: SigningAlg): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, alg, use: 'sig', kid: await calculateJwkThumbprint(jwk) };
}

async function generateSecrets(alg: SigningAlg): Promise<IdpSecrets> {
  return {
    jwks: { keys: [await generateSigningKey(alg)] },
    cookieKeys: [randomBytes(32).toString('base64url')],
  };
}

function isSecrets(value: unknown, alg: SigningAlg): value is IdpSecrets {
  if (typeof value !== 'object' || value === null) return false;
  const { jwks, cookieKeys } = value as Partial<IdpSecrets>;
  return (
    Array.isArray(jwks?.keys) &&
    jwks.keys.some((k) => k.alg === alg && typeof k.d === 'string') &&
    Array.isArray(cookieKeys) &&
    cookieKeys.length > 0 &&
    cookieKeys.every((k) => typeof k === 'string')
  );
}

/**
 * Keys generated at start, or loaded from (and saved to) `dataDir` so that
 * tokens issued before a restart still verify after it. The file is written
 * with mode 0600: it holds private keys. A file that does not parse, or has
 * no key for `alg`, is replaced rather than trusted.
 */
export async function loadOrCreateSecrets(alg: SigningAlg, dataDir?: string): Promise<IdpSecrets> {
  if (dataDir === undefined) return generateSecrets(alg);
  const file = join(dataDir, SECRETS_FILE);
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (isSecrets(parsed, alg)) return parsed;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) {
      throw error;
    }
  }
  const secrets = await generateSecrets(alg);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(secrets), { mode: 0o600 });
  await rename(tmp, file);
  return secrets;
}
