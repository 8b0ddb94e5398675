import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CloseCode, PERSON_REMOVED_REASON } from '../../shared/wire.ts';
import { createWipeOnClose } from './wipe-on-close.ts';

function seed(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => {
      reject(request.error ?? new Error('open failed'));
    };
  });
}

function rig() {
  const factory = new IDBFactory();
  const told: string[] = [];
  let signOuts = 0;
  const wipe = createWipeOnClose({
    targets: { indexedDB: factory, storages: [] },
    signOut: () => {
      signOuts += 1;
      return Promise.resolve();
    },
    onErased: (reason) => told.push(reason),
  });
  return { factory, told, wipe, signOuts: () => signOuts };
}

describe('wipe on close', () => {
  it('erases and signs out on a wipe, once, telling the person why', async () => {
    const { factory, told, wipe, signOuts } = rig();
    await seed(factory, 'commonplace/emp-1/s/d');
    const results = await Promise.all([
      wipe.handleClose(CloseCode.Wiped, ''),
      wipe.handleClose(CloseCode.Wiped, ''),
    ]);
    expect(results).toEqual([true, true]);
    expect(await factory.databases()).toEqual([]);
    expect(signOuts()).toBe(1);
    expect(told).toEqual([expect.stringContaining('withdrawn by your organisation')]);
  });

  it('erases for a removed person (4401 or 4403 with that reason) and not for other refusals', async () => {
    for (const code of [CloseCode.Unauthorized, CloseCode.Forbidden]) {
      const { factory, wipe } = rig();
      await seed(factory, 'commonplace/emp-1/s/d');
      expect(await wipe.handleClose(code, 'removed from this space')).toBe(false);
      expect(await wipe.handleClose(code, 'token expired')).toBe(false);
      expect(await factory.databases()).toHaveLength(1);
      expect(await wipe.handleClose(code, PERSON_REMOVED_REASON)).toBe(true);
      expect(await factory.databases()).toEqual([]);
    }
  });
});
