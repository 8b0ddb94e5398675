import type { RoomName } from '../../../shared/wire.ts';
import { parseDay, useFormat, useT } from '../../i18n/index.ts';
import { Chip } from '../../ui/index.ts';
import { toLocalInput } from './meeting-time.ts';
import type { MyActionItem } from './my-action-items.ts';

export interface ActionItemRowProps {
  readonly item: MyActionItem;
  readonly checked: boolean;
  readonly onTick: () => void;
  readonly hrefFor: (room: RoomName) => string;
  readonly onOpen: (room: RoomName) => void;
}

/** One of my action items: checkbox, text, due chip and its note on one baseline. */
export function ActionItemRow({ item, checked, onTick, hrefFor, onOpen }: ActionItemRowProps) {
  const t = useT();
  const format = useFormat();
  // Dates before today are overdue; the list is sorted by due date already.
  const today = toLocalInput(new Date()).slice(0, 10);
  const dayOf = (iso: string) => {
    const day = parseDay(iso);
    return day === null ? iso : format.date(day, 'date');
  };
  return (
    <li className="meeting-mine__item">
      <input
        type="checkbox"
        className="meeting-mine__check"
        checked={checked}
        disabled={checked}
        aria-label={t('actions.done', { text: item.text })}
        onChange={onTick}
      />
      <span className="meeting-mine__text">
        {item.text === '' ? t('actions.noText') : item.text}
      </span>
      {item.due !== null && (
        <Chip tone={item.due < today ? 'danger' : 'neutral'} className="meeting-mine__due">
          {t(item.due < today ? 'actionItem.dueOverdue' : 'actionItem.due', {
            // Absolute: a list across notes is read as a schedule.
            day: dayOf(item.due),
          })}
        </Chip>
      )}
      <a
        className="meeting-mine__link"
        href={hrefFor(item.room)}
        onClick={(event) => {
          event.preventDefault();
          onOpen(item.room);
        }}
      >
        {item.noteTitle === '' ? t('actions.openNote') : item.noteTitle}
      </a>
    </li>
  );
}
