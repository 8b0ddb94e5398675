import { PersonLink } from '../profile/index.ts';
import type { ReactNode } from 'react';
import type { CommentMention } from '../../../shared/comments/index.ts';

/**
 * A message's text with each `@Name` of its recorded mentions drawn as a
 * chip (the text itself stays plain, so it reads the same anywhere).
 */
export function MessageText({
  text,
  mentions,
}: {
  readonly text: string;
  readonly mentions: readonly CommentMention[];
}) {
  if (mentions.length === 0) return <>{text}</>;
  // Longest names first, so "@Ada Lovelace" wins over a mention of "@Ada".
  const names = [...mentions].sort((a, b) => b.name.length - a.name.length);
  const out: ReactNode[] = [];
  let rest = text;
  let key = 0;
  while (rest !== '') {
    let best: { index: number; mention: CommentMention } | null = null;
    for (const mention of names) {
      const index = rest.indexOf(`@${mention.name}`);
      if (index >= 0 && (best === null || index < best.index)) best = { index, mention };
    }
    if (best === null) {
      out.push(rest);
      break;
    }
    if (best.index > 0) out.push(rest.slice(0, best.index));
    out.push(
      <span key={(key += 1)} className="mention comment-mention" data-id={best.mention.sub}>
        <PersonLink personId={best.mention.sub} name={best.mention.name}>
          @{best.mention.name}
        </PersonLink>
      </span>,
    );
    rest = rest.slice(best.index + best.mention.name.length + 1);
  }
  return <>{out}</>;
}
