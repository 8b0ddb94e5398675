/**
 * The link policy of notes: only `http:`, `https:` and
 * `mailto:` links are kept, so a pasted or imported `javascript:`, `data:`
 * or `file:` URL can never become a clickable link. The editor, the
 * Markdown importer and (later) the host's open-external all use this one
 * rule.
 */
/** Longest href kept; longer ones are refused rather than truncated. */
export const MAX_LINK_LENGTH = 2048;

/**
 * True when `href` is an absolute http(s) or mailto URL that parses.
 * Control characters and whitespace inside are refused (they hide schemes
 * from naive checks, e.g. `java\tscript:`).
 */
export function isAllowedLinkHref(href: string): boolean {
  if (href.length === 0 || href.length > MAX_LINK_LENGTH) return false;
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u0020\u007f]/.test(href)) return false;
  // Checked by pattern rather than `URL` (shared/ has no DOM or Node
  // globals): a scheme, then for http(s) a non-empty host.
  if (/^mailto:[^/\\]\S*$/i.test(href)) return true;
  return /^https?:\/\/[^\s/?#\\]+(?:[/?#]\S*)?$/i.test(href);
}
