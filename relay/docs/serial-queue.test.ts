import { describe, expect, it } from 'vitest';
import { SerialQueue } from './serial-queue.ts';

describe('SerialQueue', () => {
  it('runs a synchronous task inline while idle', () => {
    const queue = new SerialQueue();
    const order: string[] = [];
    queue.run(() => {
      order.push('a');
    });
    order.push('after');
    expect(order).toEqual(['a', 'after']);
    expect(queue.busy).toBe(false);
  });

  it('keeps order behind an asynchronous task, and survives a rejection', async () => {
    const queue = new SerialQueue();
    const order: string[] = [];
    let release = (): void => undefined;
    queue.run(
      () =>
        new Promise<void>((resolve) => {
          release = () => {
            order.push('slow');
            resolve();
          };
        }),
    );
    queue.run(() => Promise.reject(new Error('boom')));
    queue.run(() => {
      order.push('fast');
    });
    expect(queue.busy).toBe(true);
    expect(order).toEqual([]);
    release();
    await queue.idle();
    expect(order).toEqual(['slow', 'fast']);
    expect(queue.busy).toBe(false);
  });
});
