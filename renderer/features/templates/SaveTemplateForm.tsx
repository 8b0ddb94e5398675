import { useT } from '../../i18n/index.ts';
import { useEffect, useRef, useState } from 'react';
import { MAX_TEMPLATE_NAME_LENGTH } from '../../../shared/space-templates/index.ts';
import { useSpaceTemplates } from './use-space-templates.ts';
import { Button } from '../../ui/index.ts';

export interface SaveTemplateFormProps {
  readonly spaceId: string;
  /** The name the form starts with (the note's title). */
  readonly defaultName: string;
  /** The note's content when "Save" is pressed (`editor.getJSON()`). */
  readonly content: () => unknown;
  /** Called with a message for people once saved (or on Cancel, with null). */
  readonly onDone: (message: string | null) => void;
}

/**
 * "Save as template": names the note's current content as
 * a template of this space. A refusal (too large, no name) is shown and the
 * form stays.
 */
export function SaveTemplateForm({ spaceId, defaultName, content, onDone }: SaveTemplateFormProps) {
  const { save, readOnlyReason } = useSpaceTemplates(spaceId);
  const t = useT();
  const [name, setName] = useState(defaultName);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.select();
  }, []);
  return (
    <form
      className="note-menu__template"
      aria-label={t('templates.saveAs')}
      onSubmit={(event) => {
        event.preventDefault();
        if (readOnlyReason !== null) {
          setError(readOnlyReason);
          return;
        }
        try {
          const saved = save(name, content());
          onDone(t('templates.saved', { name: saved.name }));
        } catch (e) {
          setError(e instanceof Error ? e.message : String(e));
        }
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onDone(null);
        }
      }}
    >
      <label className="dialog__field">
        {t('templates.name')}
        <input
          ref={input}
          className="input"
          value={name}
          maxLength={MAX_TEMPLATE_NAME_LENGTH}
          required
          onChange={(event) => {
            setName(event.target.value);
            setError(null);
          }}
        />
      </label>
      {error !== null && (
        <p className="sidebar__error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__buttons">
        <Button
          onClick={() => {
            onDone(null);
          }}
        >
          {t('ui.cancel')}
        </Button>
        <Button type="submit" variant="primary">
          {t('templates.save')}
        </Button>
      </div>
    </form>
  );
}
