/**
 * Webhooks on two relay nodes over one PostgreSQL database (and Redis
 * fan-out): an event is queued by the node that stored the change and
 * delivered once, though both nodes deliver from the shared outbox; a
 * comment written through node B is one `comment.created`, even after node
 * A, which received it over Redis, stores its own edits to the same note.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createThread } from '../../shared/comments/index.ts';
import { CreatedWebhookSchema } from '../../shared/webhooks-api.ts';
import { postgresUnavailable, startTestPostgres, type TestPostgres } from '../db/test-postgres.ts';
import { redisUnavailable, startTestRedis, type TestRedis } from '../fanout/test-redis.ts';
import { startReceiver, type TestReceiver } from '../webhooks/test-receiver.ts';
import { useApiRig, type ApiRig } from './api-rig.ts';
import { ADA, GRACE } from './demo-people.ts';
import { memberClient, whenSynced } from './hostile-member-helpers.ts';

const missing = postgresUnavailable() ?? redisUnavailable();
const suite = missing === null ? describe : describe.skip;
const title = (name: string): string => (missing === null ? name : `${name} (skipped: ${missing})`);

suite(title('webhooks delivered once by two nodes over PostgreSQL'), () => {
  const rigs = useApiRig({ adminGroup: 'commonplace-admins' });
  let postgres: TestPostgres;
  let redis: TestRedis;
  let inbox: TestReceiver;
  beforeAll(async () => {
    [postgres, redis, inbox] = await Promise.all([
      startTestPostgres(),
      startTestRedis(),
      startReceiver(),
    ]);
  }, 60_000);
  afterAll(async () => {
    await inbox.close();
    await redis.stop();
    await postgres.stop();
  });

  async function twoNodes(): Promise<{ a: ApiRig; b: ApiRig }> {
    const databaseUrl = await postgres.createDatabase();
    const shared = {
      databaseUrl,
      redisUrl: redis.url,
      webhooks: {
        allowLocalTargets: true,
        debounceMs: 50,
        refreshMs: 50,
        pollMs: 50,
        backoff: { baseMs: 20, maxMs: 100, maxAttempts: 10 },
      },
    };
    return { a: await rigs.start(shared), b: await rigs.start(shared) };
  }

  it('queues on the node that stored the change and delivers each event once', async () => {
    const { a, b } = await twoNodes();
    const admin = { token: await rigs.idp.token('emp-1005') };
    const created = await a.api(admin, 'POST', '/api/admin/webhooks', {
      url: inbox.url,
      events: ['member.added', 'comment.created', 'note.updated'],
    });
    expect(created.status).toBe(201);
    const hook = CreatedWebhookSchema.parse(created.body);
    const space = await a.space(ADA);

    // Added through node B, retried by both nodes' deliverers: one event, delivered once.
    inbox.answer(500, 3);
    await b.addMembers(space, ADA, { [GRACE]: 'editor' });
    await vi.waitFor(() => {
      expect(inbox.ofKind('member.added').filter((d) => d.status === 204)).toHaveLength(1);
    });
    const added = inbox.ofKind('member.added');
    expect(new Set(added.map((d) => d.eventId)).size).toBe(1);
    expect(added.map((d) => d.status)).toEqual([500, 500, 500, 204]);

    const room = `${space}/plan`;
    const grace = memberClient(b, room, GRACE, { header: true });
    const ada = memberClient(a, room, ADA, { header: true });
    await Promise.all([whenSynced(grace), whenSynced(ada)]);
    // Grace types until node B has noticed the webhook made through node A.
    await vi.waitFor(
      () => {
        grace.doc.getText('warm-up').insert(0, '.');
        expect(inbox.ofKind('note.updated').length).toBeGreaterThan(0);
      },
      { timeout: 10_000, interval: 100 },
    );
    const anchor = {
      start: { tname: 'prosemirror', assoc: 0 },
      end: { tname: 'prosemirror', assoc: 0 },
    };
    const thread = createThread(
      grace.doc,
      { author: { sub: GRACE, name: 'Grace' }, text: 'On B', now: 1, anchor, quote: 'plan' },
      'app',
    );
    await vi.waitFor(() => {
      expect(ada.doc.getMap('comments').has(thread)).toBe(true);
    });
    ada.doc.getText('body').insert(0, 'Ada on A after the comment');
    await vi.waitFor(() => {
      expect(inbox.ofKind('note.updated').some((d) => d.event.actor === ADA)).toBe(true);
    });
    await vi.waitFor(async () => {
      const log = await a.api(admin, 'GET', `/api/webhooks/${hook.id}/deliveries?limit=200`);
      expect(JSON.stringify(log.body)).not.toContain('"pending"');
    });
    const comments = inbox.ofKind('comment.created');
    expect(comments.map((d) => [d.event.actor, d.event.data['threadId']])).toEqual([
      [GRACE, thread],
    ]);
    grace.destroy();
    ada.destroy();
  });
});
