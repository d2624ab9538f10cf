import { useId, type InputHTMLAttributes, type Ref, type TextareaHTMLAttributes } from 'react';

/**
 * The ids and attributes that tie a field to its help and error texts (WCAG 3.3.1, 1.3.1): the
 * error is shown under the field, the field turns red (`is-invalid`) and is announced as invalid
 * (`aria-invalid`) with the message as its description (`aria-describedby`).
 */
function describedBy(id: string, help: string | undefined, error: string | undefined, extra?: string) {
  const ids = [error ? `${id}-error` : '', help ? `${id}-help` : '', extra ?? ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function FieldMessages({ id, help, error }: { id: string; help?: string; error?: string }) {
  return (
    <>
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      )}
      {help && (
        <small id={`${id}-help`} className="form-text">
          {help}
        </small>
      )}
    </>
  );
}

function Label({ id, label, required }: { id: string; label: string; required?: boolean }) {
  return (
    <label htmlFor={id} className="form-label-static">
      {label}
      {required && <span aria-hidden="true"> *</span>}
    </label>
  );
}

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  label: string;
  value: string;
  onChange(value: string): void;
  help?: string;
  /** The message under the field (from the form's validation or the server's 400). */
  error?: string;
}

/** A labelled input with Bootstrap Italia's static label (never a placeholder in place of a label). */
export function TextField({ label, value, onChange, help, error, className, ...rest }: TextFieldProps) {
  const id = useId();
  const { 'aria-describedby': extraDescribedBy, 'aria-invalid': ariaInvalid, ...inputProps } = rest;
  return (
    <div className={`mb-3 ${className ?? ''}`}>
      <Label id={id} label={label} required={rest.required} />
      <input
        id={id}
        className={`form-control${error ? ' is-invalid' : ''}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, help, error, extraDescribedBy)}
        aria-invalid={error ? true : ariaInvalid}
        {...inputProps}
      />
      <FieldMessages id={id} help={help} error={error} />
    </div>
  );
}

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange'> {
  label: string;
  value: string;
  onChange(value: string): void;
  help?: string;
  error?: string;
  /** The text area itself (a template editor inserts placeholders at its cursor). */
  ref?: Ref<HTMLTextAreaElement>;
}

export function TextAreaField({ label, value, onChange, help, error, className, ...rest }: TextAreaFieldProps) {
  const id = useId();
  return (
    <div className={`mb-3 ${className ?? ''}`}>
      <Label id={id} label={label} required={rest.required} />
      <textarea
        id={id}
        className={`form-control${error ? ' is-invalid' : ''}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, help, error)}
        aria-invalid={error ? true : undefined}
        {...rest}
      />
      <FieldMessages id={id} help={help} error={error} />
    </div>
  );
}

interface SelectFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  options: Array<{ value: string; label: string }>;
  className?: string;
  help?: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
}

export function SelectField({ label, value, onChange, options, className, help, error, required, disabled }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={`mb-3 ${className ?? ''}`}>
      <Label id={id} label={label} required={required} />
      <select
        id={id}
        className={`form-select${error ? ' is-invalid' : ''}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        required={required}
        disabled={disabled}
        aria-describedby={describedBy(id, help, error)}
        aria-invalid={error ? true : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} help={help} error={error} />
    </div>
  );
}
