import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { eraseLocalCopy } from './local-wipe.ts';

function openDb(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('s');
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => {
      reject(request.error ?? new Error('open failed'));
    };
  });
}

function memoryStorage(entries: Record<string, string>) {
  const map = new Map(Object.entries(entries));
  return {
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    removeItem: (k: string) => {
      map.delete(k);
    },
    keys: () => [...map.keys()],
  };
}

describe('eraseLocalCopy', () => {
  it('erases the local-data keys before the databases, sealed ones included; a failure is retried', async () => {
    const factory = new IDBFactory();
    await openDb(factory, 'commonplace/emp-1/space/doc#sealed');
    const order: string[] = [];
    const report = await eraseLocalCopy({
      indexedDB: factory,
      storages: [],
      eraseKeys: async () => {
        order.push(`keys, ${String((await factory.databases()).length)} databases left`);
      },
    });
    expect(order).toEqual(['keys, 1 databases left']);
    expect(report.databases).toEqual(['commonplace/emp-1/space/doc#sealed']);
    expect(report.failed).toEqual([]);
    const failing = await eraseLocalCopy({
      indexedDB: factory,
      storages: [],
      eraseKeys: () => Promise.reject(new Error('IPC failed')),
    });
    expect(failing.failed).toEqual(['local data keys']);
  });

  it("deletes every database and storage key of the app, and nothing else's", async () => {
    const factory = new IDBFactory();
    for (const name of [
      'commonplace/emp-1/space/doc',
      'commonplace/emp-2/space/doc',
      'commonplace-search/emp-1',
      'commonplace/emp-1/files',
      'other-app',
    ]) {
      await openDb(factory, name);
    }
    const local = memoryStorage({
      'commonplace.session.v1': 'tokens',
      'commonplace/file-limits/s': '{}',
      unrelated: 'x',
    });
    const report = await eraseLocalCopy({ indexedDB: factory, storages: [local] });
    expect(report.failed).toEqual([]);
    expect(report.databases).toHaveLength(4);
    expect((await factory.databases()).map((d) => d.name)).toEqual(['other-app']);
    expect(local.keys()).toEqual(['unrelated']);
  });
});
