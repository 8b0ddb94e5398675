import { describe, expect, it } from 'vitest';
import type { DocStorage } from '../storage/types.ts';
import { NotificationWatch } from './doc-watch.ts';
import { NotificationService, type NotificationServiceDeps } from './service.ts';

describe('NotificationWatch.watch', () => {
  it('keeps the purges and the readiness probe of the store it wraps', async () => {
    const calls: string[] = [];
    const inner = {
      purgeRoom: () => {
        calls.push('purgeRoom');
      },
      ping: () => {
        calls.push('ping');
      },
    } as unknown as DocStorage;
    // The watch reads nothing of the service until a note changes.
    const watch = new NotificationWatch(new NotificationService({} as NotificationServiceDeps), 10);
    const wrapped = watch.watch(inner, () => null);
    // It is the outermost wrapper: a dropped purgeRoom would make retention skip every room.
    await wrapped.purgeRoom?.('space/note', 'nothing');
    await wrapped.ping?.();
    expect(calls).toEqual(['purgeRoom', 'ping']);
  });
});
