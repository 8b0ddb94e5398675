/**
 * Helpers of the notification tests: a subscribed stock y-websocket client
 * that records the relay's Notification frames, an action item written into
 * a note the way the editor does, and the REST inbox of a person.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { expect } from 'vitest';
import * as Y from 'yjs';
import {
  NotificationPushSchema,
  NotificationsResponseSchema,
  type NotificationPush,
  type NotificationsResponse,
} from '../../shared/notifications-api.ts';
import { NOTE_BODY_FRAGMENT } from '../../shared/search/note-text.ts';
import { MessageType } from '../../shared/wire.ts';
import type { ApiRig } from './api-rig.ts';
import type { DemoPerson } from './demo-people.ts';
import { synced, type TestClient } from './helpers.ts';

/** Connects `person` to `room`, subscribes to notifications and records each push. */
export async function listen(
  rig: ApiRig,
  room: string,
  person: DemoPerson,
): Promise<{
  readonly client: TestClient;
  readonly pushes: NotificationPush[];
}> {
  const client = rig.connect(room, person);
  await synced(client);
  const pushes: NotificationPush[] = [];
  client.provider.messageHandlers[MessageType.Notification] = (_encoder, decoder) => {
    pushes.push(NotificationPushSchema.parse(JSON.parse(decoding.readVarString(decoder))));
  };
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Notification);
  client.provider.ws?.send(encoding.toUint8Array(encoder));
  return { client, pushes };
}

/** Adds (or updates) action item `id` at the end of the note's body. */
export function writeItem(
  doc: Y.Doc,
  id: string,
  attrs: { assignee?: string | null; due?: string | null; text?: string },
): void {
  const body = doc.getXmlFragment(NOTE_BODY_FRAGMENT);
  doc.transact(() => {
    for (const list of body.toArray()) {
      if (!(list instanceof Y.XmlElement)) continue;
      for (const item of list.toArray()) {
        if (item instanceof Y.XmlElement && item.getAttribute('id') === id) {
          if (attrs.assignee !== undefined) setOrRemove(item, 'assignee', attrs.assignee);
          if (attrs.due !== undefined) setOrRemove(item, 'due', attrs.due);
          return;
        }
      }
    }
    const list = new Y.XmlElement('taskList');
    const item = new Y.XmlElement('taskItem');
    item.setAttribute('id', id);
    item.setAttribute('checked', false as unknown as string);
    if (attrs.assignee != null) item.setAttribute('assignee', attrs.assignee);
    if (attrs.due != null) item.setAttribute('due', attrs.due);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(attrs.text ?? id)]);
    item.insert(0, [paragraph]);
    list.insert(0, [item]);
    body.push([list]);
  });
}

function setOrRemove(item: Y.XmlElement, name: string, value: string | null): void {
  if (value === null) item.removeAttribute(name);
  else item.setAttribute(name, value);
}

/** `person`'s inbox over REST (`query` like `?kind=comment.reply`). */
export async function inbox(
  rig: ApiRig,
  person: DemoPerson,
  query = '',
): Promise<NotificationsResponse> {
  const answer = await rig.api(person, 'GET', `/api/notifications${query}`);
  expect(answer.status).toBe(200);
  return NotificationsResponseSchema.parse(answer.body);
}

/** The kinds and targets of `person`'s inbox, oldest first, for exact comparisons. */
export async function inboxKeys(rig: ApiRig, person: DemoPerson, query = ''): Promise<string[]> {
  const { notifications } = await inbox(rig, person, query);
  return notifications.map((n) => `${n.kind} ${n.noteId ?? '-'} ${n.targetId ?? '-'}`).reverse();
}
