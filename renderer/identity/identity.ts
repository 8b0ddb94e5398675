import { z } from 'zod';

/**
 * Who the person at this client is, as shown to others. Until sign-in lands
 * (issue 3) this is a generated name kept in localStorage; the rest of the
 * renderer only sees `Identity` and `loadIdentity`, so the source can change.
 */
export interface Identity {
  readonly id: string;
  readonly name: string;
  /** `#rrggbb`, one of `IDENTITY_COLORS`. */
  readonly color: string;
}

/**
 * Colours for people. A fixed palette, so that styles for remote selections
 * can be CSS classes (no inline style attributes under a strict CSP).
 */
export const IDENTITY_COLORS = [
  '#e5484d',
  '#f76b15',
  '#ffb224',
  '#30a46c',
  '#12a594',
  '#0090ff',
  '#6e56cf',
  '#d6409f',
] as const;

const ADJECTIVES = [
  'Amber',
  'Brisk',
  'Calm',
  'Clever',
  'Daring',
  'Eager',
  'Gentle',
  'Jolly',
  'Keen',
  'Lively',
  'Lucky',
  'Merry',
  'Nimble',
  'Quiet',
  'Sunny',
  'Swift',
] as const;
const ANIMALS = [
  'Badger',
  'Crane',
  'Dolphin',
  'Falcon',
  'Fox',
  'Heron',
  'Koala',
  'Lynx',
  'Otter',
  'Owl',
  'Panda',
  'Puffin',
  'Robin',
  'Seal',
  'Tiger',
  'Wren',
] as const;

export const IdentitySchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  name: z.string().trim().min(1).max(64),
  color: z.enum(IDENTITY_COLORS),
});

export const IDENTITY_STORAGE_KEY = 'commonplace.identity.v1';

/** A uniformly random element, using the platform CSPRNG. */
function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length) % items.length];
  if (item === undefined) throw new Error('pick: empty list');
  return item;
}

function cryptoRandom(): number {
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return (buf[0] ?? 0) / 2 ** 32;
}

export function generateIdentity(random: () => number = cryptoRandom): Identity {
  return {
    id: crypto.randomUUID().replaceAll('-', ''),
    name: `${pick(ADJECTIVES, random)} ${pick(ANIMALS, random)}`,
    color: pick(IDENTITY_COLORS, random),
  };
}

/**
 * Returns the identity stored in `storage`, or generates and stores a new one
 * when there is none or the stored value does not validate. Storage failures
 * (private mode, quota) fall back to a per-session identity.
 */
export function loadIdentity(storage: Storage | null): Identity {
  try {
    const raw = storage?.getItem(IDENTITY_STORAGE_KEY);
    if (raw) {
      const parsed = IdentitySchema.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
    }
  } catch {
    // Unreadable or corrupt: replaced below.
  }
  const identity = generateIdentity();
  try {
    storage?.setItem(IDENTITY_STORAGE_KEY, JSON.stringify(identity));
  } catch {
    // Not persisted; the person gets a new name next time.
  }
  return identity;
}
