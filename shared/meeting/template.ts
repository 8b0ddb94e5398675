// The meeting-note template: title, date and time,
// attendees, agenda, notes, decisions and action items, as a ProseMirror
// JSON document. The renderer loads it into a new note's Y.Doc with
// y-tiptap's `prosemirrorJSONToYXmlFragment(schema, json, fragment)` (or
// `editor.commands.setContent(json)`); the editor schema must include
// TipTap's TaskList/TaskItem (with the `id`, `assignee` and `due`
// attributes, see action-items.ts) and Mention extensions.
import { ACTION_ITEM_NODE, ACTION_LIST_NODE, type ActionItemAttrs } from './action-items.ts';
import { bulletList, heading, paragraph, type NodeJSON } from './node-json.ts';

/** Someone at the meeting: a directory person (with `id`) or just a name/email from an invitation. */
export interface Attendee {
  id?: string | undefined;
  name?: string | undefined;
  email?: string | undefined;
}

/** An action item to put in the template. */
export interface ActionItemDraft {
  text: string;
  assignee?: string | null;
  due?: string | null;
}

/** Section headings, for other languages or a team's own wording. */
export interface MeetingLabels {
  untitled: string;
  attendees: string;
  agenda: string;
  notes: string;
  decisions: string;
  actionItems: string;
}

export const DEFAULT_LABELS: MeetingLabels = {
  untitled: 'Meeting',
  attendees: 'Attendees',
  agenda: 'Agenda',
  notes: 'Notes',
  decisions: 'Decisions',
  actionItems: 'Action items',
};

export interface MeetingTemplateInput {
  title: string;
  /** Start instant (a Date, or an ISO 8601 string). */
  start: Date | string;
  /** End instant; omitted for an open-ended meeting. */
  end?: Date | string | undefined;
  /** A whole-day meeting: the time of day is not shown. */
  allDay?: boolean;
  /** IANA zone the time is shown in (default: the runtime's zone). */
  timeZone?: string | undefined;
  /** BCP 47 locale for the date line (default: the runtime's locale). */
  locale?: string | undefined;
  attendees?: readonly Attendee[];
  agenda?: readonly string[];
  actionItems?: readonly ActionItemDraft[];
  /**
   * Attendees with an `id` become mention nodes (`{ type: 'mention', attrs:
   * { id, label } }`, TipTap's Mention extension). False: plain text.
   */
  mentions?: boolean;
  labels?: Partial<MeetingLabels>;
  /** Id for each action item (default: `crypto.randomUUID()`). */
  newId?: (() => string) | undefined;
}

/** A meeting note's document, ready for the editor. Throws a RangeError for an invalid date. */
export function meetingNoteTemplate(input: MeetingTemplateInput): NodeJSON {
  const labels = { ...DEFAULT_LABELS, ...input.labels };
  const newId = input.newId ?? randomId;
  const mentions = input.mentions ?? true;
  const attendees = input.attendees ?? [];
  const agenda = (input.agenda ?? []).filter((item) => item.trim() !== '');
  const drafts = input.actionItems ?? [];

  const content: NodeJSON[] = [
    heading(1, input.title.trim() === '' ? labels.untitled : input.title.trim()),
    paragraph(formatMeetingTime(input)),
    heading(2, labels.attendees),
    attendees.length > 0
      ? bulletList(attendees.map((a) => [paragraph(attendeeNode(a, mentions))]))
      : paragraph(),
    heading(2, labels.agenda),
    bulletList(agenda.length > 0 ? agenda.map((item) => [paragraph(item)]) : [[paragraph()]]),
    heading(2, labels.notes),
    paragraph(),
    heading(2, labels.decisions),
    bulletList([[paragraph()]]),
    heading(2, labels.actionItems),
    {
      type: ACTION_LIST_NODE,
      content: (drafts.length > 0 ? drafts : [{ text: '' }]).map((draft) =>
        actionItemNode(newId(), draft),
      ),
    },
  ];
  return { type: 'doc', content };
}

/** A `taskItem` node with our structured attributes. */
export function actionItemNode(id: string, draft: ActionItemDraft): NodeJSON {
  const attrs: ActionItemAttrs = {
    id,
    checked: false,
    assignee: draft.assignee ?? null,
    due: draft.due ?? null,
  };
  return { type: ACTION_ITEM_NODE, attrs: { ...attrs }, content: [paragraph(draft.text)] };
}

function attendeeNode(attendee: Attendee, mentions: boolean): NodeJSON | string {
  const label = attendeeLabel(attendee);
  if (mentions && attendee.id !== undefined) {
    return { type: 'mention', attrs: { id: attendee.id, label } };
  }
  return attendee.name !== undefined && attendee.email !== undefined
    ? `${attendee.name} <${attendee.email}>`
    : label;
}

/** How an attendee is shown: name, else email, else id. */
export function attendeeLabel(attendee: Attendee): string {
  return attendee.name ?? attendee.email ?? attendee.id ?? '?';
}

/** The date line, e.g. "Tuesday 3 March 2026, 10:00–11:00 (Europe/Berlin)". */
export function formatMeetingTime(
  input: Pick<MeetingTemplateInput, 'start' | 'end' | 'allDay' | 'timeZone' | 'locale'>,
): string {
  const start = toDate(input.start);
  const end = input.end === undefined ? undefined : toDate(input.end);
  const options: Intl.DateTimeFormatOptions = input.allDay
    ? { dateStyle: 'full' }
    : { dateStyle: 'full', timeStyle: 'short' };
  if (input.timeZone !== undefined) options.timeZone = input.timeZone;
  const format = new Intl.DateTimeFormat(input.locale, options);
  const when =
    end === undefined || end <= start ? format.format(start) : format.formatRange(start, end);
  return input.timeZone === undefined || input.allDay ? when : `${when} (${input.timeZone})`;
}

function toDate(value: Date | string): Date {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`invalid meeting time: ${String(value)}`);
  return date;
}

function randomId(): string {
  // Web Crypto exists in every runtime we support (browsers, Electron, Node 24),
  // but shared/ is compiled without DOM or Node types, so it is looked up.
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (crypto?.randomUUID === undefined) throw new Error('no crypto.randomUUID: pass newId');
  return crypto.randomUUID();
}
