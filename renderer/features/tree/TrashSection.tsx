import type { Page } from '../../../shared/space-index/index.ts';
import { displayTitle } from './tree-context.ts';
import { useFormat, useT } from '../../i18n/index.ts';
import { Button } from '../../ui/index.ts';

export interface TrashSectionProps {
  readonly pages: readonly Page[];
  readonly readOnly: boolean;
  readonly onRestore: (id: string) => void;
}

/** Archived pages (each hides its subtree), most recent first, with "Restore". */
export function TrashSection({ pages, readOnly, onRestore }: TrashSectionProps) {
  const t = useT();
  const format = useFormat();
  return (
    <details className="trash">
      <summary className="trash__summary">
        {t('tree.trash', { number: format.number(pages.length) })}
      </summary>
      {pages.length === 0 ? (
        <p className="sidebar__hint">{t('tree.trashEmpty')}</p>
      ) : (
        <ul className="trash__list" aria-label={t('tree.archived')}>
          {pages.map((page) => (
            <li key={page.id} className="trash__item">
              <span className="trash__title">{displayTitle(page.title)}</span>
              {!readOnly && (
                <Button
                  className="trash__restore"
                  aria-label={t('tree.restoreNamed', { title: displayTitle(page.title) })}
                  onClick={() => {
                    onRestore(page.id);
                  }}
                >
                  {t('tree.restore')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
