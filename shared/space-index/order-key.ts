/**
 * Fractional order keys for siblings in the page tree.
 *
 * A key is a base-62 fraction 0.d1d2d3… written as its digits, with no
 * trailing '0' digit, so that plain string comparison (code units, never
 * `localeCompare`) orders keys as the fractions they stand for. Between any
 * two distinct keys there is always another key, so a page can be placed
 * between two neighbours without touching them: a move writes one page only,
 * which is what lets concurrent moves merge (the idea behind Figma's
 * fractional indexing and David Greenspan's `fractional-indexing`).
 *
 * Two people inserting at the same spot at the same time would compute the
 * same midpoint; a short tag derived from the Yjs client id is appended so
 * their keys differ and a later insert can still go between them. Equal keys
 * (only possible from hostile input) are ordered by page id.
 */

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
const VALID_KEY = /^[0-9A-Za-z]*[1-9A-Za-z]$/;

/** True when `key` is a well-formed order key (non-empty, base-62, no trailing '0'). */
export function isOrderKey(key: string): boolean {
  return key.length <= 1024 && VALID_KEY.test(key);
}

function digitAt(key: string, index: number): number {
  const char = key[index];
  return char === undefined ? 0 : DIGITS.indexOf(char);
}

/**
 * The shortest key strictly between `lo` and `hi` (`''` is 0, `null` is 1).
 * Both must be valid keys (or the bounds) with `lo < hi`.
 */
function midpoint(lo: string, hi: string | null): string {
  let prefix = '';
  // Walk the shared leading digits (treating a missing digit of `lo` as 0).
  let index = 0;
  if (hi !== null) {
    while (index < hi.length && digitAt(lo, index) === digitAt(hi, index)) index += 1;
    prefix = hi.slice(0, index);
  }
  const loRest = lo.slice(index);
  const hiRest = hi === null ? null : hi.slice(index);
  const a = digitAt(loRest, 0);
  const b = hiRest === null || hiRest === '' ? BASE : digitAt(hiRest, 0);
  if (b - a > 1) {
    return prefix + (DIGITS[Math.floor((a + b) / 2)] ?? '');
  }
  // Adjacent digits: either `hi` has more digits and its first digit alone
  // is already above `lo`, or we keep `lo`'s digit and go one level deeper.
  if (hiRest !== null && hiRest.length > 1) return prefix + hiRest.slice(0, 1);
  return prefix + (DIGITS[a] ?? '') + midpoint(loRest.slice(1), null);
}

/** The per-client tag: three base-62 digits from the Yjs client id, last one never '0'. */
function clientTag(clientId: number): string {
  let n = Math.abs(Math.trunc(clientId)) % BASE ** 3;
  let tag = '';
  for (let i = 0; i < 3; i += 1) {
    tag = (DIGITS[n % BASE] ?? '') + tag;
    n = Math.floor(n / BASE);
  }
  return tag.endsWith('0') ? `${tag.slice(0, -1)}1` : tag;
}

/**
 * A key strictly between `lo` and `hi`, tagged with `clientId` so that two
 * clients inserting at the same place at once get different keys.
 *
 * `lo = null` means "before everything", `hi = null` "after everything".
 * Malformed bounds (from a hostile or buggy peer) are treated as absent, and
 * `hi <= lo` is treated as "after `lo`", so this never throws on data read
 * from the document; the page may land after `hi` in that case.
 */
export function keyBetween(lo: string | null, hi: string | null, clientId: number): string {
  const low = lo !== null && isOrderKey(lo) ? lo : '';
  let high = hi !== null && isOrderKey(hi) ? hi : null;
  if (high !== null && high <= low) high = null;
  const tag = clientTag(clientId);
  let mid = midpoint(low, high);
  // `mid + tag` is above `mid`, hence above `low`; it can only reach `high`
  // when `mid` is a prefix of `high`. Then move closer to `low`'s side of
  // `high` and try again; a few rounds always suffice, as each round fixes one
  // more digit of `high`.
  for (let round = 0; round < 8; round += 1) {
    const candidate = mid + tag;
    if (high === null || candidate < high) return candidate;
    mid = midpoint(mid, high);
  }
  return mid;
}

/** Compares two siblings by order key, then by id, so every replica sorts identically. */
export function compareSiblings(
  a: { readonly order: string; readonly id: string },
  b: { readonly order: string; readonly id: string },
): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}
