import { Button } from 'design-react-kit';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { publicAgendaEndpoints } from '../../../shared/api/appointments.endpoints';
import type { publicAppointmentSchema } from '../../../shared/schemas/appointments.schema';
import type { z } from 'zod';
import { call } from '../../api/client';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { TextAreaField } from '../../components/text-field';
import { formatDayLong, slotsByDay } from './agenda-format';
import { StatusBadge } from './appointment-card';
import './agenda.css';

type PublicAppointment = z.infer<typeof publicAppointmentSchema>;
type Step = 'idle' | 'cancel' | 'reschedule';

/**
 * The worker's page, reached from the link in a message, without signing in: what, when, where and
 * with whom; confirm, cancel (reason optional) or choose another time among the free ones. Plain
 * and phone-sized; after each action it shows the meeting as it now is.
 */
export function PublicAppointmentPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const [data, setData] = useState<PublicAppointment | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [step, setStep] = useState<Step>('idle');
  const [reason, setReason] = useState('');
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  useEffect(() => {
    call(publicAgendaEndpoints.show, { params: { token } }).then(setData, setError);
  }, [token]);

  const act = async (action: () => Promise<PublicAppointment>, message: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setData(await action());
      setDone(message);
      setStep('idle');
      document.querySelector<HTMLElement>('main h1')?.focus();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const confirm = () => act(() => call(publicAgendaEndpoints.confirm, { params: { token } }), t('agenda.public.confirmed'));
  const cancel = (event: FormEvent) => {
    event.preventDefault();
    void act(
      () => call(publicAgendaEndpoints.cancel, { params: { token }, body: { reason: reason.trim() } }),
      t('agenda.public.cancelled'),
    );
  };
  const reschedule = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    void act(() => call(publicAgendaEndpoints.reschedule, { params: { token }, body: { start: chosen } }), t('agenda.public.rescheduled'));
  };

  return (
    <div className="agenda-public">
      <PageTitle>{t('agenda.public.title')}</PageTitle>
      <div role="status" aria-live="polite">
        {done && <p className="alert alert-success">{done}</p>}
      </div>
      <ProblemAlert error={error} />
      {data && (
        <>
          <p>{t('agenda.public.greeting', { name: data.workerFirstName })}</p>
          <dl className="agenda-public-facts">
            <dt>{t('agenda.public.what')}</dt>
            <dd>{data.typeName}</dd>
            <dt>{t('agenda.public.when')}</dt>
            <dd>
              <span className="text-capitalize-first d-inline-block">{formatDayLong(data.date, true)}</span>,{' '}
              {t('agenda.public.at', { time: data.startTime })}
            </dd>
            <dt>{t('agenda.public.where')}</dt>
            <dd>
              {t(`agenda.modes.${data.mode}`)}
              {data.place ? ` · ${data.place}` : ''}
            </dd>
            <dt>{t('agenda.public.with')}</dt>
            <dd>
              {data.consultantName}, {data.officeName}
            </dd>
            <dt>{t('agenda.public.status')}</dt>
            <dd>
              <StatusBadge status={data.status} />
            </dd>
          </dl>
          {data.officePhone && (
            <p>
              {t('agenda.public.phone')} <a href={`tel:${data.officePhone.replace(/\s/g, '')}`}>{data.officePhone}</a>
            </p>
          )}
          {!data.canChange && <p>{t('agenda.public.noChange')}</p>}
          {data.canChange && step === 'idle' && (
            <div className="d-grid gap-2">
              {data.status === 'booked' && (
                <Button color="primary" size="lg" disabled={busy} onClick={() => void confirm()}>
                  {t('agenda.public.confirm')}
                </Button>
              )}
              <Button color="primary" outline size="lg" disabled={busy} onClick={() => setStep('reschedule')}>
                {t('agenda.public.reschedule')}
              </Button>
              <Button color="danger" outline size="lg" disabled={busy} onClick={() => setStep('cancel')}>
                {t('agenda.public.cancel')}
              </Button>
            </div>
          )}
          {data.canChange && step === 'cancel' && (
            <form onSubmit={cancel} aria-labelledby="public-cancel-h">
              <h2 id="public-cancel-h" className="h5">
                {t('agenda.public.cancelTitle')}
              </h2>
              <TextAreaField label={t('agenda.public.reason')} value={reason} onChange={setReason} rows={3} maxLength={300} autoFocus />
              <div className="d-grid gap-2">
                <Button color="danger" size="lg" type="submit" disabled={busy}>
                  {t('agenda.public.cancelConfirm')}
                </Button>
                <Button color="secondary" outline type="button" onClick={() => setStep('idle')}>
                  {t('agenda.public.back')}
                </Button>
              </div>
            </form>
          )}
          {data.canChange && step === 'reschedule' && (
            <form onSubmit={reschedule}>
              <fieldset>
                <legend className="h5">{t('agenda.public.chooseTime')}</legend>
                {data.freeSlots.length === 0 && <p>{t('agenda.public.noSlots')}</p>}
                {slotsByDay(data.freeSlots).map((day) => (
                  <div key={day.date} className="mb-3">
                    <p className="fw-semibold mb-1 text-capitalize-first">{formatDayLong(day.date)}</p>
                    {day.slots.map((slot) => (
                      <div key={slot.start} className="form-check">
                        <input
                          id={`slot-${slot.start}`}
                          type="radio"
                          name="slot"
                          className="form-check-input"
                          value={slot.start}
                          checked={chosen === slot.start}
                          onChange={() => setChosen(slot.start)}
                        />
                        <label htmlFor={`slot-${slot.start}`} className="form-check-label">
                          <span className="visually-hidden">{formatDayLong(day.date)}, </span>
                          {t('agenda.public.at', { time: slot.startTime })}
                        </label>
                      </div>
                    ))}
                  </div>
                ))}
              </fieldset>
              <div className="d-grid gap-2">
                <Button color="primary" size="lg" type="submit" disabled={busy || !chosen}>
                  {t('agenda.public.rescheduleConfirm')}
                </Button>
                <Button color="secondary" outline type="button" onClick={() => setStep('idle')}>
                  {t('agenda.public.back')}
                </Button>
              </div>
            </form>
          )}
        </>
      )}
    </div>
  );
}
