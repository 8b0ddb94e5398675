import { useEffect, useId, useRef, useState } from 'react';
import type { PageTarget, PageTree } from '../../../shared/space-index/index.ts';
import { moveDestinations } from './drop.ts';
import { displayTitle } from './tree-context.ts';

export interface MoveDialogProps {
  readonly tree: PageTree;
  readonly pageId: string;
  readonly onMove: (target: PageTarget) => void;
  readonly onClose: () => void;
}

/**
 * "Move to…": the keyboard (and screen reader) way to do what drag and drop
 * does. Choose the new parent and whether the page goes first or last there.
 */
export function MoveDialog({ tree, pageId, onMove, onClose }: MoveDialogProps) {
  const titleId = useId();
  const destinations = moveDestinations(tree, pageId);
  const [parent, setParent] = useState(tree.get(pageId)?.parentId ?? '');
  const [where, setWhere] = useState<'last' | 'first'>('last');
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    first.current?.focus();
  }, []);
  const title = displayTitle(tree.get(pageId)?.title ?? '');

  return (
    <div
      className="dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <form
        className="dialog__body"
        onSubmit={(event) => {
          event.preventDefault();
          onMove({
            parentId: parent === '' ? null : parent,
            ...(where === 'first' ? { index: 0 } : {}),
          });
        }}
      >
        <h2 id={titleId} className="dialog__title">
          Move “{title}”
        </h2>
        <label className="dialog__field">
          Put it in
          <select
            ref={first}
            className="input"
            value={parent}
            onChange={(event) => {
              setParent(event.target.value);
            }}
          >
            {destinations.map((d) => (
              <option key={d.id ?? ''} value={d.id ?? ''}>
                {'\u2003'.repeat(Math.max(0, d.depth - 1))}
                {d.id === null ? d.title : displayTitle(d.title)}
              </option>
            ))}
          </select>
        </label>
        <label className="dialog__field">
          Position
          <select
            className="input"
            value={where}
            onChange={(event) => {
              setWhere(event.target.value === 'first' ? 'first' : 'last');
            }}
          >
            <option value="last">At the end</option>
            <option value="first">At the top</option>
          </select>
        </label>
        <div className="dialog__buttons">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            Move
          </button>
        </div>
      </form>
    </div>
  );
}
