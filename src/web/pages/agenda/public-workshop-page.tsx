import { Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { z } from 'zod';
import { publicWorkshopEndpoints } from '../../../shared/api/appointments.endpoints';
import type { publicWorkshopSchema } from '../../../shared/schemas/workshops.schema';
import { call } from '../../api/client';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { formatDayLong } from './agenda-format';
import './agenda.css';

type PublicWorkshop = z.infer<typeof publicWorkshopSchema>;

/**
 * The worker's page for a workshop, reached from the link in a message, without signing in: what,
 * when, where and the seats left; Partecipo (a seat, or the waiting list with the position), Non
 * partecipo, and once booked or waiting Non posso più venire. Plain and phone-sized, as the
 * meeting's page (/appuntamento/:token); after each answer it shows the place as it now is.
 */
export function PublicWorkshopPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const [data, setData] = useState<PublicWorkshop | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  useEffect(() => {
    call(publicWorkshopEndpoints.show, { params: { token } }).then(setData, setError);
  }, [token]);

  const act = async (endpoint: 'accept' | 'decline' | 'withdraw') => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const next = await call(publicWorkshopEndpoints[endpoint], { params: { token } });
      setData(next);
      setDone(
        endpoint === 'accept'
          ? next.status === 'waiting'
            ? t('agenda.workshops.public.waitingDone', { position: next.waitingPosition })
            : t('agenda.workshops.public.accepted')
          : t(`agenda.workshops.public.${endpoint === 'decline' ? 'declined' : 'withdrawn'}`),
      );
      document.querySelector<HTMLElement>('main h1')?.focus();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const holding = data?.status === 'booked' || data?.status === 'waiting';
  return (
    <div className="agenda-public">
      <PageTitle>{t('agenda.workshops.public.title')}</PageTitle>
      <div role="status" aria-live="polite">
        {done && <p className="alert alert-success">{done}</p>}
      </div>
      <ProblemAlert error={error} />
      {data && (
        <>
          <p>{t('agenda.workshops.public.greeting', { name: data.workerFirstName })}</p>
          {data.sessionStatus === 'cancelled' && (
            <div className="alert alert-warning">
              <p className="mb-0 fw-semibold">{t('agenda.workshops.public.cancelled')}</p>
              {data.cancelReason && <p className="mb-0">{t('agenda.workshops.public.cancelReason', { reason: data.cancelReason })}</p>}
            </div>
          )}
          <dl className="agenda-public-facts">
            <dt>{t('agenda.workshops.public.what')}</dt>
            <dd>
              {data.title}
              {data.description && <span className="d-block small mt-1">{data.description}</span>}
            </dd>
            <dt>{t('agenda.workshops.public.when')}</dt>
            <dd>
              <span className="text-capitalize-first d-inline-block">{formatDayLong(data.date, true)}</span>,{' '}
              {t('agenda.workshops.public.time', { start: data.startTime, end: data.endTime })}
            </dd>
            <dt>{t('agenda.workshops.public.where')}</dt>
            <dd>{data.place}</dd>
            {data.sessionStatus === 'scheduled' && (
              <>
                <dt>{t('agenda.workshops.public.seats')}</dt>
                <dd>{t('agenda.workshops.public.seatsLeft', { count: data.seatsLeft })}</dd>
              </>
            )}
            {data.status && (
              <>
                <dt>{t('agenda.workshops.public.answer')}</dt>
                <dd>{t(`agenda.workshops.public.status.${data.status}`, { position: data.waitingPosition })}</dd>
              </>
            )}
          </dl>
          <p>
            {t('agenda.workshops.public.phone')} {[data.officeName, data.officeAddress].filter(Boolean).join(', ')}
            {data.officePhone && (
              <>
                ,{' '}
                <a className="text-nowrap" href={`tel:${data.officePhone.replace(/\s/g, '')}`}>
                  {data.officePhone}
                </a>
              </>
            )}
          </p>
          {!data.canAnswer && data.sessionStatus === 'scheduled' && <p>{t('agenda.workshops.public.closed')}</p>}
          {data.canAnswer && (
            <div className="d-grid gap-2">
              {!holding && (
                <Button color="primary" size="lg" disabled={busy} onClick={() => void act('accept')}>
                  {t('agenda.workshops.public.accept')}
                </Button>
              )}
              {data.status === 'invited' && (
                <Button color="secondary" outline size="lg" disabled={busy} onClick={() => void act('decline')}>
                  {t('agenda.workshops.public.decline')}
                </Button>
              )}
              {holding && (
                <Button color="danger" outline size="lg" disabled={busy} onClick={() => void act('withdraw')}>
                  {t('agenda.workshops.public.withdraw')}
                </Button>
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}
