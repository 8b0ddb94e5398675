export { SaveTemplateForm, type SaveTemplateFormProps } from './SaveTemplateForm.tsx';
export { useSpaceTemplates, type SpaceTemplatesView } from './use-space-templates.ts';
