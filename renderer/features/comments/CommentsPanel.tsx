import { useCallback, useEffect, useState } from 'react';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import {
  createThread,
  reopenThread,
  replyToThread,
  resolveThread,
  type Anchor,
  type CommentAuthor,
  type CommentMention,
} from '../../../shared/comments/index.ts';
import { anchorForRange } from './anchors.ts';
import { Composer } from './Composer.tsx';
import { commentHighlights, commentHighlightsKey, setActiveThread } from './highlights.ts';
import type { SearchPeople } from './MentionInput.tsx';
import { ThreadCard } from './ThreadCard.tsx';
import { useEditorComments } from './use-editor-comments.ts';
import { useThreads } from './use-threads.ts';
import { t as translate, useT } from '../../i18n/index.ts';
import { Button } from '../../ui/index.ts';
import './comments.css';

/**
 * The origin of every comment transaction. The editor's undo manager tracks
 * only the sync plugin's origin, so Ctrl+Z in the note never undoes a comment.
 */
export const COMMENTS_ORIGIN = Symbol('commonplace-comments');

export interface CommentsPanelProps {
  readonly editor: Editor;
  /** The note's Y.Doc (the comments live in it, beside the body). */
  readonly doc: Y.Doc;
  readonly me: CommentAuthor;
  /** Only people who can edit the note can comment: the relay refuses a viewer's updates. */
  readonly canEdit: boolean;
  /**
   * Why the note is read-only for this person for good (a viewer), or null.
   * While the note is merely loading, nothing is said.
   */
  readonly readOnlyReason?: string | null | undefined;
  readonly searchPeople: SearchPeople | null;
}

interface Draft {
  readonly anchor: Anchor;
  readonly quote: string;
}

/**
 * Comments beside the note: a "Comment" button at a
 * selection opens a composer; threads with replies, Resolve and Reopen; the
 * commented text is highlighted in the note, and clicking it focuses its thread.
 */
export function CommentsPanel({
  editor,
  doc,
  me,
  canEdit,
  readOnlyReason = null,
  searchPeople,
}: CommentsPanelProps) {
  const { threads, malformed } = useThreads(doc);
  const { active, attached, selection } = useEditorComments(editor);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const t = useT();

  const focusThread = useCallback(
    (id: string | null) => {
      if (
        !editor.isDestroyed &&
        (commentHighlightsKey.getState(editor.state)?.active ?? null) !== id
      ) {
        setActiveThread(editor.view, id);
      }
    },
    [editor],
  );

  useEffect(() => {
    if (editor.isDestroyed) return;
    editor.registerPlugin(commentHighlights({ doc, onActivate: focusThread }));
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(commentHighlightsKey);
    };
  }, [editor, doc, focusThread]);

  useEffect(() => {
    if (active === null) return;
    document.getElementById(`comment-thread-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const startDraft = useCallback(() => {
    if (editor.isDestroyed) return;
    const { from, to } = editor.state.selection;
    const anchor = anchorForRange(editor.state, from, to);
    if (anchor === null) {
      setProblem(translate('comments.selectFirst'));
      return;
    }
    setProblem(null);
    setDraft({ anchor, quote: editor.state.doc.textBetween(from, to, ' ') });
  }, [editor]);

  // Ctrl/Cmd+Alt+M comments on the selection, as in other editors.
  useEffect(() => {
    if (editor.isDestroyed || !canEdit) return;
    const dom = editor.view.dom;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM') {
        event.preventDefault();
        startDraft();
      }
    };
    dom.addEventListener('keydown', onKey);
    return () => {
      dom.removeEventListener('keydown', onKey);
    };
  }, [editor, canEdit, startDraft]);

  const now = () => Date.now();
  const open = threads.filter((t) => t.resolved === null);
  const shown = showResolved ? threads : open;
  const resolvedCount = threads.length - open.length;
  // The margin takes room only when there is something to show in it: open
  // threads, a comment being written, or resolved ones the person asked for.
  const margin = open.length > 0 || draft !== null || (showResolved && resolvedCount > 0);

  return (
    <aside className="comments-panel" aria-label={t('comments.title')} data-open={margin}>
      {(margin || resolvedCount > 0) && (
        <header className="comments-panel__header">
          {margin && <h2>{t('comments.title')}</h2>}
          {resolvedCount > 0 && (
            <label className="comments-panel__toggle">
              <input
                type="checkbox"
                checked={showResolved}
                onChange={(event) => {
                  setShowResolved(event.target.checked);
                }}
              />
              {t('comments.showResolved', { count: resolvedCount })}
            </label>
          )}
        </header>
      )}
      {!canEdit && readOnlyReason !== null && (
        <p className="comments-panel__note" role="note">
          {t('comments.readOnly')}
        </p>
      )}
      {problem !== null && (
        <p className="comments-panel__note" role="alert">
          {problem}
        </p>
      )}
      {canEdit && selection !== null && draft === null && (
        <Button
          size="sm"
          className="comment-float"
          style={selection.at ? { left: selection.at.left, top: selection.at.top + 6 } : {}}
          data-positioned={selection.at !== null}
          // Keep the note's selection: act on mousedown, not after a blur.
          onMouseDown={(event) => {
            event.preventDefault();
          }}
          onClick={startDraft}
        >
          {t('comments.comment')}
        </Button>
      )}
      {draft !== null && (
        <section
          className="comment-thread comment-thread--draft"
          aria-label={t('comments.newComment')}
        >
          <blockquote className="comment-thread__quote">{draft.quote}</blockquote>
          <Composer
            label={t('comments.comment')}
            submitLabel={t('comments.comment')}
            autoFocus
            canEdit={canEdit}
            searchPeople={searchPeople}
            onCancel={() => {
              setDraft(null);
            }}
            onSubmit={(text, mentions) => {
              const id = createThread(
                doc,
                {
                  anchor: draft.anchor,
                  quote: draft.quote,
                  author: me,
                  text,
                  mentions,
                  now: now(),
                },
                COMMENTS_ORIGIN,
              );
              setDraft(null);
              focusThread(id);
            }}
          />
        </section>
      )}
      <div className="comments-panel__threads" role="list" aria-label={t('comments.threads')}>
        {shown.map((thread) => (
          <div role="listitem" key={thread.id}>
            <ThreadCard
              thread={thread}
              active={thread.id === active}
              attached={attached.has(thread.id)}
              canEdit={canEdit}
              searchPeople={searchPeople}
              onFocus={() => {
                focusThread(thread.id);
              }}
              onReply={(text: string, mentions: readonly CommentMention[]) => {
                replyToThread(
                  doc,
                  thread.id,
                  { author: me, text, mentions, now: now() },
                  COMMENTS_ORIGIN,
                );
              }}
              onResolve={() => {
                resolveThread(doc, thread.id, me, now(), COMMENTS_ORIGIN);
              }}
              onReopen={() => {
                reopenThread(doc, thread.id, COMMENTS_ORIGIN);
              }}
            />
          </div>
        ))}
      </div>
      {malformed > 0 && (
        <p className="comments-panel__note" role="note">
          {t('comments.unreadableThreads', { count: malformed })}
        </p>
      )}
    </aside>
  );
}
