import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Person } from '../../../shared/api.ts';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { meetingNoteTemplate, readActionItems } from '../../../shared/meeting/index.ts';
import { openSpaceIndex } from '../../../shared/space-index/index.ts';
import { listTemplates, saveTemplate } from '../../../shared/space-templates/index.ts';
import { AppServicesContext } from '../../services/index.ts';
import { createAppStore } from '../../store/index.ts';
import { createDocRegistry, type DocRegistry } from '../../sync/index.ts';
import { SaveTemplateForm } from '../templates/index.ts';
import { spaceIndexRoom } from '../tree/index.ts';
import { noteSchema } from './create-meeting.ts';
import { InviteDropZone, MyActionItemsView, NewMeetingButton } from './index.ts';
import { isInviteFile } from './invite-drop.ts';

const SPACE = 'demo';
const GRACE: Person = { id: 'emp-grace', name: 'Grace Hopper', email: 'grace@example.com' };
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
  'ATTENDEE;CN=Grace Hopper:mailto:grace@example.com',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

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
  const indexDoc = registry.open(spaceIndexRoom(SPACE)).doc;
  const index = openSpaceIndex(indexDoc, { userId: 'emp-ada' });
  return { store, registry, index, indexDoc };
}

/** A drag event as the browser makes it for files from the desktop. */
function fileDrag(type: string, target: EventTarget, files: File[]): Event {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', {
    value: { types: ['Files'], files, dropEffect: 'none' },
  });
  act(() => {
    target.dispatchEvent(event);
  });
  return event;
}

describe('dropping an invitation onto the window', () => {
  function renderZone() {
    const { store, registry } = setup();
    const opened: string[] = [];
    render(
      <AppServicesContext value={{ store, registry }}>
        <InviteDropZone
          spaceId={SPACE}
          directory={{ searchDirectory: () => Promise.resolve([GRACE]) }}
          onOpen={(id) => opened.push(id)}
        />
        <div className="ProseMirror" data-testid="editor" />
      </AppServicesContext>,
    );
    return { opened, registry };
  }

  it('shows the drop overlay and opens the meeting form filled in from the .ics', async () => {
    const { opened } = renderZone();
    const over = fileDrag('dragover', document.body, []);
    expect(over.defaultPrevented).toBe(true);
    expect(screen.getByText('Drop an invitation to create a meeting note')).toBeTruthy();
    const drop = fileDrag('drop', document.body, [new File([ICS], 'invite.ics')]);
    expect(drop.defaultPrevented).toBe(true);
    expect(screen.queryByText('Drop an invitation to create a meeting note')).toBeNull();
    const form = await screen.findByRole('dialog', { name: 'New meeting note' });
    expect(screen.getByLabelText<HTMLInputElement>('Title').value).toBe('Quarterly planning');
    expect(screen.getByLabelText('Length')).toHaveProperty('value', '60');
    expect(screen.getByRole('list', { name: 'Attendees' }).textContent).toContain('Grace Hopper');
    fireEvent.submit(form);
    expect(opened).toHaveLength(1);
  });

  it('refuses other files with a short note, and a bad invitation with its error', async () => {
    renderZone();
    const drop = fileDrag('drop', document.body, [new File(['png'], 'photo.png')]);
    // Never opened by the browser.
    expect(drop.defaultPrevented).toBe(true);
    expect(screen.getByRole('status').textContent).toMatch(/Only a calendar invitation/);
    fileDrag('drop', document.body, [new File(['nope'], 'broken.ics')]);
    await vi.waitFor(() => {
      expect(screen.getByRole('status').textContent).not.toMatch(/Only a calendar invitation/);
    });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('leaves drops into the editor to the editor', () => {
    renderZone();
    const editor = screen.getByTestId('editor');
    expect(fileDrag('dragover', editor, []).defaultPrevented).toBe(false);
    expect(screen.queryByText('Drop an invitation to create a meeting note')).toBeNull();
    fileDrag('drop', editor, [new File([ICS], 'invite.ics')]);
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('knows an invitation by name or type', () => {
    expect(isInviteFile({ name: 'Invite.ICS', type: '' })).toBe(true);
    expect(isInviteFile({ name: 'invite', type: 'text/calendar' })).toBe(true);
    expect(isInviteFile({ name: 'invite.ics.png', type: 'image/png' })).toBe(false);
  });
});

describe('space templates', () => {
  const content = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Retro' }] },
      {
        type: 'taskList',
        content: [
          {
            type: 'taskItem',
            attrs: { id: 'tpl1', checked: true, assignee: 'emp-grace', due: null },
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Collect notes' }] }],
          },
        ],
      },
    ],
  };

  it('"Save as template" stores the note content under a name in the space index', () => {
    const { store, registry, indexDoc } = setup();
    const done: (string | null)[] = [];
    render(
      <AppServicesContext value={{ store, registry }}>
        <SaveTemplateForm
          spaceId={SPACE}
          defaultName="Weekly retro"
          content={() => content}
          onDone={(m) => done.push(m)}
        />
      </AppServicesContext>,
    );
    fireEvent.change(screen.getByLabelText('Template name'), { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    expect(screen.getByRole('alert').textContent).toMatch(/name/);
    fireEvent.change(screen.getByLabelText('Template name'), { target: { value: 'Retro' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    expect(done).toEqual(['Saved as template “Retro”.']);
    expect(listTemplates(indexDoc).map((t) => t.name)).toEqual(['Retro']);
  });

  it('"New from template" lists the built-in meeting first, creates a note, and deletes', () => {
    const { store, registry, index, indexDoc } = setup();
    saveTemplate(indexDoc, { id: 't1', name: 'Retro', createdBy: 'x', createdAt: 1, content });
    const opened: string[] = [];
    render(
      <AppServicesContext value={{ store, registry }}>
        <NewMeetingButton
          spaceId={SPACE}
          directory={{ searchDirectory: () => Promise.resolve([]) }}
          onOpen={(id) => opened.push(id)}
        />
      </AppServicesContext>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'New from template…' }));
    const list = screen.getByRole('list', { name: 'Templates' });
    expect([...list.querySelectorAll('.templates__use')].map((b) => b.textContent)).toEqual([
      'Meeting note built in',
      'Retro',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Retro' }));
    expect(opened).toHaveLength(1);
    const id = opened[0] ?? '';
    expect(index.snapshot().get(id)).toMatchObject({ title: 'Retro' });
    const items = readActionItems(registry.open({ spaceId: SPACE, docId: id }).doc);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      checked: false,
      assignee: 'emp-grace',
      text: 'Collect notes',
    });
    expect(items[0]?.id).not.toBe('tpl1');

    fireEvent.click(screen.getByRole('button', { name: 'New from template…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete template Retro' }));
    fireEvent.click(screen.getByRole('button', { name: 'Really delete “Retro”' }));
    expect(listTemplates(indexDoc)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: /Meeting note/ }));
    expect(screen.getByRole('dialog', { name: 'New meeting note' })).toBeTruthy();
  });
});

describe('My action items with due dates', () => {
  it('lists items by due date, undated last, and marks the overdue ones', async () => {
    const { store, registry } = setup();
    const items = [
      { text: 'Someday', assignee: 'emp-grace' },
      { text: 'Later', assignee: 'emp-grace', due: '2999-01-01' },
      { text: 'Long ago', assignee: 'emp-grace', due: '2001-01-01' },
    ];
    items.forEach((draft, i) => {
      const note = registry.open({ spaceId: SPACE, docId: `n${String(i)}` }, { created: true });
      const json = meetingNoteTemplate({
        title: `Note ${String(i)}`,
        start: '2026-03-03T09:00:00Z',
        actionItems: [draft],
      });
      prosemirrorJSONToYXmlFragment(noteSchema(), json, note.body);
    });
    render(
      <AppServicesContext value={{ store, registry }}>
        <MyActionItemsView sub="emp-grace" hrefFor={() => '#'} onOpen={() => undefined} />
      </AppServicesContext>,
    );
    const list = await screen.findByRole('list', { name: 'My action items' });
    // Text and due chip are siblings on one baseline now.
    const texts = [...list.querySelectorAll('.meeting-mine__item')].map(
      (e) =>
        `${e.querySelector('.meeting-mine__text')?.textContent ?? ''}|${e.querySelector('.meeting-mine__due')?.textContent ?? ''}`,
    );
    expect(texts).toEqual([
      'Long ago|Due Jan 1, 2001 (overdue)',
      'Later|Due Jan 1, 2999',
      'Someday|',
    ]);
  });
});
