import { Alert, Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EligiblePreview, Programme } from '../../../shared/schemas/programmes.schema';
import { programmeEndpoints } from '../../../shared/api/programmes.endpoints';
import { call } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { ProblemAlert } from '../../components/problem-alert';
import { formatDate } from '../workers/people-format';

/**
 * "Add the eligible workers": who the programme's rules accept today and is not in it yet, with
 * the count and the first names (most urgent first), added as "eligible" only once confirmed.
 */
export function AddEligibleDialog({
  programme,
  onAdded,
  onClose,
}: {
  programme: Programme;
  onAdded(count: number): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<EligiblePreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    call(programmeEndpoints.eligiblePreview, { params: { id: programme.id } }).then(setPreview, setError);
  }, [programme.id]);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const result = await call(programmeEndpoints.addEligible, { params: { id: programme.id }, body: { all: true } });
      onAdded(result.added);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('programmes.addEligible.title', { name: programme.name })} onClose={onClose}>
      <ProblemAlert error={error} />
      {!preview && !error && <p role="status">{t('programmes.addEligible.loading')}</p>}
      {preview && (
        <>
          {preview.total > 0 && (
            <p>
              <strong>{t('programmes.addEligible.count', { count: preview.total })}</strong>
            </p>
          )}
          {preview.total === 0 ? (
            <Alert color="info">{t('programmes.addEligible.none')}</Alert>
          ) : (
            <>
              <p className="small">{t('programmes.addEligible.rule')}</p>
              <h3 className="h6">{t('programmes.addEligible.first', { count: preview.items.length })}</h3>
              <ol className="small">
                {preview.items.map((w) => (
                  <li key={w.workerId}>
                    {w.workerName}
                    {w.cigsEndDate ? ` — ${t('programmes.addEligible.cigsEnd', { date: formatDate(w.cigsEndDate) })}` : ''}
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
      <div className="d-flex flex-wrap gap-2 justify-content-end">
        <Button color="secondary" outline type="button" onClick={onClose}>
          {t('programmes.cancel')}
        </Button>
        <Button color="primary" type="button" disabled={!preview || preview.total === 0 || busy} onClick={() => void confirm()}>
          {t('programmes.addEligible.confirm', { count: preview?.total ?? 0 })}
        </Button>
      </div>
    </Dialog>
  );
}
