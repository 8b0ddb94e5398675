import { useState } from 'react';
import type { PageTarget, PageTree } from '../../../shared/space-index/index.ts';
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
  const destinations = moveDestinations(tree, pageId);
  const [parent, setParent] = useState(tree.get(pageId)?.parentId ?? '');
  const [where, setWhere] = useState<'last' | 'first'>('last');
  const title = displayTitle(tree.get(pageId)?.title ?? '');

  return (
    <Dialog
      title={`Move “${title}”`}
      onClose={onClose}
      onSubmit={() => {
        onMove({
          parentId: parent === '' ? null : parent,
          ...(where === 'first' ? { index: 0 } : {}),
        });
      }}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary">
            Move
          </Button>
        </>
      }
    >
      <label className="dialog__field">
        Put it in
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
    </Dialog>
  );
}
