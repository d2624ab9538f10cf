import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../shared/schemas/imports.schema';

/** Bootstrap Italia progress bar; the numbers are in aria-valuenow and in the text next to it. */
export function ImportProgress({ job }: { job: ImportJob }) {
  const { t, i18n } = useTranslation();
  const { phase, processed, total, percent } = job.progress;
  const n = (v: number) => v.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'it-IT');
  const phaseText = phase ? t(`imports.progress.${phase}`) : t('imports.progress.done');
  return (
    <div className="my-4" aria-live="polite">
      <p className="mb-1 fw-semibold" id="import-progress-label">
        {phaseText} — {percent}%
        {phase && phase !== 'reading' && total > 0 ? ` (${t('imports.progress.rows', { processed: n(processed), total: n(total) })})` : ''}
      </p>
      <div className="progress">
        <div
          className="progress-bar"
          role="progressbar"
          style={{ width: `${percent}%` }}
          aria-valuenow={percent}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-labelledby="import-progress-label"
        />
      </div>
    </div>
  );
}
