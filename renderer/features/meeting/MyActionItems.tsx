import { useId } from 'react';
import type { RoomName } from '../../../shared/wire.ts';
import { useT } from '../../i18n/index.ts';
import { Button } from '../../ui/index.ts';
import { ActionItemRow } from './ActionItemRow.tsx';
import { actionItemKey, useMyActionItems } from './use-my-action-items.ts';
import './meeting-extras.css';
import './meeting.css';

export interface MyActionItemsProps {
  /** The signed-in person's `sub`: items assigned to it are listed. */
  readonly sub: string;
  readonly hrefFor: (room: RoomName) => string;
  readonly onOpen: (room: RoomName) => void;
}

/**
 * "My action items": a view of the main area listing every open action item
 * assigned to me in the notes this device holds, each linking to its note;
 * ticking one ticks it in the note.
 */
export function MyActionItemsView({ sub, hrefFor, onOpen }: MyActionItemsProps) {
  const t = useT();
  const headingId = useId();
  const { state, items, error, ticking, tick, reload } = useMyActionItems(sub);
  return (
    <section className="view meeting-mine" aria-labelledby={headingId}>
      <header className="view__header">
        <h1 id={headingId} className="view__title">
          {t('actions.title')}
        </h1>
        <Button onClick={reload}>{t('actions.refresh')}</Button>
      </header>
      {error !== null && (
        <p className="sidebar__error" role="alert">
          {error}
        </p>
      )}
      {state.status === 'loading' && <p className="view__empty">{t('actions.loading')}</p>}
      {state.status === 'error' && (
        <p className="sidebar__error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' &&
        (items.length === 0 ? (
          <p className="view__empty">{t('actions.none')}</p>
        ) : (
          <ul className="meeting-mine__list" aria-label={t('actions.title')}>
            {items.map((item) => (
              <ActionItemRow
                key={actionItemKey(item)}
                item={item}
                checked={ticking.has(actionItemKey(item))}
                onTick={() => void tick(item, t('actions.changedElsewhere'))}
                hrefFor={hrefFor}
                onOpen={onOpen}
              />
            ))}
          </ul>
        ))}
    </section>
  );
}
