import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { anchorFromPositions, createThread } from '../../../shared/comments/index.ts';
import type { NotificationAccess, NoteTarget } from '../../../shared/host.ts';
import type { NotifyRequest } from '../../../shared/mentions/index.ts';
import { AppServicesContext } from '../../services/index.ts';
import { createAppStore } from '../../store/index.ts';
import { createDocRegistry, type DocHandle, type DocRegistry } from '../../sync/index.ts';
import type { RoomName } from '../../../shared/wire.ts';
import type { Host } from '../../../shared/host.ts';
import {
  createInboxService,
  inboxStorageKey,
  InboxView,
  useInboxState,
  type InboxViewProps,
} from './index.ts';

const ADA = 'emp-ada';
const GRACE = { sub: 'emp-grace', name: 'Grace Hopper' };
const ROOM = { spaceId: 'team', docId: 'plan' };
const ORIGIN = Symbol('grace-editor');

const registries: DocRegistry[] = [];
const stops: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const stop of stops.splice(0)) stop();
  for (const r of registries.splice(0)) r.destroy();
});

/** A Map-backed localStorage stand-in. */
function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => {
      map.set(key, value);
    },
  };
}

function setup(storage = memoryStorage()) {
  const store = createAppStore();
  // Real registry and WebsocketProviders (connect: false): the relay's
  // updates are applied with the provider as origin, exactly as y-websocket does.
  const registry = createDocRegistry({
    relayUrl: 'ws://127.0.0.1:9',
    store,
    user: { name: 'Ada', color: '#e5484d' },
    connect: false,
  });
  registries.push(registry);
  const notified: NotifyRequest[] = [];
  const host = {
    notify: (request: NotifyRequest) => {
      notified.push(request);
      return Promise.resolve();
    },
  };
  const service = createInboxService({ registry, me: ADA, host, storage, debounceMs: 0 });
  stops.push(service.start());
  return { store, registry, service, notified, storage, host };
}

/** Grace's replica of the note. */
function graceNote() {
  const doc = new Y.Doc();
  return doc;
}

function mentionParagraph(before: string, sub: string, label: string): Y.XmlElement {
  const m = new Y.XmlElement('mention');
  m.setAttribute('id', sub);
  m.setAttribute('label', label);
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(before), m, new Y.XmlText('.')]);
  return p;
}

function comment(doc: Y.Doc, author: { sub: string; name: string }, text: string) {
  const t = new Y.XmlText('x');
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [t]);
  doc.getXmlFragment('body').push([p]);
  createThread(
    doc,
    {
      anchor: anchorFromPositions(
        Y.createRelativePositionFromTypeIndex(t, 0, 0),
        Y.createRelativePositionFromTypeIndex(t, 1, -1),
      ),
      quote: 'x',
      author,
      text,
      mentions: [{ sub: ADA, name: 'Ada Lovelace' }],
      now: Date.now(),
    },
    ORIGIN,
  );
}

/** Sends what `from` has and `handle` lacks, as the relay would. */
function fromRelay(handle: DocHandle, from: Y.Doc) {
  Y.applyUpdate(
    handle.doc,
    Y.encodeStateAsUpdate(from, Y.encodeStateVector(handle.doc)),
    handle.provider,
  );
}

describe('inbox service', () => {
  it('lists what a note held at first sync without announcing it, then announces new mentions by others once', async () => {
    const { registry, service, notified } = setup();
    const grace = graceNote();
    grace.getXmlFragment('body').push([mentionParagraph('Old news for ', ADA, 'Ada Lovelace')]);
    comment(grace, GRACE, 'Old comment @Ada Lovelace');

    const handle = registry.open(ROOM);
    fromRelay(handle, grace);
    handle.provider.synced = true;
    await vi.waitFor(() => {
      expect(service.items()).toHaveLength(2);
    });
    expect(notified).toEqual([]);
    expect(service.items().every((item) => item.unread)).toBe(true);

    // Grace mentions Ada again, in the body and in a comment.
    grace
      .getXmlFragment('body')
      .push([mentionParagraph('Please review this ', ADA, 'Ada Lovelace')]);
    comment(grace, GRACE, 'Can you check @Ada Lovelace?');
    fromRelay(handle, grace);
    await vi.waitFor(() => {
      expect(notified).toHaveLength(2);
    });
    expect(notified).toEqual(
      expect.arrayContaining([
        // No page title in a space tree here: the note's first line names it.
        {
          title: 'You were mentioned in Old news for @Ada Lovelace.',
          body: 'Please review this @Ada Lovelace.',
          target: ROOM,
        },
        {
          title: 'Grace Hopper mentioned you in Old news for @Ada Lovelace.',
          body: 'Can you check @Ada Lovelace?',
          target: ROOM,
        },
      ]),
    );
    expect(service.items()).toHaveLength(4);
    // Newest first where a time is known: the two new ones lead.
    expect(service.items()[0]?.at).not.toBeNull();

    // Ada's own comment (from her other device, via the relay) and her own
    // local edit are never announced.
    const adaElsewhere = new Y.Doc();
    Y.applyUpdate(adaElsewhere, Y.encodeStateAsUpdate(grace));
    comment(adaElsewhere, { sub: ADA, name: 'Ada Lovelace' }, 'Note to self @Ada Lovelace');
    fromRelay(handle, adaElsewhere);
    handle.doc.getXmlFragment('body').push([mentionParagraph('Me, typing ', ADA, 'Ada Lovelace')]);
    await vi.waitFor(() => {
      expect(service.items()).toHaveLength(6);
    });
    expect(notified).toHaveLength(2);
  });

  it('does not announce a note that has not synced yet, and remembers seen marks per person', async () => {
    const first = setup();
    const grace = graceNote();
    grace.getXmlFragment('body').push([mentionParagraph('Hi ', ADA, 'Ada')]);
    const handle = first.registry.open(ROOM);
    // Arrives before the first sync has completed: part of the first index.
    fromRelay(handle, grace);
    handle.provider.synced = true;
    await vi.waitFor(() => {
      expect(first.service.items()).toHaveLength(1);
    });
    const [item] = first.service.items();
    first.service.markSeen([item?.key ?? '']);
    expect(first.service.items()[0]?.unread).toBe(false);
    expect(first.notified).toEqual([]);
    expect(first.storage.map.has(inboxStorageKey(ADA))).toBe(true);

    // After a reload (same storage): seen stays seen; the note is indexed, so
    // a new mention is announced right away.
    stops.shift()?.();
    const second = setup(first.storage);
    const again = second.registry.open(ROOM);
    fromRelay(again, grace);
    await vi.waitFor(() => {
      expect(second.service.items()).toHaveLength(1);
    });
    expect(second.service.items()[0]?.unread).toBe(false);
    expect(second.notified).toEqual([]);
    grace.getXmlFragment('body').push([mentionParagraph('And ', ADA, 'Ada')]);
    fromRelay(again, grace);
    await vi.waitFor(() => {
      expect(second.notified).toHaveLength(1);
    });
  });

  it('announces a burst of mentions in one notification', async () => {
    const { registry, notified, storage } = setup();
    const grace = graceNote();
    const handle = registry.open(ROOM);
    handle.provider.synced = true;
    // The first index of the (empty) note is stored once it has synced.
    await vi.waitFor(() => {
      expect(storage.map.get(inboxStorageKey(ADA))).toContain('"team/plan":[]');
    });
    for (let i = 0; i < 5; i += 1) {
      grace.getXmlFragment('body').push([mentionParagraph(`Item ${String(i)} `, ADA, 'Ada')]);
    }
    fromRelay(handle, grace);
    await vi.waitFor(() => {
      expect(notified).toHaveLength(1);
    });
    expect(notified[0]?.title).toBe('You were mentioned 5 times');
  });
});

type InboxProps = Omit<InboxViewProps, 'inbox'> & {
  readonly current: RoomName | null;
  readonly host: InboxViewProps['host'] & Pick<Host, 'notify'>;
};

/** The workspace's wiring: one inbox state, its unread count and the view. */
function Inbox({ current, ...props }: InboxProps) {
  const inbox = useInboxState(ADA, props.host, current);
  return (
    <>
      <output aria-label="Unread">{inbox.unread}</output>
      <InboxView inbox={inbox} {...props} />
    </>
  );
}

describe('the Inbox view', () => {
  it('counts unread, lists who mentioned me, filters by kind, opens the note and marks it read', async () => {
    const { store, registry, host } = setup();
    const grace = graceNote();
    comment(grace, GRACE, 'Look at this @Ada Lovelace');
    const handle = registry.open(ROOM);
    fromRelay(handle, grace);
    handle.provider.synced = true;
    const opened: unknown[] = [];
    let access: NotificationAccess = 'default';
    const requests: string[] = [];
    render(
      <AppServicesContext value={{ store, registry }}>
        <Inbox
          host={{
            ...host,
            notificationPermission: () => access,
            requestNotificationPermission: () => {
              requests.push('asked');
              access = 'granted';
              return Promise.resolve(access);
            },
          }}
          hrefFor={(room) => `?space=${room.spaceId}&note=${room.docId}`}
          onOpen={(room: NoteTarget) => opened.push(room)}
          spaceName={(id) => (id === 'team' ? 'Team' : id)}
          current={null}
        />
      </AppServicesContext>,
    );
    await vi.waitFor(() => {
      expect(screen.getByRole('status', { name: 'Unread' }).textContent).toBe('1');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enable notifications' }));
    await vi.waitFor(() => {
      expect(screen.queryByRole('button', { name: 'Enable notifications' })).toBeNull();
    });
    expect(requests).toEqual(['asked']);
    const list = screen.getByRole('list', { name: 'Mentions' });
    expect(list.textContent).toContain('Grace Hopper mentioned you in a comment');
    expect(list.textContent).toContain('Look at this @Ada Lovelace');
    // The note's first line (no page tree here) and the space's name.
    expect(list.textContent).toContain('x · Team');
    expect(list.textContent).toContain('New');
    // Narrowed to mentions in note bodies, the comment is not listed.
    fireEvent.click(screen.getByRole('button', { name: 'Notes' }));
    expect(screen.queryByRole('list', { name: 'Mentions' })).toBeNull();
    expect(screen.getByText('Nothing of this kind.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Comments' }));
    fireEvent.click(screen.getByRole('link', { name: /Grace Hopper mentioned you/ }));
    expect(opened).toEqual([ROOM]);
    await vi.waitFor(() => {
      expect(screen.getByRole('status', { name: 'Unread' }).textContent).toBe('0');
    });
  });

  it('counts the mentions in the note on screen as read', async () => {
    const { store, registry, host } = setup();
    const grace = graceNote();
    comment(grace, GRACE, 'Look at this @Ada Lovelace');
    const handle = registry.open(ROOM);
    fromRelay(handle, grace);
    handle.provider.synced = true;
    const props = {
      host: {
        ...host,
        notificationPermission: () => 'granted' as const,
        requestNotificationPermission: () => Promise.resolve('granted' as const),
      },
      hrefFor: () => '',
      onOpen: () => undefined,
      spaceName: (id: string) => id,
    };
    const view = render(
      <AppServicesContext value={{ store, registry }}>
        <Inbox {...props} current={{ spaceId: 'team', docId: 'elsewhere' }} />
      </AppServicesContext>,
    );
    await vi.waitFor(() => {
      expect(screen.getByRole('status', { name: 'Unread' }).textContent).toBe('1');
    });
    view.rerender(
      <AppServicesContext value={{ store, registry }}>
        <Inbox {...props} current={ROOM} />
      </AppServicesContext>,
    );
    await vi.waitFor(() => {
      expect(screen.getByRole('status', { name: 'Unread' }).textContent).toBe('0');
    });
  });
});
