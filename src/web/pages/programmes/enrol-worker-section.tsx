import { Alert, Button } from 'design-react-kit';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Programme } from '../../../shared/schemas/programmes.schema';
import { programmeEndpoints } from '../../../shared/api/programmes.endpoints';
import { call } from '../../api/client';
import { useNotice } from '../../components/notice';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField } from '../../components/text-field';
import { romeToday } from '../../../shared/time/rome-time';
import { formatDate } from '../workers/people-format';

type Eligibility = {
  eligible: boolean;
  reasons: string[];
  enrollment: { state: string; since: string; waitingPosition: number | null; registrable: boolean } | null;
};

/**
 * "Enrol this worker" on the worker's page: choose an open programme, see whether the worker
 * meets its rules (and why not), then register them — a place when one is free, otherwise the
 * waiting list, as the programme's registration decides.
 */
export function EnrolWorkerSection({ workerId, workerName, onEnrolled }: { workerId: string; workerName: string; onEnrolled(): void }) {
  const { t } = useTranslation();
  const { show } = useNotice();
  const [programmes, setProgrammes] = useState<Programme[]>([]);
  const [programmeId, setProgrammeId] = useState('');
  const [result, setResult] = useState<Eligibility | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const resultId = useId();
  useEffect(() => {
    call(programmeEndpoints.list).then((r) => {
      const open = r.items.filter((p) => p.status === 'open');
      setProgrammes(open);
      if (open.length === 1) setProgrammeId(open[0]!.id);
    }, setError);
  }, []);
  // Read again after a registration: the answer then says the worker is in the programme.
  const [checked, setChecked] = useState(0);
  useEffect(() => {
    setResult(null);
    setError(null);
    if (programmeId) call(programmeEndpoints.eligibility, { params: { id: programmeId, workerId } }).then(setResult, setError);
  }, [programmeId, workerId, checked]);

  async function enrol() {
    setBusy(true);
    setError(null);
    try {
      const r = await call(programmeEndpoints.register, { params: { id: programmeId }, body: { workerId, channel: 'desk' } });
      const name = programmes.find((p) => p.id === programmeId)?.name ?? '';
      show(
        'success',
        r.state === 'registered'
          ? t('programmes.enrol.registered', { name: workerName, programme: name })
          : t('programmes.enrol.waiting', { name: workerName, programme: name, position: r.waitingPosition }),
      );
      setChecked((n) => n + 1);
      onEnrolled();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (programmes.length === 0 && !error) return null;
  return (
    <section aria-labelledby="enrol-h" className="mb-4">
      <h2 id="enrol-h" className="h4">
        {t('programmes.enrol.title')}
      </h2>
      <ProblemAlert error={error} />
      <div className="row align-items-end">
        <SelectField
          className="col-12 col-md-6"
          label={t('programmes.enrol.programme')}
          value={programmeId}
          onChange={setProgrammeId}
          options={[
            { value: '', label: t('programmes.enrol.choose') },
            ...programmes.map((p) => ({ value: p.id, label: `${p.name} (${t('programmes.placesFree', { count: p.placesFree })})` })),
          ]}
        />
        <div className="col-12 col-md-6 mb-3">
          <Button
            color="primary"
            type="button"
            disabled={!result?.eligible || (result.enrollment !== null && !result.enrollment.registrable) || busy}
            onClick={() => void enrol()}
            aria-describedby={result ? resultId : undefined}
          >
            {t('programmes.enrol.submit')}
          </Button>
        </div>
      </div>
      {result && (
        <div id={resultId} aria-live="polite">
          {result.enrollment && !result.enrollment.registrable ? (
            <Alert color="info">
              {t(result.enrollment.state === 'waiting' ? 'programmes.enrol.alreadyWaiting' : 'programmes.enrol.already', {
                state: t(`programmes.states.${result.enrollment.state}`),
                date: formatDate(romeToday(new Date(result.enrollment.since))),
                position: result.enrollment.waitingPosition,
              })}
            </Alert>
          ) : result.eligible ? (
            <Alert color="success">{t('programmes.enrol.eligible')}</Alert>
          ) : (
            <Alert color="warning">
              <p className="mb-1">{t('programmes.enrol.notEligible')}</p>
              <ul className="mb-0">
                {result.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </Alert>
          )}
        </div>
      )}
    </section>
  );
}
