// Outgoing webhooks against a real relay, real y-websocket clients and a
// real HTTP receiver on loopback: deliveries are signed (and the documented
// verifier refuses a tampered body), retried with the same event id until
// the receiver takes them, survive a relay restart, and each event fires
// exactly once from real edits; a note's burst of edits is one debounced
// `note.updated`.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { AuditPageSchema } from '../../shared/admin-api.ts';
import { createThread } from '../../shared/comments/index.ts';
import { setActionItemChecked } from '../../shared/meeting/index.ts';
import { NOTE_BODY_FRAGMENT } from '../../shared/search/note-text.ts';
import { openSpaceIndex } from '../../shared/space-index/index.ts';
import {
  CreatedWebhookSchema,
  DeliveriesResponseSchema,
  SIGNATURE_HEADER,
  WEBHOOK_EVENT_KINDS,
  WebhooksResponseSchema,
  type Delivery,
} from '../../shared/webhooks-api.ts';
import { verifySignature } from '../webhooks/signature.ts';
import { startReceiver, type TestReceiver } from '../webhooks/test-receiver.ts';
import { useApiRig, type ApiRig } from './api-rig.ts';
import { ADA, GRACE, KATHERINE } from './demo-people.ts';
import { memberClient, whenSynced } from './hostile-member-helpers.ts';

/** The dev IdP's demo admin. */
const HEDY = 'emp-1005';

const rigs = useApiRig({
  adminGroup: 'commonplace-admins',
  webhooks: {
    allowLocalTargets: true,
    debounceMs: 1500,
    backoff: { baseMs: 20, maxMs: 100, maxAttempts: 5 },
    pollMs: 50,
  },
});

const receivers: TestReceiver[] = [];
afterEach(async () => {
  for (const receiver of receivers.splice(0)) await receiver.close();
});

async function receiver(): Promise<TestReceiver> {
  const r = await startReceiver();
  receivers.push(r);
  return r;
}

const admin = async () => ({ token: await rigs.idp.token(HEDY) });

async function companyHook(
  rig: ApiRig,
  url: string,
  events: readonly string[] = WEBHOOK_EVENT_KINDS,
) {
  const answer = await rig.api(await admin(), 'POST', '/api/admin/webhooks', { url, events });
  expect(answer.status).toBe(201);
  return CreatedWebhookSchema.parse(answer.body);
}

async function deliveries(rig: ApiRig, hookId: string): Promise<Delivery[]> {
  const answer = await rig.api(await admin(), 'GET', `/api/webhooks/${hookId}/deliveries`);
  expect(answer.status).toBe(200);
  return DeliveriesResponseSchema.parse(answer.body).deliveries;
}

/** Resolves once nothing is pending in the hook's delivery log. */
async function settled(rig: ApiRig, hookId: string): Promise<Delivery[]> {
  let last: Delivery[] = [];
  await vi.waitFor(
    async () => {
      last = await deliveries(rig, hookId);
      expect(last.filter((d) => d.status === 'pending')).toEqual([]);
    },
    { timeout: 10_000, interval: 50 },
  );
  return last;
}

describe('outgoing webhooks', () => {
  it('creates a webhook with a secret shown once, signs deliveries verifiably, and audits it', async () => {
    const rig = await rigs.start();
    const inbox = await receiver();
    expect(
      (
        await rig.api(ADA, 'POST', '/api/admin/webhooks', {
          url: inbox.url,
          events: ['member.added'],
        })
      ).status,
    ).toBe(403);
    const bad = await rig.api(await admin(), 'POST', '/api/admin/webhooks', {
      url: 'http://example.com/hook',
      events: ['member.added'],
    });
    expect(bad.status).toBe(400);
    const hook = await companyHook(rig, inbox.url);
    expect(hook.secret).toMatch(/^whsec_/);
    const listed = await rig.api(await admin(), 'GET', '/api/admin/webhooks');
    const hooks = WebhooksResponseSchema.parse(listed.body).webhooks;
    expect(hooks.map((h) => h.id)).toEqual([hook.id]);
    expect(JSON.stringify(listed.body)).not.toContain(hook.secret);

    const test = await rig.api(await admin(), 'POST', `/api/webhooks/${hook.id}/test`);
    expect(test.status).toBe(200);
    await vi.waitFor(() => {
      expect(inbox.ofKind('webhook.test')).toHaveLength(1);
    });
    const [delivery] = inbox.ofKind('webhook.test');
    if (delivery === undefined) throw new Error('no delivery');
    expect(delivery.eventId).toBe((test.body as { eventId: string }).eventId);
    expect(delivery.event.id).toBe(delivery.eventId);
    const header = String(delivery.headers[SIGNATURE_HEADER.toLowerCase()]);
    const nowSec = Math.floor(Date.now() / 1000);
    expect(verifySignature(hook.secret, header, delivery.body, nowSec)).toMatchObject({ ok: true });
    const tampered = delivery.body.replace(HEDY, ADA);
    expect(tampered).not.toBe(delivery.body);
    expect(verifySignature(hook.secret, header, tampered, nowSec)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifySignature(hook.secret, header, delivery.body, nowSec + 3600)).toEqual({
      ok: false,
      reason: 'too old',
    });

    const off = await rig.api(await admin(), 'PATCH', `/api/webhooks/${hook.id}`, {
      enabled: false,
    });
    expect(off.body).toMatchObject({ enabled: false });
    expect((await rig.api(ADA, 'DELETE', `/api/webhooks/${hook.id}`)).status).toBe(404);
    expect((await rig.api(await admin(), 'DELETE', `/api/webhooks/${hook.id}`)).status).toBe(204);
    await rig.relay.audit.flush();
    const audit = await rig.api(await admin(), 'GET', '/api/admin/audit?limit=50');
    const kinds = AuditPageSchema.parse(audit.body).entries.map((e) => e.kind);
    for (const kind of [
      'webhook.created',
      'webhook.tested',
      'webhook.updated',
      'webhook.deleted',
    ]) {
      expect(kinds).toContain(kind);
    }
  });

  it('retries a failing receiver with the same event id and fires member.added once', async () => {
    const rig = await rigs.start();
    const inbox = await receiver();
    const hook = await companyHook(rig, inbox.url, ['member.added']);
    const space = await rig.space(ADA);
    inbox.answer(500, 2);
    await rig.addMembers(space, ADA, { [GRACE]: 'editor' });
    // A role change of a member is no new member.
    await rig.addMembers(space, ADA, { [GRACE]: 'viewer' });
    const log = await settled(rig, hook.id);
    const added = inbox.ofKind('member.added');
    expect(added.map((d) => d.status)).toEqual([500, 500, 204]);
    expect(new Set(added.map((d) => d.eventId)).size).toBe(1);
    expect(new Set(added.map((d) => d.body)).size).toBe(1);
    expect(added[0]?.event).toMatchObject({
      type: 'member.added',
      spaceId: space,
      actor: ADA,
      data: { userId: GRACE, role: 'editor' },
    });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 204 });
  });

  it('fires comment and action-item events once from real client edits, and debounces note.updated', async () => {
    const rig = await rigs.start();
    const inbox = await receiver();
    const space = await rig.space(ADA, { [GRACE]: 'editor' });
    const hook = await companyHook(rig, inbox.url);
    const grace = memberClient(rig, `${space}/plan`, GRACE, { header: true });
    const ada = memberClient(rig, `${space}/plan`, ADA, { header: true });
    const index = memberClient(rig, `${space}/index`, ADA, { header: true });
    await Promise.all([whenSynced(grace), whenSynced(ada), whenSynced(index)]);

    openSpaceIndex(index.doc, { userId: ADA }).create({
      id: 'plan',
      title: 'The plan',
      parentId: null,
    });
    const anchor = {
      start: { tname: 'prosemirror', assoc: 0 },
      end: { tname: 'prosemirror', assoc: 0 },
    };
    const thread = createThread(
      grace.doc,
      { author: { sub: GRACE, name: 'Grace' }, text: 'Looks good', now: 1, anchor, quote: 'plan' },
      'app',
    );
    grace.doc.transact(() => {
      const list = new Y.XmlElement('taskList');
      const item = new Y.XmlElement('taskItem');
      item.setAttribute('id', 'a1');
      item.setAttribute('assignee', KATHERINE);
      item.setAttribute('checked', false as unknown as string);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Book the room')]);
      item.insert(0, [paragraph]);
      list.insert(0, [item]);
      grace.doc.getXmlFragment(NOTE_BODY_FRAGMENT).insert(0, [list]);
    });
    await vi.waitFor(() => {
      expect(ada.doc.getXmlFragment(NOTE_BODY_FRAGMENT).length).toBe(1);
    });
    expect(setActionItemChecked(ada.doc, 'a1', true, 'app')).toBe(1);
    for (const word of ['one', 'two', 'three']) {
      const text = new Y.XmlText(word);
      ada.doc.getXmlFragment(NOTE_BODY_FRAGMENT).push([text]);
    }

    await vi.waitFor(
      () => {
        expect(inbox.ofKind('note.updated').length).toBeGreaterThan(0);
      },
      { timeout: 10_000 },
    );
    await settled(rig, hook.id);
    expect(inbox.ofKind('note.created').map((d) => [d.event.actor, d.event.data])).toEqual([
      [ADA, { noteId: 'plan', title: 'The plan', pageKind: 'note' }],
    ]);
    expect(
      inbox.ofKind('comment.created').map((d) => [d.event.actor, d.event.data['threadId']]),
    ).toEqual([[GRACE, thread]]);
    expect(inbox.ofKind('action_item.assigned').map((d) => [d.event.actor, d.event.data])).toEqual([
      [GRACE, { noteId: 'plan', actionItemId: 'a1', assignee: KATHERINE }],
    ]);
    expect(inbox.ofKind('action_item.completed').map((d) => d.event.actor)).toEqual([ADA]);
    // Grace's and Ada's edits within the quiet period fold into one event, named for the last editor.
    const updated = inbox.ofKind('note.updated');
    expect(updated).toHaveLength(1);
    expect(updated[0]?.event).toMatchObject({
      actor: ADA,
      data: { noteId: 'plan', title: 'The plan' },
    });
    grace.destroy();
    ada.destroy();
    index.destroy();
  });

  it('keeps a delivery that is mid-retry across a relay restart', async () => {
    const rig = await rigs.start({
      webhooks: {
        allowLocalTargets: true,
        backoff: { baseMs: 50, maxMs: 200, maxAttempts: 100 },
        pollMs: 50,
      },
    });
    const inbox = await receiver();
    const hook = await companyHook(rig, inbox.url, ['member.added']);
    const space = await rig.space(ADA);
    inbox.answer(503);
    await rig.addMembers(space, ADA, { [GRACE]: 'editor' });
    await vi.waitFor(() => {
      expect(inbox.received.length).toBeGreaterThan(0);
    });
    await rig.restart();
    const before = inbox.received.length;
    inbox.answer(204);
    await settled(rig, hook.id);
    const all = inbox.ofKind('member.added');
    expect(all.length).toBeGreaterThan(before - 1);
    expect(all.at(-1)?.status).toBe(204);
    expect(new Set(all.map((d) => d.eventId)).size).toBe(1);
    const [log] = await deliveries(rig, hook.id);
    expect(log).toMatchObject({ status: 'delivered', attempts: all.length });
  });
});
