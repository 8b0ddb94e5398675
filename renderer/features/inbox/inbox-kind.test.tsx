import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Notification } from '../../../shared/notifications-api.ts';
import { UpdatesList, type NotificationsState } from '../notifications/index.ts';
import { InboxView, showsUpdate, type InboxItem, type InboxState } from './index.ts';

afterEach(cleanup);

const ROOM = { spaceId: 'team', docId: 'plan' };

const mention: InboxItem = {
  key: 'team/plan#c:t1:m1',
  room: ROOM,
  noteTitle: 'Plan',
  entry: {
    kind: 'comment',
    id: 'c:t1:m1',
    threadId: 't1',
    author: 'emp-grace',
    authorName: 'Grace Hopper',
    text: 'Look at this @Ada',
    quote: 'x',
    createdAt: 1,
  },
  at: 1,
  unread: true,
};

function update(id: string, kind: Notification['kind']): Notification {
  return {
    id,
    kind,
    spaceId: 'team',
    noteId: kind === 'space.added' ? null : 'plan',
    targetId: null,
    actor: null,
    createdAt: 1,
    readAt: null,
    muted: false,
  };
}

const updates: readonly Notification[] = [
  update('u1', 'action_item.assigned'),
  update('u2', 'action_item.due'),
  update('u3', 'action_item.overdue'),
  update('u4', 'comment.reply'),
  update('u5', 'space.added'),
];

function renderInbox() {
  const marked: string[] = [];
  const inbox: InboxState = { service: null, items: [mention], unread: 1 };
  const state: NotificationsState = {
    service: null,
    labels: null,
    snapshot: { status: 'ready', items: updates, unread: updates.length, settings: null },
  };
  const props = { spaceName: (id: string) => id, hrefFor: () => '', onOpen: () => undefined };
  render(
    <InboxView
      inbox={inbox}
      host={{
        notificationPermission: () => 'granted',
        requestNotificationPermission: () => Promise.resolve('granted'),
      }}
      updatesUnread={updates.length}
      onMarkUpdatesRead={() => marked.push('updates')}
      updates={<UpdatesList state={state} {...props} />}
      {...props}
    />,
  );
  return { marked };
}

/** What the Updates list shows, one line per entry (null when the section is gone). */
function listedUpdates(): string[] | null {
  const list = screen.queryByRole('list', { name: 'Updates' });
  if (list === null) return null;
  return within(list)
    .getAllByRole('listitem')
    .map((li) => li.getAttribute('data-kind') ?? '');
}

describe('the Inbox filter by kind', () => {
  it('is a labelled select offering every kind', () => {
    renderInbox();
    const select = screen.getByRole('combobox', { name: 'Filter by kind' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All', 'Mentions', 'Assigned', 'Due', 'Replies', 'Added to a space']);
    expect((select as HTMLSelectElement).value).toBe('all');
  });

  it('lists only the chosen kind, while "Mark all as read" still covers everything', () => {
    const { marked } = renderInbox();
    const select = screen.getByRole('combobox', { name: 'Filter by kind' });
    expect(listedUpdates()).toHaveLength(5);
    expect(screen.getByRole('list', { name: 'Mentions' })).toBeTruthy();

    fireEvent.change(select, { target: { value: 'assigned' } });
    expect(listedUpdates()).toEqual(['action_item.assigned']);
    expect(screen.queryByRole('list', { name: 'Mentions' })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Show' })).toBeNull();

    fireEvent.change(select, { target: { value: 'due' } });
    expect(listedUpdates()).toEqual(['action_item.due', 'action_item.overdue']);

    fireEvent.change(select, { target: { value: 'replies' } });
    expect(listedUpdates()).toEqual(['comment.reply']);

    fireEvent.change(select, { target: { value: 'added' } });
    expect(listedUpdates()).toEqual(['space.added']);

    fireEvent.change(select, { target: { value: 'mentions' } });
    expect(listedUpdates()).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Updates' })).toBeNull();
    const mentions = screen.getByRole('list', { name: 'Mentions' });
    expect(mentions.textContent).toContain('Grace Hopper mentioned you in a comment');

    // "Mark all as read" covers the whole Inbox, the hidden updates too.
    fireEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));
    expect(marked).toEqual(['updates']);

    fireEvent.change(select, { target: { value: 'all' } });
    expect(listedUpdates()).toHaveLength(5);
    expect(screen.getByRole('list', { name: 'Mentions' })).toBeTruthy();
  });

  it('treats due and overdue as one kind and mentions as no update', () => {
    expect(showsUpdate('due', 'action_item.overdue')).toBe(true);
    expect(showsUpdate('due', 'action_item.assigned')).toBe(false);
    expect(showsUpdate('mentions', 'comment.reply')).toBe(false);
    expect(showsUpdate('all', 'space.added')).toBe(true);
  });
});
