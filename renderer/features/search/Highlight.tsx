import type { MatchRange } from '../../../shared/search/index.ts';

export interface HighlightProps {
  readonly text: string;
  /** `[start, end)` UTF-16 offsets into `text` (shared/search NoteHit ranges). */
  readonly ranges: readonly MatchRange[];
}

/**
 * `text` with the matched ranges in `<mark>`. Ranges are clamped, sorted
 * and overlaps merged, so a bad range can never drop or repeat text.
 */
export function Highlight({ text, ranges }: HighlightProps) {
  const parts: { text: string; mark: boolean }[] = [];
  let at = 0;
  const sorted = ranges
    .map(([a, b]): MatchRange => [Math.max(0, a), Math.min(text.length, b)])
    .filter(([a, b]) => a < b)
    .sort((x, y) => x[0] - y[0]);
  for (const [a, b] of sorted) {
    const start = Math.max(a, at);
    if (start >= b) continue;
    const last = parts.at(-1);
    if (start > at) parts.push({ text: text.slice(at, start), mark: false });
    else if (last?.mark === true && at > 0) {
      // Touches the previous range: one mark, not two.
      last.text += text.slice(start, b);
      at = b;
      continue;
    }
    parts.push({ text: text.slice(start, b), mark: true });
    at = b;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return (
    <>
      {parts.map((part, i) =>
        part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}
