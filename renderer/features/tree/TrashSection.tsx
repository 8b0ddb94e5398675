import type { Page } from '../../../shared/space-index/index.ts';
import { displayTitle } from './tree-context.ts';
import { Button } from '../../ui/index.ts';

export interface TrashSectionProps {
  readonly pages: readonly Page[];
  readonly readOnly: boolean;
  readonly onRestore: (id: string) => void;
}

/** Archived pages (each hides its subtree), most recent first, with "Restore". */
export function TrashSection({ pages, readOnly, onRestore }: TrashSectionProps) {
  return (
    <details className="trash">
      <summary className="trash__summary">Trash ({pages.length})</summary>
      {pages.length === 0 ? (
        <p className="sidebar__hint">Archived pages show here.</p>
      ) : (
        <ul className="trash__list" aria-label="Archived pages">
          {pages.map((page) => (
            <li key={page.id} className="trash__item">
              <span className="trash__title">{displayTitle(page.title)}</span>
              {!readOnly && (
                <Button
                  className="trash__restore"
                  aria-label={`Restore ${displayTitle(page.title)}`}
                  onClick={() => {
                    onRestore(page.id);
                  }}
                >
                  Restore
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
