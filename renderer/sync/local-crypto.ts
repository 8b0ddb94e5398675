/**
 * AES-256-GCM for what the renderer writes to IndexedDB, with WebCrypto
 * (browsers and Node alike). Every record is sealed on its own with a fresh
 * random 96-bit IV (NIST SP 800-38D §8.2.2: random IVs are safe for far more
 * records than one person writes under one key) and the database and record
 * name as additional data, so a record copied into another note's database,
 * or between the updates and the values of one, fails to open instead of
 * being applied there.
 *
 * Sealed layout: one format byte (1), the 12-byte IV, then the ciphertext with
 * its 16-byte tag.
 */

const FORMAT = 1;
const IV_BYTES = 12;
const HEADER = 1 + IV_BYTES;

/** What the host's key opens; the key never leaves WebCrypto (not extractable). */
export type LocalKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/** A stored record that does not open with this key: tampered with, or written under another key. */
export class LocalDataUnreadableError extends Error {
  override readonly name = 'LocalDataUnreadableError';
  readonly database: string;
  constructor(database: string) {
    super(
      `The local copy in ${database} cannot be decrypted with this device's key (it was changed or written under another key). It is left untouched and not used; the note is loaded from the relay instead.`,
    );
    this.database = database;
  }
}

const encoder = new TextEncoder();

function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Imports the host's key (base64 of 32 bytes) for AES-GCM, not extractable. */
export async function importLocalKey(base64: string): Promise<LocalKey> {
  const raw = bytesOfBase64(base64);
  if (raw.byteLength !== 32) throw new Error('the local data key must be 256 bits');
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/** Encrypts `plain` for the record named `label` (database and record). */
export async function seal(key: LocalKey, plain: Uint8Array, label: string): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(label) },
    key,
    plain as Uint8Array<ArrayBuffer>,
  );
  const out = new Uint8Array(HEADER + sealed.byteLength);
  out[0] = FORMAT;
  out.set(iv, 1);
  out.set(new Uint8Array(sealed), HEADER);
  return out;
}

/**
 * Decrypts a record sealed for `label`; throws LocalDataUnreadableError
 * (naming `database`) when it is not one, was altered, or needs another key.
 */
export async function unseal(
  key: LocalKey,
  sealed: unknown,
  label: string,
  database: string,
): Promise<Uint8Array> {
  if (!(sealed instanceof Uint8Array) || sealed.byteLength < HEADER + 16 || sealed[0] !== FORMAT) {
    throw new LocalDataUnreadableError(database);
  }
  try {
    const plain = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: sealed.subarray(1, HEADER) as Uint8Array<ArrayBuffer>,
        additionalData: encoder.encode(label),
      },
      key,
      sealed.subarray(HEADER) as Uint8Array<ArrayBuffer>,
    );
    return new Uint8Array(plain);
  } catch {
    throw new LocalDataUnreadableError(database);
  }
}
