import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import {
  meetingNoteTemplate,
  type MeetingLabels,
  type MeetingTemplateInput,
} from '../../../shared/meeting/index.ts';
import type { SpaceIndex } from '../../../shared/space-index/index.ts';
import type { DocRegistry } from '../../sync/index.ts';
import { currentLanguage, t } from '../../i18n/index.ts';
import { newActionItemId, noteExtensions } from '../editor/index.ts';
import { newPageId } from '../tree/index.ts';

let schema: Schema | null = null;

/**
 * The note's own record of when its meeting takes place: a map beside the
 * body (`start`, `end` as ISO strings), so Home can list upcoming meetings
 * without parsing the formatted time in the text.
 */
export const MEETING_FIELD = 'meeting';

/** The note schema the editor uses (built once): the template is checked against it. */
export function noteSchema(): Schema {
  schema ??= getSchema(noteExtensions());
  return schema;
}

/** The meeting template's headings in the UI language. */
export function meetingLabels(): MeetingLabels {
  return {
    untitled: t('meeting.defaultTitle'),
    attendees: t('meeting.labels.attendees'),
    agenda: t('meeting.labels.agenda'),
    notes: t('meeting.labels.notes'),
    decisions: t('meeting.labels.decisions'),
    actionItems: t('meeting.labels.actionItems'),
  };
}

export interface CreateMeetingOptions {
  readonly registry: DocRegistry;
  /** The space's index (the page tree), written locally so it works offline. */
  readonly index: SpaceIndex;
  readonly spaceId: string;
  readonly input: MeetingTemplateInput;
}

/**
 * Creates a page of kind 'meeting' at the top of the space's tree whose
 * note body is the meeting template, and returns its id.
 * The template is built and checked against the schema before anything is
 * written, so a bad date changes nothing.
 * @throws RangeError for an invalid date; SpaceIndexError when the tree refuses.
 */
export function createMeetingNote({
  registry,
  index,
  spaceId,
  input,
}: CreateMeetingOptions): string {
  const json = meetingNoteTemplate({
    newId: newActionItemId,
    // The note is written in the language of the person creating it.
    locale: currentLanguage(),
    labels: meetingLabels(),
    ...input,
  });
  const node = noteSchema().nodeFromJSON(json);
  node.check();
  const id = newPageId();
  // An untitled meeting is named in the language of the person creating it.
  const title = input.title.trim() === '' ? t('meeting.defaultTitle') : input.title.trim();
  index.create({ id, title: title.slice(0, 200), parentId: null, kind: 'meeting' });
  const handle = registry.open({ spaceId, docId: id }, { created: true });
  // Retained while writing; the note's editor retains it once opened, and
  // the registry closes a released doc only after an idle delay.
  const release = registry.retain(handle);
  try {
    handle.doc.transact(() => {
      prosemirrorJSONToYXmlFragment(noteSchema(), json, handle.body);
      const when = handle.doc.getMap(MEETING_FIELD);
      when.set('start', new Date(input.start).toISOString());
      if (input.end !== undefined) when.set('end', new Date(input.end).toISOString());
    });
  } finally {
    release();
  }
  return id;
}
