import type { ButtonHTMLAttributes, Ref } from 'react';
import { classes } from './classes.ts';
import './button.css';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  readonly variant?: ButtonVariant;
  readonly size?: 'sm' | 'md';
  readonly ref?: Ref<HTMLButtonElement>;
}

/** The one button: primary for the main action of a view, secondary by default, ghost in toolbars. */
export function Button({
  variant = 'secondary',
  size = 'md',
  className,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      // The default is a plain button: a submit must be asked for.
      type={type}
      className={classes('button', `button--${variant}`, size === 'sm' && 'button--sm', className)}
      {...rest}
    />
  );
}

export interface IconButtonProps extends Omit<ButtonProps, 'aria-label'> {
  /** What the button does, for screen readers and the tooltip: an icon has no text. */
  readonly label: string;
}

/** A square ghost button showing only an icon; its label is its accessible name and tooltip. */
export function IconButton({ label, className, variant = 'ghost', ...rest }: IconButtonProps) {
  return (
    <Button
      variant={variant}
      aria-label={label}
      title={label}
      className={classes('button--icon', className)}
      {...rest}
    />
  );
}
