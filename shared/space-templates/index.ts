/**
 * Public API of a space's own note templates, stored in the
 * space index Y.Doc. See shared/meeting/README.md, "Space templates".
 */
export {
  MAX_TEMPLATES,
  MAX_TEMPLATE_CONTENT_LENGTH,
  MAX_TEMPLATE_NAME_LENGTH,
  MAX_TEMPLATES_TOTAL_LENGTH,
  TEMPLATES_KEY,
  TemplateError,
  deleteTemplate,
  instantiateTemplate,
  listTemplates,
  parseTemplateContent,
  readTemplate,
  saveTemplate,
  templatesMap,
} from './templates.ts';
export type { SaveTemplateInput, SpaceTemplate, TemplateErrorCode } from './templates.ts';
