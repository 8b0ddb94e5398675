import type { CommentMention, CommentThread } from '../../../shared/comments/index.ts';
import { Composer } from './Composer.tsx';
import type { SearchPeople } from './MentionInput.tsx';
import { MessageText } from './MessageText.tsx';

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

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** One thread: what it is about, its messages, a reply box, Resolve or Reopen. */
export function ThreadCard(props: ThreadCardProps) {
  const { thread } = props;
  const resolved = thread.resolved;
  return (
    <article
      id={`comment-thread-${thread.id}`}
      className="comment-thread"
      data-active={props.active}
      data-resolved={resolved !== null}
      aria-label={`Comment on “${thread.quote}”`}
      onFocus={props.onFocus}
      onClick={props.onFocus}
    >
      <blockquote className="comment-thread__quote">{thread.quote}</blockquote>
      {!props.attached && resolved === null && (
        <p className="comment-thread__detached" role="note">
          The commented text was deleted.
        </p>
      )}
      <ol className="comment-thread__messages" aria-label="Messages">
        {thread.messages.map((m) => (
          <li key={m.id} className="comment-message">
            <p className="comment-message__meta">
              <strong>{m.authorName || m.author}</strong>{' '}
              <time dateTime={new Date(m.createdAt).toISOString()}>{time.format(m.createdAt)}</time>
            </p>
            <p className="comment-message__text">
              <MessageText text={m.text} mentions={m.mentions} />
            </p>
          </li>
        ))}
      </ol>
      {thread.malformedMessages > 0 && (
        <p className="comment-thread__detached" role="note">
          {thread.malformedMessages} unreadable message(s) not shown.
        </p>
      )}
      {resolved !== null && (
        <p className="comment-thread__resolved">
          Resolved by {resolved.byName || resolved.by} · {time.format(resolved.at)}
        </p>
      )}
      <Composer
        label="Reply"
        submitLabel="Reply"
        onSubmit={props.onReply}
        canEdit={props.canEdit}
        searchPeople={props.searchPeople}
      />
      {props.canEdit && (
        <>
          <div className="comment-thread__actions">
            {resolved === null ? (
              <button type="button" onClick={props.onResolve}>
                Resolve
              </button>
            ) : (
              <button type="button" onClick={props.onReopen}>
                Reopen
              </button>
            )}
          </div>
        </>
      )}
    </article>
  );
}
