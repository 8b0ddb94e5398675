import { useState } from 'react';
import type { SpaceTemplate } from '../../../shared/space-templates/index.ts';
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
  const { templates, readOnlyReason, remove } = useSpaceTemplates(spaceId);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  return (
    <Dialog
      title="New from template"
      onClose={onClose}
      footer={<Button onClick={onClose}>Close</Button>}
    >
      {error !== null && (
        <p className="sidebar__error" role="alert">
          {error}
        </p>
      )}
      <ul className="templates__list" aria-label="Templates">
        <li className="templates__row">
          <Button className="templates__use" onClick={onMeeting}>
            Meeting note <span className="templates__meta">built in</span>
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
                  Really delete “{template.name}”
                </Button>
              ) : (
                <Button
                  aria-label={`Delete template ${template.name}`}
                  onClick={() => {
                    setConfirming(template.id);
                  }}
                >
                  Delete
                </Button>
              ))}
          </li>
        ))}
      </ul>
      {templates.length === 0 && (
        <p className="sidebar__hint">
          This space has no templates of its own yet: “Save as template…” in a note’s ⋯ menu adds
          one.
        </p>
      )}
    </Dialog>
  );
}
