/**
 * The webhook store's contract, run against SQLite and PostgreSQL:
 * subscriptions round-trip and filter by scope and event, the outbox is
 * idempotent per event id, debounced events fold into one row until their
 * first attempt, claims lease rows so no second claim takes them until the
 * lease runs out, a void claim cannot settle, and everything survives a
 * reopen.
 */
import { expect, it } from 'vitest';
import { describeStores } from '../db/test-databases.ts';
import type { OutboxInput, WebhookRow, WebhookStore } from './types.ts';

const hook = (id: string, spaceId: string | null, extra: Partial<WebhookRow> = {}): WebhookRow => ({
  id,
  spaceId,
  url: `https://example.test/${id}`,
  events: ['comment.created', 'note.updated'],
  secret: `whsec_${id}`,
  enabled: true,
  createdAt: 1000,
  createdBy: 'ada',
  ...extra,
});

const event = (
  eventId: string,
  webhookId: string,
  extra: Partial<OutboxInput> = {},
): OutboxInput => ({
  eventId,
  webhookId,
  kind: 'comment.created',
  payload: `{"id":"${eventId}"}`,
  createdAt: 100,
  notBefore: 100,
  ...extra,
});

describeStores('WebhookStore', (h) => {
  const fresh = async (): Promise<WebhookStore> => (await h.fresh()).webhooks;
  const reopen = async (): Promise<WebhookStore> => (await h.reopen()).webhooks;
  it('keeps subscriptions and finds the subscribers of an event', async () => {
    const store = await fresh();
    await store.create(hook('company', null));
    await store.create(hook('s1', 'S1', { createdAt: 2000 }));
    await store.create(hook('s2', 'S2', { createdAt: 3000, events: ['member.added'] }));
    await store.create(hook('off', 'S1', { createdAt: 4000, enabled: false }));
    expect(await store.get('s1')).toEqual(hook('s1', 'S1', { createdAt: 2000 }));
    expect(await store.get('missing')).toBeNull();
    expect((await store.list()).map((h) => h.id)).toEqual(['company', 's1', 's2', 'off']);
    expect((await store.list({ spaceId: null })).map((h) => h.id)).toEqual(['company']);
    expect((await store.list({ spaceId: 'S1' })).map((h) => h.id)).toEqual(['s1', 'off']);
    const ids = async (space: string, kind: 'comment.created' | 'member.added') =>
      (await store.subscribers(space, kind)).map((h) => h.id);
    expect(await ids('S1', 'comment.created')).toEqual(['company', 's1']);
    expect(await ids('S2', 'member.added')).toEqual(['s2']);
    expect(await ids('S2', 'comment.created')).toEqual(['company']);

    const updated = await store.update('off', { enabled: true, events: ['member.added'] });
    expect(updated).toMatchObject({ enabled: true, events: ['member.added'] });
    expect(await ids('S1', 'member.added')).toEqual(['off']);
    expect(await store.update('missing', { enabled: true })).toBeNull();

    await store.enqueue([event('e1', 's1')]);
    expect(await store.delete('s1')).toBe(true);
    expect(await store.delete('s1')).toBe(false);
    expect(await store.deliveries('s1', 10)).toEqual([]);
    const again = await reopen();
    expect((await again.list()).map((h) => h.id)).toEqual(['company', 's2', 'off']);
  });

  it('queues an event id once, claims with a lease, and records outcomes', async () => {
    const store = await fresh();
    await store.create(hook('h', null));
    await store.enqueue([event('e1', 'h'), event('e2', 'h', { notBefore: 500, createdAt: 200 })]);
    await store.enqueue([event('e1', 'h', { payload: 'changed' })]);
    expect(await store.nextDue()).toBe(100);

    const first = await store.claim(100, 1000, 10);
    expect(first.map((c) => [c.eventId, c.payload, c.attempts])).toEqual([
      ['e1', '{"id":"e1"}', 0],
    ]);
    // Leased: not claimed again before the lease ends, even by another caller.
    expect(await store.claim(600, 1000, 10)).toHaveLength(1); // e2 only
    const claim = first[0];
    if (claim === undefined) throw new Error('no claim');
    expect(
      await store.settle(claim, {
        kind: 'retry',
        status: 500,
        error: 'HTTP 500',
        nextAttemptAt: 5000,
      }),
    ).toBe(true);
    // The same claim cannot settle twice.
    expect(await store.settle(claim, { kind: 'delivered', status: 200, at: 1 })).toBe(false);
    const log = await store.deliveries('h', 10);
    expect(
      log.map((d) => [d.eventId, d.status, d.attempts, d.lastStatus, d.nextAttemptAt]),
    ).toEqual([
      ['e2', 'pending', 0, null, 1600],
      ['e1', 'pending', 1, 500, 5000],
    ]);

    // A restart: the lease of e2 runs out and it is due again, with e1 at its retry time.
    const again = await reopen();
    const retried = await again.claim(5000, 1000, 10);
    expect(retried.map((c) => [c.eventId, c.attempts]).sort()).toEqual([
      ['e1', 1],
      ['e2', 0],
    ]);
    for (const c of retried) {
      expect(await again.settle(c, { kind: 'delivered', status: 204, at: 5001 })).toBe(true);
    }
    const stale = { ...claim, leaseToken: 'stale' };
    expect(
      await again.settle(stale, { kind: 'failed', status: null, error: 'x', nextAttemptAt: 0 }),
    ).toBe(false);
    expect((await again.deliveries('h', 1))[0]).toMatchObject({
      eventId: 'e2',
      status: 'delivered',
      attempts: 1,
      lastStatus: 204,
      deliveredAt: 5001,
      nextAttemptAt: null,
    });
    expect(await again.nextDue()).toBeNull();
  });

  it('folds debounced events into one row until its first attempt', async () => {
    const store = await fresh();
    await store.create(hook('h', null));
    const note = (id: string, at: number) =>
      event(id, 'h', {
        kind: 'note.updated',
        payload: (kept) => `${kept}<-${id}`,
        notBefore: at,
        debounceKey: 'note:N',
      });
    await store.enqueue([note('u1', 1000)]);
    await store.enqueue([note('u2', 2000)]);
    await store.enqueue([note('u3', 3000)]);
    expect(await store.claim(2999, 1000, 10)).toEqual([]);
    const claimed = await store.claim(3000, 1000, 10);
    expect(claimed.map((c) => [c.eventId, c.payload])).toEqual([['u1', 'u1<-u3']]);
    // Claimed: a later change starts a new event.
    await store.enqueue([note('u4', 9000)]);
    expect((await store.deliveries('h', 10)).map((d) => d.eventId).sort()).toEqual(['u1', 'u4']);
    const claim = claimed[0];
    if (claim === undefined) throw new Error('no claim');
    await store.settle(claim, {
      kind: 'failed',
      status: null,
      error: 'refused',
      nextAttemptAt: 0,
    });
    expect((await store.deliveries('h', 10)).find((d) => d.eventId === 'u1')).toMatchObject({
      status: 'failed',
      lastError: 'refused',
      nextAttemptAt: null,
    });
  });
});
