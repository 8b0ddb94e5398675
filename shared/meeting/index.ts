/**
 * Public API of meeting notes: the template, structured
 * action items in a note's Y.Doc, and .ics import. See README.md.
 */
export {
  DEFAULT_LABELS,
  actionItemNode,
  attendeeLabel,
  formatMeetingTime,
  meetingNoteTemplate,
} from './template.ts';
export type { ActionItemDraft, Attendee, MeetingLabels, MeetingTemplateInput } from './template.ts';
export type { MarkJSON, NodeJSON } from './node-json.ts';
export {
  ACTION_ITEM_NODE,
  ACTION_LIST_NODE,
  ensureActionItemIds,
  isCalendarDate,
  openActionItems,
  readActionItems,
  setActionItemChecked,
} from './action-items.ts';
export type { ActionItem, ActionItemAttrs } from './action-items.ts';
export { MAX_ICS_ATTENDEES, MAX_ICS_BYTES, meetingFromInvite, parseIcsInvite } from './ics.ts';
export type { IcsInvite, IcsOptions, IcsPerson } from './ics.ts';
export { IcsError } from './errors.ts';
export type { IcsErrorCode } from './errors.ts';
export { isKnownTimeZone, localTimeZone, zonedTimeToUtc } from './zoned-time.ts';
export type { WallTime } from './zoned-time.ts';
