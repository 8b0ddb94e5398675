import type { DecorationAttrs } from '@tiptap/pm/view';
import { IDENTITY_COLORS } from '../../identity/index.ts';
import { t } from '../../i18n/index.ts';
import { AwarenessUserSchema } from '../../sync/index.ts';

/**
 * Remote carets and selections for CollaborationCaret. The user record comes
 * from another client's awareness, so it is validated here; the name goes in
 * as an attribute (never markup) and the colour through CSSOM (allowed under
 * a strict CSP, unlike a `style` attribute).
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const parsed = AwarenessUserSchema.safeParse(user);
  const name = parsed.success ? parsed.data.name : t('presence.anonymous');
  const color = parsed.success ? parsed.data.color : '#8b8d98';

  const caret = document.createElement('span');
  caret.className = 'remote-caret';
  caret.style.borderColor = color;
  // A screen reader meets the caret while reading the line and says whose it is.
  caret.setAttribute('role', 'img');
  caret.setAttribute('aria-label', t('presence.caret', { name }));

  const label = document.createElement('span');
  label.className = 'remote-caret__label';
  label.style.backgroundColor = color;
  // Drawn by CSS (`content: attr(data-name)`), so the name is never part of
  // the note's text: not in textContent or copy; assistive tech reads the
  // caret's label instead (an img's children are presentational).
  label.dataset['name'] = name;
  caret.append(label);
  return caret;
}

/**
 * Selections are decorations, whose attributes ProseMirror writes as markup,
 * so the colour is a class from the identity palette rather than a `style`.
 */
export function renderSelection(user: Record<string, unknown>): DecorationAttrs {
  const parsed = AwarenessUserSchema.safeParse(user);
  const index = parsed.success
    ? IDENTITY_COLORS.findIndex((c) => c.toLowerCase() === parsed.data.color.toLowerCase())
    : -1;
  return {
    class: index >= 0 ? `remote-selection remote-selection--${index}` : 'remote-selection',
  };
}
