import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import {
  instantiateTemplate,
  parseTemplateContent,
  type SpaceTemplate,
} from '../../../shared/space-templates/index.ts';
import type { SpaceIndex } from '../../../shared/space-index/index.ts';
import type { DocRegistry } from '../../sync/index.ts';
import { t } from '../../i18n/index.ts';
import { newActionItemId } from '../editor/index.ts';
import { newPageId } from '../tree/index.ts';
import { noteSchema } from './create-meeting.ts';

export interface CreateFromTemplateOptions {
  readonly registry: DocRegistry;
  readonly index: SpaceIndex;
  readonly spaceId: string;
  readonly template: SpaceTemplate;
}

/**
 * Creates a page at the top of the space's tree, titled like the template,
 * whose note holds the template's content with fresh, open action items
 *; returns its id. The content is checked against the
 * note schema before anything is written, so a damaged template (saved by
 * another version, or by hand) changes nothing.
 * @throws Error with a message fit to show.
 */
export function createNoteFromTemplate({
  registry,
  index,
  spaceId,
  template,
}: CreateFromTemplateOptions): string {
  const content = parseTemplateContent(template.content);
  if (content === null) throw new Error(t('meeting.templateDamaged', { name: template.name }));
  const json = instantiateTemplate(content, newActionItemId);
  try {
    noteSchema().nodeFromJSON(json).check();
  } catch {
    throw new Error(t('meeting.templateUnreadable', { name: template.name }));
  }
  const id = newPageId();
  index.create({ id, title: template.name.slice(0, 200), parentId: null });
  const handle = registry.open({ spaceId, docId: id }, { created: true });
  // Retained while writing; the note's editor retains it once opened.
  const release = registry.retain(handle);
  try {
    prosemirrorJSONToYXmlFragment(noteSchema(), json, handle.body);
  } finally {
    release();
  }
  return id;
}
