/**
 * The access-token store's contract, run against SQLite and PostgreSQL:
 * tokens round-trip (scopes, expiry, owner profile), lists hold only live
 * tokens of one owner or of service accounts, revocation happens once, a
 * use is recorded, a hash is unique, and everything survives a reopen.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backendTitle, databaseBackends, type DatabaseLocation } from '../db/test-databases.ts';
import type { RelayStores } from '../db/stores.ts';
import type { TokenRow, TokenStore } from './types.ts';

const token = (id: string, extra: Partial<TokenRow> = {}): TokenRow => ({
  id,
  kind: 'person',
  ownerId: 'ada',
  name: `token ${id}`,
  scopes: ['read', 'write'],
  hash: `hash-${id}`,
  createdAt: 1000,
  createdBy: 'ada',
  expiresAt: null,
  lastUsedAt: null,
  revokedAt: null,
  ownerName: 'Ada Lovelace',
  ownerEmail: 'ada@example.com',
  ownerGroups: ['staff'],
  ...extra,
});

for (const backend of databaseBackends()) {
  const suite = backend.unavailable === null ? describe : describe.skip;
  suite(backendTitle(backend, 'TokenStore'), () => {
    beforeAll(() => backend.setUp(), 60_000);
    afterAll(() => backend.tearDown());
    const open: RelayStores[] = [];
    afterEach(async () => {
      for (const stores of open.splice(0)) await stores.close();
    });
    let location: DatabaseLocation;
    async function fresh(): Promise<TokenStore> {
      location = await backend.location();
      return reopen();
    }
    async function reopen(): Promise<TokenStore> {
      const stores = await location.open();
      open.push(stores);
      return stores.tokens;
    }

    it('keeps tokens and lists the live ones of an owner or of service accounts', async () => {
      const store = await fresh();
      await store.create(token('a', { expiresAt: 5000 }));
      await store.create(token('b', { ownerId: 'grace', ownerGroups: [] }));
      await store.create(
        token('c', { kind: 'service', ownerId: 'service:c', scopes: ['admin'], ownerEmail: null }),
      );
      expect(await store.get('a')).toEqual(token('a', { expiresAt: 5000 }));
      expect(await store.get('c')).toEqual(
        token('c', { kind: 'service', ownerId: 'service:c', scopes: ['admin'], ownerEmail: null }),
      );
      expect(await store.get('zzz')).toBeNull();
      expect((await store.list({ ownerId: 'ada' })).map((t) => t.id)).toEqual(['a']);
      expect((await store.list({ kind: 'service' })).map((t) => t.id)).toEqual(['c']);
    });

    it('revokes once, records uses, and survives a reopen', async () => {
      const store = await fresh();
      await store.create(token('a'));
      await store.create(token('b', { createdAt: 2000 }));
      expect(await store.revoke('a', 3000)).toBe(true);
      expect(await store.revoke('a', 4000)).toBe(false);
      expect(await store.revoke('nope', 4000)).toBe(false);
      await store.touch('b', 3500);
      const again = await reopen();
      expect((await again.get('a'))?.revokedAt).toBe(3000);
      expect((await again.get('b'))?.lastUsedAt).toBe(3500);
      expect((await again.list({ ownerId: 'ada' })).map((t) => t.id)).toEqual(['b']);
    });

    it('keeps each owner’s latest profile, replaced in place, across a reopen', async () => {
      const store = await fresh();
      expect(await store.owner('ada')).toBeNull();
      const first = { personId: 'ada', name: 'Ada', email: null, groups: ['admins'], seenAt: 10 };
      await store.recordOwner(first);
      expect(await store.owner('ada')).toEqual(first);
      const later = { ...first, email: 'ada@example.com', groups: [], seenAt: 20 };
      await store.recordOwner(later);
      expect(await (await reopen()).owner('ada')).toEqual(later);
    });

    it('refuses a second token with the same hash', async () => {
      const store = await fresh();
      await store.create(token('a'));
      await expect(
        Promise.resolve().then(() => store.create(token('b', { hash: 'hash-a' }))),
      ).rejects.toThrow();
    });
  });
}
