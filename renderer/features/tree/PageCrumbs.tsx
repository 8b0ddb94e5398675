import { HOME_DOC_ID } from '../../../shared/space-index/index.ts';
import { useT } from '../../i18n/index.ts';
import { displayTitle } from './tree-context.ts';
import { useSpaceIndex } from './use-space-index.ts';

export interface PageCrumbsProps {
  readonly spaceId: string;
  readonly spaceName: string;
  /** The open note; the space's home note shows as Home, another note that is no page of the tree shows its id. */
  readonly pageId: string;
}

/** Top-bar breadcrumbs: the space, then the page's ancestors and the page (from the tree). */
export function PageCrumbs({ spaceId, spaceName, pageId }: PageCrumbsProps) {
  const t = useT();
  const { tree } = useSpaceIndex(spaceId);
  const path = tree.path(pageId);
  const last = path.at(-1);
  return (
    <nav className="crumbs" aria-label={t('tree.breadcrumbs')}>
      <span>{spaceName}</span>
      {path.slice(0, -1).map((page) => (
        <span key={page.id}> / {displayTitle(page.title)}</span>
      ))}
      {' / '}
      <strong aria-current="page">
        {last ? displayTitle(last.title) : pageId === HOME_DOC_ID ? t('tree.home') : pageId}
      </strong>
    </nav>
  );
}
