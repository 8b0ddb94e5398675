import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import { compareSiblings, isOrderKey, keyBetween } from './order-key.ts';

function expectBetween(key: string, lo: string | null, hi: string | null): void {
  expect(isOrderKey(key), key).toBe(true);
  if (lo !== null) expect(key > lo, `${key} > ${lo}`).toBe(true);
  if (hi !== null) expect(key < hi, `${key} < ${hi}`).toBe(true);
}

describe('keyBetween', () => {
  it('makes a valid first key', () => {
    expectBetween(keyBetween(null, null, 7), null, null);
  });

  it('keeps 500 appends and 500 prepends strictly ordered', () => {
    let last = keyBetween(null, null, 1);
    let first = last;
    for (let i = 0; i < 500; i += 1) {
      const next = keyBetween(last, null, 1);
      expectBetween(next, last, null);
      last = next;
      const before = keyBetween(null, first, 1);
      expectBetween(before, null, first);
      first = before;
    }
  });

  it('keeps inserting between two neighbours', () => {
    const lo = keyBetween(null, null, 1);
    let hi = keyBetween(lo, null, 1);
    for (let i = 0; i < 200; i += 1) {
      const mid = keyBetween(lo, hi, i);
      expectBetween(mid, lo, hi);
      hi = mid;
    }
  });

  it('handles a key that is a prefix of its upper neighbour', () => {
    expectBetween(keyBetween('U', 'V5', 99), 'U', 'V5');
    expectBetween(keyBetween('V', 'V1', 99), 'V', 'V1');
    expectBetween(keyBetween(null, '0001', 99), null, '0001');
    expectBetween(keyBetween('z', null, 99), 'z', null);
  });

  it('gives two clients inserting at the same place different keys', () => {
    const lo = keyBetween(null, null, 1);
    const hi = keyBetween(lo, null, 1);
    const a = keyBetween(lo, hi, 1001);
    const b = keyBetween(lo, hi, 2002);
    expect(a).not.toBe(b);
    expectBetween(a, lo, hi);
    expectBetween(b, lo, hi);
    const [first, second] = a < b ? [a, b] : [b, a];
    expectBetween(keyBetween(first, second, 3), first, second);
  });

  it('keeps a list sorted under 2,000 random inserts (seeded)', () => {
    const gen = prng.create(42);
    const keys: string[] = [];
    for (let i = 0; i < 2000; i += 1) {
      const at = prng.uint32(gen, 0, keys.length);
      const key = keyBetween(keys[at - 1] ?? null, keys[at] ?? null, prng.uint32(gen, 0, 1e6));
      keys.splice(at, 0, key);
    }
    expect([...keys].sort()).toEqual(keys);
    expect(keys.every(isOrderKey)).toBe(true);
  });

  it('never throws on malformed or inverted bounds from a hostile peer', () => {
    expect(isOrderKey(keyBetween('bad key!', '', 5))).toBe(true);
    expect(isOrderKey(keyBetween('V0', 'x'.repeat(2000), 5))).toBe(true);
    const inverted = keyBetween('k', 'V', 5);
    expectBetween(inverted, 'k', null);
  });
});

describe('isOrderKey', () => {
  it.each(['', 'V0', 'a b', 'é', 'x'.repeat(1025)])('rejects %j', (key) => {
    expect(isOrderKey(key)).toBe(false);
  });
  it('accepts base-62 digits without a trailing 0', () => {
    expect(isOrderKey('0V')).toBe(true);
  });
});

describe('compareSiblings', () => {
  it('orders by key, then by id for equal keys', () => {
    const list = [
      { order: 'b', id: 'x' },
      { order: 'a', id: 'z' },
      { order: 'b', id: 'a' },
    ].sort(compareSiblings);
    expect(list.map((s) => s.id)).toEqual(['z', 'a', 'x']);
  });
});
