import { useState } from 'react';
import type { PageTarget, PageTree } from '../../../shared/space-index/index.ts';
import { useT } from '../../i18n/index.ts';
import { Dialog, Button } from '../../ui/index.ts';
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
  const t = useT();
  const destinations = moveDestinations(tree, pageId);
  const [parent, setParent] = useState(tree.get(pageId)?.parentId ?? '');
  const [where, setWhere] = useState<'last' | 'first'>('last');
  const title = displayTitle(tree.get(pageId)?.title ?? '');

  return (
    <Dialog
      title={t('tree.moveTitle', { title })}
      onClose={onClose}
      onSubmit={() => {
        onMove({
          parentId: parent === '' ? null : parent,
          ...(where === 'first' ? { index: 0 } : {}),
        });
      }}
      footer={
        <>
          <Button onClick={onClose}>{t('ui.cancel')}</Button>
          <Button type="submit" variant="primary">
            {t('tree.moveButton')}
          </Button>
        </>
      }
    >
      <label className="dialog__field">
        {t('tree.putIn')}
        <select
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
        {t('tree.position')}
        <select
          className="input"
          value={where}
          onChange={(event) => {
            setWhere(event.target.value === 'first' ? 'first' : 'last');
          }}
        >
          <option value="last">{t('tree.atEnd')}</option>
          <option value="first">{t('tree.atTop')}</option>
        </select>
      </label>
    </Dialog>
  );
}
