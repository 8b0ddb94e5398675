import { t } from '../../i18n/index.ts';
import Link from '@tiptap/extension-link';
import { isAllowedLinkHref } from '../../../shared/markdown/index.ts';

/**
 * Links in notes: only http(s) and mailto (shared/markdown/links.ts), for
 * typed, pasted, auto-detected and imported links alike. Clicking does not
 * navigate inside the app; opening goes through the host (open-external,
 * which validates again) in a later change.
 */
export const NoteLink = Link.configure({
  openOnClick: false,
  autolink: true,
  linkOnPaste: true,
  defaultProtocol: 'https',
  isAllowedUri: (url) => isAllowedLinkHref(url),
  shouldAutoLink: (url) => isAllowedLinkHref(url) || isAllowedLinkHref(`https://${url}`),
  HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
});

/** Sets (or, with '', removes) the link on the selection; false when refused. */
export function linkHrefOrRefusal(input: string): { href: string } | { error: string } {
  const href = input.trim();
  if (isAllowedLinkHref(href)) return { href };
  if (/^[\w.-]+\.[a-z]{2,}(?:[/?#]\S*)?$/i.test(href) && isAllowedLinkHref(`https://${href}`)) {
    return { href: `https://${href}` };
  }
  return { error: t('editor.badLink') };
}
