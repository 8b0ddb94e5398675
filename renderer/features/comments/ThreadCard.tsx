import { PersonLink } from '../profile/index.ts';
import type { CommentMention, CommentThread } from '../../../shared/comments/index.ts';
import { Composer } from './Composer.tsx';
import type { SearchPeople } from './MentionInput.tsx';
import { MessageText } from './MessageText.tsx';
import { RelativeTime, useT } from '../../i18n/index.ts';
import { Button } from '../../ui/index.ts';

export interface ThreadCardProps {
  readonly thread: CommentThread;
  readonly active: boolean;
  /** False when its text was deleted (the thread is kept, without a highlight). */
  readonly attached: boolean;
  readonly canEdit: boolean;
  readonly searchPeople: SearchPeople | null;
  readonly onFocus: () => void;
  readonly onReply: (text: string, mentions: readonly CommentMention[]) => void;
  readonly onResolve: () => void;
  readonly onReopen: () => void;
}

/** One thread: what it is about, its messages, a reply box, Resolve or Reopen. */
export function ThreadCard(props: ThreadCardProps) {
  const { thread } = props;
  const resolved = thread.resolved;
  const t = useT();
  return (
    <article
      id={`comment-thread-${thread.id}`}
      className="comment-thread"
      data-active={props.active}
      data-resolved={resolved !== null}
      aria-label={t('comments.threadLabel', { quote: thread.quote })}
      onFocus={props.onFocus}
      onClick={props.onFocus}
    >
      <blockquote className="comment-thread__quote">{thread.quote}</blockquote>
      {!props.attached && resolved === null && (
        <p className="comment-thread__detached" role="note">
          {t('comments.detached')}
        </p>
      )}
      <ol className="comment-thread__messages" aria-label={t('comments.messages')}>
        {thread.messages.map((m) => (
          <li key={m.id} className="comment-message">
            <p className="comment-message__meta">
              <strong>
                <PersonLink personId={m.author} name={m.authorName || m.author} />
              </strong>{' '}
              <RelativeTime value={m.createdAt} />
            </p>
            <p className="comment-message__text">
              <MessageText text={m.text} mentions={m.mentions} />
            </p>
          </li>
        ))}
      </ol>
      {thread.malformedMessages > 0 && (
        <p className="comment-thread__detached" role="note">
          {t('comments.unreadableMessages', { count: thread.malformedMessages })}
        </p>
      )}
      {resolved !== null && (
        <p className="comment-thread__resolved">
          {t('comments.resolvedBy', { name: resolved.byName || resolved.by })} ·{' '}
          <RelativeTime value={resolved.at} />
        </p>
      )}
      <Composer
        label={t('comments.reply')}
        submitLabel={t('comments.reply')}
        onSubmit={props.onReply}
        canEdit={props.canEdit}
        searchPeople={props.searchPeople}
      />
      {props.canEdit && (
        <div className="comment-thread__actions">
          {resolved === null ? (
            <Button size="sm" variant="ghost" onClick={props.onResolve}>
              {t('comments.resolve')}
            </Button>
          ) : (
            <Button size="sm" variant="ghost" onClick={props.onReopen}>
              {t('comments.reopen')}
            </Button>
          )}
        </div>
      )}
    </article>
  );
}
