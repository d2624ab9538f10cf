import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A group of checkboxes for a list of choices (licences, shifts, means of transport). */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  value,
  onChange,
  labelOf,
}: {
  legend: string;
  options: readonly T[];
  value: readonly T[];
  onChange(next: T[]): void;
  labelOf(option: NoInfer<T>): string;
}) {
  const id = useId();
  return (
    <fieldset className="mb-3">
      <legend className="h6">{legend}</legend>
      <div className="d-flex flex-wrap gap-3">
        {options.map((option) => (
          <div className="form-check mb-0" key={option}>
            <input
              id={`${id}-${option}`}
              type="checkbox"
              className="form-check-input"
              checked={value.includes(option)}
              onChange={(e) => onChange(e.target.checked ? [...value, option] : value.filter((v) => v !== option))}
            />
            <label htmlFor={`${id}-${option}`} className="form-check-label">
              {labelOf(option)}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** One section of the profile: a heading and its content. */
export function ProfileSectionCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-h`} className="card card-bg mb-4">
      <div className="card-body">
        <h2 id={`${id}-h`} className="h4 card-title">
          {title}
        </h2>
        {children}
      </div>
    </section>
  );
}

/** A "Remove …" button that names what it removes for screen readers. */
export function RemoveButton({ what, onClick, disabled }: { what: string; onClick(): void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="btn btn-sm btn-outline-danger"
      onClick={onClick}
      disabled={disabled}
      aria-label={t('profiles.remove', { what })}
    >
      {t('profiles.remove', { what: '' }).trim()}
    </button>
  );
}
