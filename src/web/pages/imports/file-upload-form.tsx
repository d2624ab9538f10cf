import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The file formats every import reads: CSV (or a .txt export) and XLSX. */
const ACCEPTED = '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * "Carica il file": the file input with its help and the submit button, as the worker import and
 * the catalogue import show it. The page owns the file and what the upload does.
 */
export function FileUploadForm({
  onFile,
  onSubmit,
  disabled,
  submitLabel,
  help,
}: {
  onFile(file: File | null): void;
  onSubmit(event: FormEvent): void;
  disabled: boolean;
  submitLabel: string;
  help?: string;
}) {
  const { t } = useTranslation();
  const fileId = useId();
  return (
    <form onSubmit={onSubmit} className="d-flex flex-column flex-md-row align-items-md-end gap-3">
      <div className="flex-grow-1">
        <label htmlFor={fileId} className="form-label fw-semibold">
          {t('imports.upload.label')}
        </label>
        <input
          id={fileId}
          type="file"
          className="form-control"
          accept={ACCEPTED}
          aria-describedby={`${fileId}-help`}
          onChange={(e) => onFile(e.target.files?.[0] ?? null)}
        />
        <small id={`${fileId}-help`} className="form-text">
          {help ?? t('imports.upload.help')}
        </small>
      </div>
      <button type="submit" className="btn btn-primary" disabled={disabled}>
        {submitLabel}
      </button>
    </form>
  );
}
