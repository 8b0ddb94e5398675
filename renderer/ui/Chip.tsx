import type { HTMLAttributes, ReactNode } from 'react';
import { classes } from './classes.ts';
import './chip.css';

export type ChipTone = 'neutral' | 'accent' | 'warning' | 'danger' | 'success';

export interface ChipProps extends HTMLAttributes<HTMLSpanElement> {
  readonly tone?: ChipTone;
  readonly children: ReactNode;
}

/** A small rounded label: a role, an assignee, a due date, a count. */
export function Chip({ tone = 'neutral', className, children, ...rest }: ChipProps) {
  return (
    <span className={classes('chip', `chip--${tone}`, className)} {...rest}>
      {children}
    </span>
  );
}
