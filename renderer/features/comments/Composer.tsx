import { useState } from 'react';
import { CommentError, type CommentMention } from '../../../shared/comments/index.ts';
import { MentionInput, type SearchPeople } from './MentionInput.tsx';
import { useT } from '../../i18n/index.ts';
import { Button } from '../../ui/index.ts';

export interface ComposerProps {
  readonly label: string;
  readonly submitLabel: string;
  /** Writes the message; throws a CommentError to refuse it (the text stays). */
  readonly onSubmit: (text: string, mentions: readonly CommentMention[]) => void;
  readonly onCancel?: () => void;
  readonly canEdit: boolean;
  readonly searchPeople: SearchPeople | null;
  readonly autoFocus?: boolean;
}

/**
 * Writing a comment or a reply. When the person may not edit the note (a
 * viewer, or a note the relay refused), the relay would refuse the comment,
 * so the text stays in the box and the reason is shown instead of sending it.
 */
export function Composer(props: ComposerProps) {
  const [text, setText] = useState('');
  const [mentions, setMentions] = useState<readonly CommentMention[]>([]);
  const [error, setError] = useState<string | null>(null);
  const t = useT();

  const submit = () => {
    if (!props.canEdit || text.trim() === '') return;
    try {
      props.onSubmit(text, mentions);
      setText('');
      setMentions([]);
      setError(null);
    } catch (e) {
      setError(
        e instanceof CommentError ? e.message : t('comments.couldNotSave', { reason: String(e) }),
      );
    }
  };

  // Nothing to keep and nothing allowed: the panel says why once.
  if (!props.canEdit && text === '') return null;
  return (
    <form
      className="comment-composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <MentionInput
        label={props.label}
        value={text}
        mentions={mentions}
        onChange={(value, next) => {
          setText(value);
          setMentions(next);
        }}
        onSubmit={submit}
        searchPeople={props.searchPeople}
        autoFocus={props.autoFocus ?? false}
        placeholder={t('comments.placeholder')}
      />
      {error !== null && (
        <p className="comment-composer__error" role="alert">
          {error}
        </p>
      )}
      {!props.canEdit && (
        <p className="comment-composer__error" role="note">
          {t('comments.cannotComment')}
        </p>
      )}
      <div className="comment-composer__actions">
        {props.onCancel && (
          <Button size="sm" variant="ghost" onClick={props.onCancel}>
            {t('ui.cancel')}
          </Button>
        )}
        <Button
          size="sm"
          variant="primary"
          type="submit"
          disabled={!props.canEdit || text.trim() === ''}
        >
          {props.submitLabel}
        </Button>
      </div>
    </form>
  );
}
