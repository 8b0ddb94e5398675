import { z } from 'zod';
import { ID_PATTERN } from '../wire.ts';

/** Sizes of a notification's text; longer text is refused (the renderer shortens it first). */
export const NOTIFY_LIMITS = { title: 200, body: 1000 } as const;

// A JSON Web Token (three base64url parts, the first one a JSON object):
// notification text is shown on the lock screen and kept by the OS, so a
// token pasted into a comment must never end up there.
const JWT_LIKE = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/;

/** C0 controls and DEL (escape sequences, line breaks): never part of plain notification text. */
function isControl(code: number): boolean {
  return code < 0x20 || code === 0x7f;
}

/** `text` with every control character replaced by a space (they are single UTF-16 units). */
function withoutControls(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    out += isControl(text.charCodeAt(i)) ? ' ' : text.charAt(i);
  }
  return out;
}

const TextSchema = (max: number) =>
  z
    .string()
    .max(max)
    // Plain text on one line: the renderer turns line breaks into spaces first.
    .refine((s) => withoutControls(s) === s, { error: 'control characters are not allowed' })
    .refine((s) => !JWT_LIKE.test(s), { error: 'must not contain a token' });

/** `host.notify(...)`: a native notification that opens a note when clicked. */
export const NotifyRequestSchema = z
  .object({
    title: TextSchema(NOTIFY_LIMITS.title).min(1),
    body: TextSchema(NOTIFY_LIMITS.body),
    target: z
      .object({ spaceId: z.string().regex(ID_PATTERN), docId: z.string().regex(ID_PATTERN) })
      .strict(),
  })
  .strict();
export type NotifyRequest = z.infer<typeof NotifyRequestSchema>;

/**
 * Text made fit for a notification: control characters and line breaks
 * become spaces, runs of spaces one, anything that looks like a token is
 * replaced, and it is cut to `max` characters with "…".
 */
export function notificationText(text: string, max: number): string {
  const flat = withoutControls(text)
    .replace(new RegExp(JWT_LIKE.source, 'g'), '[token hidden]')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
