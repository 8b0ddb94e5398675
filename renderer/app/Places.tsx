import type { ReactNode } from 'react';
import { useT } from '../i18n/index.ts';
import { searchForRoute, viewRoute, type View } from './route.ts';

export interface PlacesProps {
  /** The view shown now, or null while a note is. */
  readonly current: View | null;
  readonly unread: number;
  readonly onGo: (view: View) => void;
  /** The search entry (it opens the Ctrl+K palette). */
  readonly search: ReactNode;
}

/** The person's own places at the top of the sidebar: search, Home, Inbox, My action items, Browse spaces. */
export function Places({ current, unread, onGo, search }: PlacesProps) {
  const t = useT();
  const place = (view: View, label: string, extra?: ReactNode, name?: string) => (
    <a
      className="sidebar__place"
      href={searchForRoute(viewRoute(view)) || '?'}
      aria-current={current === view ? 'page' : undefined}
      aria-label={name}
      onClick={(event) => {
        event.preventDefault();
        onGo(view);
      }}
    >
      <span className="sidebar__place-name">{label}</span>
      {/* A space between name and count: the visible text reads "Inbox 3", as its name says. */}
      {extra && ' '}
      {extra}
    </a>
  );
  return (
    <nav className="sidebar__places" aria-label={t('nav.places')}>
      {search}
      {place('home', t('nav.home'))}
      {place(
        'inbox',
        t('nav.inbox'),
        unread > 0 && (
          <span className="sidebar__count" aria-hidden="true">
            {unread}
          </span>
        ),
        unread > 0 ? t('nav.inboxUnread', { count: unread }) : undefined,
      )}
      {place('actions', t('nav.myActions'))}
      {place('experts', t('profile.nav'))}
      {place('browse', t('openSpaces.browse'))}
    </nav>
  );
}
