import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { classes } from './classes.ts';
import './input.css';

export interface TextInputProps extends InputHTMLAttributes<HTMLInputElement> {
  readonly ref?: Ref<HTMLInputElement>;
}

/** A one-line text field. */
export function TextInput({ className, type = 'text', ...rest }: TextInputProps) {
  return <input type={type} className={classes('input', className)} {...rest} />;
}

export interface TextAreaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  readonly ref?: Ref<HTMLTextAreaElement>;
}

export function TextArea({ className, ...rest }: TextAreaProps) {
  return <textarea className={classes('input', 'input--multiline', className)} {...rest} />;
}

export interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  readonly ref?: Ref<HTMLSelectElement>;
}

export function Select({ className, ...rest }: SelectProps) {
  return <select className={classes('input', 'input--select', className)} {...rest} />;
}

export interface FieldProps {
  readonly label: ReactNode;
  /** Help under the control, tied to it by aria-describedby. */
  readonly hint?: ReactNode;
  /** What is wrong with the value, announced and tied to the control. */
  readonly error?: ReactNode;
  readonly inline?: boolean;
  readonly className?: string;
  /** The control, given the id and description it must carry. */
  readonly children: (control: {
    readonly id: string;
    readonly 'aria-describedby'?: string | undefined;
    readonly 'aria-invalid'?: true;
  }) => ReactNode;
}

/** A label, a control and its hint or error, wired together for screen readers. */
export function Field({ label, hint, error, inline = false, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described =
    [hint !== undefined && hintId, error !== undefined && error !== null && errorId]
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <div className={classes('field', inline && 'field--inline', className)}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {children({
        id,
        'aria-describedby': described,
        ...(error !== undefined && error !== null ? { 'aria-invalid': true as const } : {}),
      })}
      {hint !== undefined && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error !== undefined && error !== null && (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
