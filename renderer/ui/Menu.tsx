import {
  useEffect,
  useEffectEvent,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { IconButton } from './Button.tsx';
import { classes } from './classes.ts';
import './menu.css';

export interface MenuItem {
  readonly label: string;
  readonly onSelect: () => void;
  readonly danger?: boolean;
  readonly disabled?: boolean;
}

export interface MenuListProps {
  readonly items: readonly MenuItem[];
  /** Closes the menu; `restoreFocus` false when an item moved focus on purpose. */
  readonly onClose: () => void;
  readonly label: string;
  readonly id?: string;
  /** Fixed position for a context menu (client coordinates); otherwise below the trigger. */
  readonly at?: { readonly x: number; readonly y: number };
  readonly align?: 'start' | 'end';
}

/**
 * A menu following the WAI-ARIA APG menu pattern: focus moves to the first
 * item, arrows move between items (wrapping), Home/End jump, Escape and Tab
 * close, a click outside closes.
 */
export function MenuList({ items, onClose, label, id, at, align = 'start' }: MenuListProps) {
  const list = useRef<HTMLUListElement>(null);

  // The owner passes a new `onClose` on every render; an effect event keeps
  // the effect below to mount only, so a re-render (presence, sync status)
  // never pulls focus back to the first item while arrows move it.
  const close = useEffectEvent(onClose);

  useEffect(() => {
    const first = list.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])');
    first?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!list.current?.contains(event.target as Node)) close();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const entries = [
      ...event.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])'),
    ];
    const index = entries.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      entries[(to + entries.length) % entries.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(entries.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <ul
      ref={list}
      id={id}
      role="menu"
      aria-label={label}
      className={classes('menu', at && 'menu--at', align === 'end' && 'menu--end')}
      // A context menu opens where the pointer was; custom properties keep
      // the position in CSS (set through CSSOM, which a strict CSP allows).
      style={at ? { left: at.x, top: at.y } : undefined}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <li key={item.label} role="none">
          <button
            type="button"
            role="menuitem"
            className={classes('menu__item', item.danger && 'menu__item--danger')}
            disabled={item.disabled}
            onClick={() => {
              onClose();
              item.onSelect();
            }}
          >
            {item.label}
          </button>
        </li>
      ))}
    </ul>
  );
}

export interface MenuProps {
  /** The trigger's accessible name ("More actions for …"). */
  readonly label: string;
  readonly items: readonly MenuItem[];
  /** The trigger's face; ⋯ by default. */
  readonly icon?: ReactNode;
  readonly align?: 'start' | 'end';
  readonly className?: string;
}

/** A ⋯ button opening a menu; focus comes back to the button when it closes. */
export function Menu({ label, items, icon = '⋯', align = 'end', className }: MenuProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <span className={classes('menu-anchor', className)}>
      <IconButton
        ref={trigger}
        label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => {
          setOpen((o) => !o);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {icon}
      </IconButton>
      {open && (
        <MenuList
          id={id}
          label={label}
          items={items}
          align={align}
          onClose={() => {
            setOpen(false);
            trigger.current?.focus();
          }}
        />
      )}
    </span>
  );
}
