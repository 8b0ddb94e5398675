import { useState } from 'react';
import type { SpaceTemplate } from '../../../shared/space-templates/index.ts';
import { useT } from '../../i18n/index.ts';
import { Dialog, Button } from '../../ui/index.ts';
import { useSpaceTemplates } from '../templates/index.ts';
import './meeting-extras.css';

export interface NewFromTemplateDialogProps {
  readonly spaceId: string;
  /** The built-in meeting template: opens the "New meeting note" form. */
  readonly onMeeting: () => void;
  /** Creates a note from one of the space's templates; a thrown error is shown. */
  readonly onTemplate: (template: SpaceTemplate) => void;
  readonly onClose: () => void;
}

/**
 * "New from template": the built-in meeting template
 * first, then the space's own templates; editors can delete those.
 */
export function NewFromTemplateDialog({
  spaceId,
  onMeeting,
  onTemplate,
  onClose,
}: NewFromTemplateDialogProps) {
  const t = useT();
  const { templates, readOnlyReason, remove } = useSpaceTemplates(spaceId);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  return (
    <Dialog
      title={t('meeting.templatesTitle')}
      onClose={onClose}
      footer={<Button onClick={onClose}>{t('ui.close')}</Button>}
    >
      {error !== null && (
        <p className="sidebar__error" role="alert">
          {error}
        </p>
      )}
      <ul className="templates__list" aria-label={t('meeting.templates')}>
        <li className="templates__row">
          <Button className="templates__use" onClick={onMeeting}>
            {t('meeting.meetingNote')}{' '}
            <span className="templates__meta">{t('meeting.builtIn')}</span>
          </Button>
        </li>
        {templates.map((template) => (
          <li key={template.id} className="templates__row">
            <Button
              className="templates__use"
              onClick={() => {
                try {
                  onTemplate(template);
                } catch (e) {
                  setError(e instanceof Error ? e.message : String(e));
                }
              }}
            >
              {template.name}
            </Button>
            {readOnlyReason === null &&
              (confirming === template.id ? (
                <Button
                  onClick={() => {
                    remove(template.id);
                    setConfirming(null);
                  }}
                >
                  {t('meeting.reallyDelete', { name: template.name })}
                </Button>
              ) : (
                <Button
                  aria-label={t('meeting.deleteTemplate', { name: template.name })}
                  onClick={() => {
                    setConfirming(template.id);
                  }}
                >
                  {t('meeting.delete')}
                </Button>
              ))}
          </li>
        ))}
      </ul>
      {templates.length === 0 && <p className="sidebar__hint">{t('meeting.noTemplates')}</p>}
    </Dialog>
  );
}
