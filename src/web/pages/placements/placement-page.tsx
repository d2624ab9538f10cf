import { Alert } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { placementEndpoints } from '../../../shared/api/applications.endpoints';
import type { FollowUp, ReopenedEnrolment } from '../../../shared/schemas/applications.schema';
import { call } from '../../api/client';
import { fieldErrorsFromProblem, type FieldErrors } from '../../api/validate';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { TextAreaField, TextField } from '../../components/text-field';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatDate } from '../workers/people-format';
import { FollowUpEntry } from './follow-up-form';

type EnrolmentOutcome = ReopenedEnrolment;

function EarlyEndForm({
  placementId,
  version,
  onEnded,
}: {
  placementId: string;
  version: number;
  onEnded(outcomes: EnrolmentOutcome[]): void;
}) {
  const { t } = useTranslation();
  const [endDate, setEndDate] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    setFields({});
    try {
      const ended = await call(placementEndpoints.end, { params: { id: placementId }, body: { version, endDate, reason } });
      onEnded(ended.enrolments);
    } catch (err) {
      setError(err);
      setFields(fieldErrorsFromProblem(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form onSubmit={submit} aria-labelledby="early-end-h">
      <h2 id="early-end-h" className="h5">
        {t('placements.end.title')}
      </h2>
      <p className="small">{t('placements.end.help')}</p>
      <TextField label={t('placements.end.date')} type="date" value={endDate} onChange={setEndDate} required error={fields.endDate} />
      <TextAreaField label={t('placements.end.reason')} value={reason} onChange={setReason} rows={2} required error={fields.reason} />
      <ProblemAlert error={error} shownBesideFields={fields} />
      <button type="submit" className="btn btn-outline-danger btn-sm" disabled={saving || !endDate || !reason.trim()}>
        {t('placements.end.submit')}
      </button>
    </form>
  );
}

/** /assunzioni/:id: a hire — employer, vacancy, contract and start —, its follow-ups, and its early end. */
export function PlacementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: p, error, reload, setData } = useApiQuery(placementEndpoints.get, { params: { id } }, [id]);
  const [outcomes, setOutcomes] = useState<EnrolmentOutcome[] | null>(null);
  if (!p) return <ProblemAlert error={error} />;
  const first = p.followUps[0];
  const name = first?.workerName ?? '';
  const answered = (a: FollowUp) => {
    setData({ ...p, followUps: p.followUps.map((f) => (f.id === a.id ? a : f)) });
  };
  return (
    <>
      <PageTitle>{t('placements.title', { name })}</PageTitle>
      <p>
        <Link to={`/lavoratori/${p.workerId}`}>{t('placements.toWorker', { name })}</Link>
      </p>
      <dl className="row">
        <dt className="col-sm-4">{t('placements.employer')}</dt>
        <dd className="col-sm-8">
          <Link to={`/aziende-che-assumono/${p.employerId}`}>{first?.employerName ?? '—'}</Link>
        </dd>
        <dt className="col-sm-4">{t('placements.vacancy')}</dt>
        <dd className="col-sm-8">
          <Link to={`/offerte/${p.vacancyId}`}>{first?.vacancyTitle ?? '—'}</Link>
        </dd>
        <dt className="col-sm-4">{t('placements.contract')}</dt>
        <dd className="col-sm-8">{t(`vacancies.contract.${p.contractType}`)}</dd>
        <dt className="col-sm-4">{t('placements.start')}</dt>
        <dd className="col-sm-8">{formatDate(p.startDate)}</dd>
        {p.endDate && (
          <>
            <dt className="col-sm-4">{t('placements.ended')}</dt>
            <dd className="col-sm-8">
              {formatDate(p.endDate)} · {p.endReason}
            </dd>
          </>
        )}
      </dl>
      {outcomes && (
        <Alert color="info">
          <p className="mb-1">{t('placements.end.done')}</p>
          {outcomes.length === 0 && <p className="mb-0">{t('placements.end.noEnrolment')}</p>}
          <ul className="mb-0">
            {outcomes.map((o) => (
              <li key={o.enrollmentId}>
                {t(`placements.end.outcome.${o.outcome}`, { programme: o.programmeName, position: o.waitingPosition ?? '' })}
                {o.reasons.length > 0 && ` ${o.reasons.join(' ')}`}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <section aria-labelledby="follow-ups-h" className="mb-4">
        <h2 id="follow-ups-h" className="h5">
          {t('placements.followUps.ofHire')}
        </h2>
        <ul className="list-group">
          {p.followUps.map((f) => (
            <FollowUpEntry key={f.id} followUp={f} canRecord={!p.endDate} onAnswered={answered}>
              {t('placements.followUp.short', { count: f.months, due: formatDate(f.dueOn) })}
            </FollowUpEntry>
          ))}
        </ul>
      </section>
      {!p.endDate && (
        <EarlyEndForm
          placementId={p.id}
          version={p.version}
          onEnded={(o) => {
            setOutcomes(o);
            reload();
          }}
        />
      )}
    </>
  );
}
