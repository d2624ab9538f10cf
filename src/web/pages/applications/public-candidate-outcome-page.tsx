import { Button } from 'design-react-kit';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { publicCandidateOutcomeEndpoints } from '../../../shared/api/applications.endpoints';
import { APPLICATION_REASONS, type CandidateOutcomeAnswer, type PublicCandidateOutcome } from '../../../shared/schemas/applications.schema';
import { call } from '../../api/client';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextAreaField } from '../../components/text-field';
import '../agenda/agenda.css';

type Step = 'idle' | 'wants_interview' | 'not_selected' | 'closed';

/**
 * The employer's page, reached from the link in the candidate's e-mail, without an account: the
 * vacancy and the candidate (first name and initial), and the outcome — an interview wanted (with
 * the times the employer proposes) or not selected with a reason. Plain and phone-sized, as the
 * worker's appointment page.
 */
export function PublicCandidateOutcomePage() {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const [data, setData] = useState<PublicCandidateOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [step, setStep] = useState<Step>('idle');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  useEffect(() => {
    call(publicCandidateOutcomeEndpoints.show, { params: { token } }).then(setData, setError);
  }, [token]);

  const send = async (event: FormEvent, body: CandidateOutcomeAnswer, message: string, final: boolean) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setData(await call(publicCandidateOutcomeEndpoints.answer, { params: { token }, body }));
      setDone(message);
      setStep(final ? 'closed' : 'idle');
      setNote('');
      document.querySelector<HTMLElement>('main h1')?.focus();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const trimmed = note.trim();
  const back = (
    <Button color="secondary" outline type="button" onClick={() => setStep('idle')}>
      {t('applications.outcome.back')}
    </Button>
  );

  return (
    <div className="agenda-public">
      <PageTitle>{t('applications.outcome.title')}</PageTitle>
      <div role="status" aria-live="polite">
        {done && <p className="alert alert-success">{done}</p>}
      </div>
      <ProblemAlert error={error} />
      {data && (
        <>
          <dl className="agenda-public-facts">
            <dt>{t('applications.outcome.vacancy')}</dt>
            <dd>{data.vacancyTitle}</dd>
            <dt>{t('applications.outcome.employer')}</dt>
            <dd>{data.employerName}</dd>
            <dt>{t('applications.outcome.candidate')}</dt>
            <dd>{data.candidate}</dd>
            <dt>{t('applications.outcome.office')}</dt>
            <dd>
              {data.officeName}
              {data.officePhone && (
                <>
                  {' · '}
                  <a href={`tel:${data.officePhone.replace(/\s/g, '')}`}>{data.officePhone}</a>
                </>
              )}
              {data.officeEmail && (
                <>
                  {' · '}
                  <a href={`mailto:${data.officeEmail}`}>{data.officeEmail}</a>
                </>
              )}
            </dd>
          </dl>
          {data.answers.length > 0 && (
            <p>
              {t('applications.outcome.already', {
                count: data.answers.length,
                answer: t(`applications.outcome.answer.${data.answers.at(-1)!.answer}`),
              })}
            </p>
          )}
          {step === 'closed' && <p>{t('applications.outcome.closed')}</p>}
          {step === 'idle' && (
            <div className="d-grid gap-2">
              <p className="mb-1">{t('applications.outcome.question')}</p>
              <Button color="primary" size="lg" disabled={busy} onClick={() => setStep('wants_interview')}>
                {t('applications.outcome.answer.wants_interview')}
              </Button>
              <Button color="danger" outline size="lg" disabled={busy} onClick={() => setStep('not_selected')}>
                {t('applications.outcome.answer.not_selected')}
              </Button>
            </div>
          )}
          {step === 'wants_interview' && (
            <form
              aria-labelledby="outcome-interview-h"
              onSubmit={(e) =>
                void send(
                  e,
                  { answer: 'wants_interview', ...(trimmed ? { note: trimmed } : {}) },
                  t('applications.outcome.interviewDone'),
                  false,
                )
              }
            >
              <h2 id="outcome-interview-h" className="h5">
                {t('applications.outcome.answer.wants_interview')}
              </h2>
              <TextAreaField
                label={t('applications.outcome.interviewNote')}
                help={t('applications.outcome.interviewHelp')}
                value={note}
                onChange={setNote}
                rows={3}
                maxLength={2000}
                autoFocus
              />
              <div className="d-grid gap-2">
                <Button color="primary" size="lg" type="submit" disabled={busy}>
                  {t('applications.outcome.send')}
                </Button>
                {back}
              </div>
            </form>
          )}
          {step === 'not_selected' && (
            <form
              aria-labelledby="outcome-refuse-h"
              onSubmit={(e) =>
                void send(
                  e,
                  { answer: 'not_selected', reason, ...(trimmed ? { note: trimmed } : {}) },
                  t('applications.outcome.refusedDone'),
                  true,
                )
              }
            >
              <h2 id="outcome-refuse-h" className="h5">
                {t('applications.outcome.answer.not_selected')}
              </h2>
              <SelectField
                label={t('applications.outcome.reason')}
                value={reason}
                onChange={setReason}
                required
                options={[
                  { value: '', label: t('applications.outcome.chooseReason') },
                  ...data.reasons.map((r) => ({ value: r.code, label: APPLICATION_REASONS.refusal[r.code]?.[lang] ?? r.label })),
                ]}
              />
              <TextAreaField
                label={t('applications.outcome.refuseNote')}
                value={note}
                onChange={setNote}
                rows={3}
                maxLength={2000}
                required={reason === 'other'}
              />
              <div className="d-grid gap-2">
                <Button color="danger" size="lg" type="submit" disabled={busy || !reason || (reason === 'other' && !trimmed)}>
                  {t('applications.outcome.send')}
                </Button>
                {back}
              </div>
            </form>
          )}
        </>
      )}
    </div>
  );
}
