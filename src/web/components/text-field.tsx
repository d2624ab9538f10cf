import { useId, type InputHTMLAttributes } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  label: string;
  value: string;
  onChange(value: string): void;
  help?: string;
}

/** A labelled input with Bootstrap Italia's static label (never a placeholder in place of a label). */
export function TextField({ label, value, onChange, help, className, ...rest }: TextFieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  return (
    <div className={`mb-3 ${className ?? ''}`}>
      <label htmlFor={id} className="form-label-static">
        {label}
        {rest.required && <span aria-hidden="true"> *</span>}
      </label>
      <input
        id={id}
        className="form-control"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={help ? helpId : undefined}
        {...rest}
      />
      {help && (
        <small id={helpId} className="form-text">
          {help}
        </small>
      )}
    </div>
  );
}

interface SelectFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  options: Array<{ value: string; label: string }>;
  className?: string;
}

export function SelectField({ label, value, onChange, options, className }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={`mb-3 ${className ?? ''}`}>
      <label htmlFor={id} className="form-label-static">
        {label}
      </label>
      <select id={id} className="form-select" value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
