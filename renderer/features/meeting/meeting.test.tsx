import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Person } from '../../../shared/api.ts';
import { IcsError, meetingNoteTemplate, readActionItems } from '../../../shared/meeting/index.ts';
import { openSpaceIndex } from '../../../shared/space-index/index.ts';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { i18n } from '../../i18n/index.ts';
import { AppServicesContext } from '../../services/index.ts';
import { createAppStore } from '../../store/index.ts';
import { createDocRegistry, type DocRegistry } from '../../sync/index.ts';
import { spaceIndexRoom } from '../tree/index.ts';
import { noteSchema } from './create-meeting.ts';
import {
  collectMyActionItems,
  MyActionItemsView,
  createMeetingNote,
  NewMeetingButton,
  readIcsFile,
  tickActionItem,
} from './index.ts';

const SPACE = 'demo';
const GRACE: Person = { id: 'emp-grace', name: 'Grace Hopper', email: 'grace@example.com' };

const registries: DocRegistry[] = [];
afterEach(() => {
  cleanup();
  for (const r of registries.splice(0)) r.destroy();
});

function setup() {
  const store = createAppStore();
  const registry = createDocRegistry({
    relayUrl: 'ws://127.0.0.1:9',
    store,
    user: { name: 'Ada', color: '#e5484d' },
    connect: false,
  });
  registries.push(registry);
  const indexHandle = registry.open(spaceIndexRoom(SPACE));
  const index = openSpaceIndex(indexHandle.doc, { userId: 'emp-ada' });
  return { store, registry, index };
}

function bodyJson(registry: DocRegistry, docId: string): string {
  return JSON.stringify(
    yXmlFragmentToProseMirrorRootNode(
      registry.open({ spaceId: SPACE, docId }).body,
      noteSchema(),
    ).toJSON(),
  );
}

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//EN',
  'BEGIN:VEVENT',
  'UID:1@example.com',
  'DTSTAMP:20260301T090000Z',
  'DTSTART:20260303T090000Z',
  'DTEND:20260303T100000Z',
  'SUMMARY:Quarterly planning',
  'ORGANIZER;CN=Ada Lovelace:mailto:ada@example.com',
  'ATTENDEE;CN=Grace Hopper:mailto:GRACE@example.com',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('New meeting note', () => {
  it('creates a meeting page whose note has the template sections and attendees', () => {
    const { registry, index } = setup();
    const id = createMeetingNote({
      registry,
      index,
      spaceId: SPACE,
      input: { title: 'Weekly sync', start: '2026-03-03T09:00:00Z', attendees: [GRACE] },
    });
    expect(index.snapshot().get(id)).toMatchObject({ title: 'Weekly sync', kind: 'meeting' });
    const json = bodyJson(registry, id);
    for (const section of ['Attendees', 'Agenda', 'Notes', 'Decisions', 'Action items']) {
      expect(json).toContain(`"text":"${section}"`);
    }
    expect(json).toContain('"type":"mention","attrs":{"id":"emp-grace","label":"Grace Hopper"');
  });

  it('writes an untitled meeting note in German when the UI is German', async () => {
    const { registry, index } = setup();
    await i18n.changeLanguage('de');
    try {
      const id = createMeetingNote({
        registry,
        index,
        spaceId: SPACE,
        input: { title: '', start: '2026-03-03T09:00:00Z', timeZone: 'UTC' },
      });
      expect(index.snapshot().get(id)).toMatchObject({ title: 'Besprechung', kind: 'meeting' });
      const json = bodyJson(registry, id);
      for (const section of [
        'Besprechung',
        'Teilnehmende',
        'Tagesordnung',
        'Notizen',
        'Entscheidungen',
        'Aufgaben',
      ]) {
        expect(json).toContain(`"text":"${section}"`);
      }
      // The date line in German too (the app's language, not the runtime's).
      expect(json).toMatch(/Dienstag|Di\./);
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('the form picks attendees from the directory and opens the new note', async () => {
    const { store, registry } = setup();
    const searchDirectory = vi.fn((q: string) =>
      Promise.resolve(q.toLowerCase().startsWith('gra') ? [GRACE] : []),
    );
    const opened: string[] = [];
    render(
      <AppServicesContext value={{ store, registry }}>
        <NewMeetingButton
          spaceId={SPACE}
          directory={{ searchDirectory }}
          onOpen={(id) => opened.push(id)}
        />
      </AppServicesContext>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'New meeting note' }));
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Design review' } });
    expect(screen.getByLabelText<HTMLInputElement>('Date and time').value).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/,
    );
    fireEvent.change(screen.getByLabelText('Find attendees'), { target: { value: 'Gra' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Add Grace Hopper' }));
    expect(screen.getByRole('list', { name: 'Attendees' }).textContent).toContain('Grace Hopper');
    fireEvent.click(screen.getByRole('button', { name: 'Create meeting note' }));
    expect(opened).toHaveLength(1);
    const json = bodyJson(registry, opened[0] ?? '');
    expect(json).toContain('"text":"Design review"');
    expect(json).toContain('"id":"emp-grace"');
  });
});

describe('.ics invitations', () => {
  it('prefill title, time and attendees, matching directory people by email', async () => {
    const searchDirectory = vi.fn((q: string) =>
      Promise.resolve(q === 'grace@example.com' ? [GRACE] : []),
    );
    const { input, warnings } = await readIcsFile(new Blob([ICS]), searchDirectory);
    expect(input.title).toBe('Quarterly planning');
    expect(new Date(input.start).toISOString()).toBe('2026-03-03T09:00:00.000Z');
    expect(input.attendees?.map((a) => a.id ?? a.email)).toEqual(['ada@example.com', 'emp-grace']);
    expect(warnings).toEqual([]);
  });

  it('refuses a file that is not an invitation with a clear error', async () => {
    await expect(
      readIcsFile(new Blob(['hello']), () => Promise.resolve([])),
    ).rejects.toBeInstanceOf(IcsError);
  });

  it('the form fills in from a chosen file and shows an error for a bad one', async () => {
    const { store, registry } = setup();
    render(
      <AppServicesContext value={{ store, registry }}>
        <NewMeetingButton
          spaceId={SPACE}
          directory={{ searchDirectory: () => Promise.resolve([GRACE]) }}
          onOpen={() => undefined}
        />
      </AppServicesContext>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'New meeting note' }));
    const input = screen.getByLabelText('Invitation file');
    fireEvent.change(input, { target: { files: [new File(['nope'], 'bad.ics')] } });
    expect((await screen.findByRole('alert')).textContent).not.toBe('');
    expect(screen.getByLabelText<HTMLInputElement>('Title').value).toBe('');
    fireEvent.change(input, { target: { files: [new File([ICS], 'invite.ics')] } });
    await vi.waitFor(() => {
      expect(screen.getByLabelText<HTMLInputElement>('Title').value).toBe('Quarterly planning');
    });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('list', { name: 'Attendees' }).textContent).toContain('Grace Hopper');
  });
  it('an .ics file dropped onto the form fills it in', async () => {
    const { store, registry } = setup();
    render(
      <AppServicesContext value={{ store, registry }}>
        <NewMeetingButton
          spaceId={SPACE}
          directory={{ searchDirectory: () => Promise.resolve([]) }}
          onOpen={() => undefined}
        />
      </AppServicesContext>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'New meeting note' }));
    const form = screen.getByRole('dialog', { name: 'New meeting note' });
    fireEvent.drop(form, {
      dataTransfer: { files: [new File([ICS], 'invite.ics')], types: ['Files'] },
    });
    await vi.waitFor(() => {
      expect(screen.getByLabelText<HTMLInputElement>('Title').value).toBe('Quarterly planning');
    });
    // Not in the directory: kept by name.
    expect(screen.getByRole('list', { name: 'Attendees' }).textContent).toContain('Grace Hopper');
  });
});

describe('My action items', () => {
  it('lists my open items across notes and ticks them in the note', async () => {
    const { store, registry } = setup();
    const note = registry.open({ spaceId: SPACE, docId: 'n1' }, { created: true });
    const json = meetingNoteTemplate({
      title: 'Sync',
      start: '2026-03-03T09:00:00Z',
      actionItems: [
        { text: 'Write the report', assignee: 'emp-grace', due: '2026-03-10' },
        { text: 'Book the room', assignee: 'emp-ada' },
      ],
    });
    prosemirrorJSONToYXmlFragment(noteSchema(), json, note.body);
    const mine = await collectMyActionItems(registry, 'emp-grace');
    expect(mine).toMatchObject([
      { room: { spaceId: SPACE, docId: 'n1' }, noteTitle: 'Sync', text: 'Write the report' },
    ]);
    const [item] = mine;
    if (item === undefined) throw new Error('no item');
    expect(await tickActionItem(registry, store, item.room, item.id)).toBe(1);
    expect(readActionItems(note.doc).find((i) => i.id === item.id)?.checked).toBe(true);
    expect(await collectMyActionItems(registry, 'emp-grace')).toEqual([]);
    expect(await collectMyActionItems(registry, 'emp-ada')).toHaveLength(1);
  });
});

describe('My action items view', () => {
  it('lists my items with a link to the note, and a tick removes the item', async () => {
    const { store, registry } = setup();
    const note = registry.open({ spaceId: SPACE, docId: 'n2' }, { created: true });
    prosemirrorJSONToYXmlFragment(
      noteSchema(),
      meetingNoteTemplate({
        title: 'Retro',
        start: '2026-03-03T09:00:00Z',
        actionItems: [{ text: 'Fix the build', assignee: 'emp-grace' }],
      }),
      note.body,
    );
    const opened: string[] = [];
    render(
      <AppServicesContext value={{ store, registry }}>
        <MyActionItemsView
          sub="emp-grace"
          hrefFor={(room) => `?space=${room.spaceId}&note=${room.docId}`}
          onOpen={(room) => opened.push(room.docId)}
        />
      </AppServicesContext>,
    );
    const link = await screen.findByRole('link', { name: 'Retro' });
    expect(link.getAttribute('href')).toBe(`?space=${SPACE}&note=n2`);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Done: Fix the build' }));
    await screen.findByText('No open action items are assigned to you.');
    expect(readActionItems(note.doc)[0]?.checked).toBe(true);
  });
});

describe('My action items across spaces', () => {
  it('once my spaces are known, items of spaces I left are not listed', async () => {
    const { store, registry } = setup();
    for (const spaceId of [SPACE, 'left']) {
      const note = registry.open({ spaceId, docId: 'n3' }, { created: true });
      prosemirrorJSONToYXmlFragment(
        noteSchema(),
        meetingNoteTemplate({
          title: `Notes of ${spaceId}`,
          start: '2026-03-03T09:00:00Z',
          actionItems: [{ text: `Task in ${spaceId}`, assignee: 'emp-grace' }],
        }),
        note.body,
      );
    }
    store.getState().patchSpaces({
      status: 'ready',
      items: [{ id: SPACE, name: 'Demo', role: 'editor' }],
    });
    render(
      <AppServicesContext value={{ store, registry }}>
        <MyActionItemsView sub="emp-grace" hrefFor={() => '?'} onOpen={() => undefined} />
      </AppServicesContext>,
    );
    await screen.findByRole('link', { name: `Notes of ${SPACE}` });
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(screen.queryByText('Task in left')).toBeNull();
  });
});
