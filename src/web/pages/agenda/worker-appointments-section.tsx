import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appointmentEndpoints } from '../../../shared/api/appointments.endpoints';
import type { AppointmentView } from '../../../shared/schemas/appointments.schema';
import { useNotice } from '../../components/notice';
import { ProblemAlert } from '../../components/problem-alert';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatDayLong, isActive, wallClockOf } from './agenda-format';
import { ModeLabel, StatusBadge } from './appointment-card';
import { IcsButton, useAppointmentDialogs } from './appointment-dialogs';
import { AttendanceButtons } from './attendance-buttons';
import { BookingDialog } from './booking-dialog';
import { WorkerWorkshopsList } from './worker-workshops-list';

function MeetingItem({
  a,
  onMove,
  onCancel,
  onChanged,
  onError,
}: {
  a: AppointmentView;
  onMove(): void;
  onCancel(): void;
  onChanged(a: AppointmentView): void;
  onError(err: unknown): void;
}) {
  const { t } = useTranslation();
  const clock = wallClockOf(a);
  return (
    <li className="agenda-list-item">
      <p className="mb-1">
        <strong className="text-capitalize-first d-inline-block">{formatDayLong(clock.date, true)}</strong>, {clock.startTime}–
        {clock.endTime} · {a.type.name} <StatusBadge status={a.status} />
      </p>
      <p className="mb-1 small">
        <ModeLabel mode={a.mode} /> · {a.officeName}
        {a.room ? ` · ${a.room.name}` : ''}
        {a.place ? ` · ${a.place}` : ''} · {t('agenda.worker.with', { name: a.consultant.name })}
        {a.cancelReason ? ` · ${t('agenda.worker.cancelReason', { reason: a.cancelReason })}` : ''}
      </p>
      <div className="d-flex flex-wrap gap-2">
        {isActive(a) && (
          <>
            {/* An employer interview keeps the employer's time: it is not moved from the agenda. */}
            {!a.place && (
              <Button color="primary" outline size="sm" onClick={onMove}>
                {t('agenda.actions.move')}
                <span className="visually-hidden">
                  {' '}
                  {t('agenda.worker.of', { date: formatDayLong(clock.date), time: clock.startTime })}
                </span>
              </Button>
            )}
            <Button color="danger" outline size="sm" onClick={onCancel}>
              {t('agenda.actions.cancel')}
              <span className="visually-hidden"> {t('agenda.worker.of', { date: formatDayLong(clock.date), time: clock.startTime })}</span>
            </Button>
          </>
        )}
        {a.status !== 'cancelled' && <IcsButton appointment={a} onError={onError} />}
      </div>
      <div className="mt-2">
        <AttendanceButtons appointment={a} onDone={onChanged} />
      </div>
    </li>
  );
}

/** The worker page's "Appuntamenti": upcoming and past meetings with their outcome, the group workshops, and booking. */
export function WorkerAppointmentsSection({ worker, onChanged }: { worker: { id: string; name: string }; onChanged?(): void }) {
  const { t } = useTranslation();
  const { show } = useNotice();
  const query = useApiQuery(appointmentEndpoints.ofWorker, { params: { id: worker.id } }, [worker.id]);
  const [booking, setBooking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const changed = () => {
    query.reload();
    onChanged?.();
  };
  const dialogs = useAppointmentDialogs(changed);
  const list = (items: AppointmentView[], empty: string) =>
    items.length === 0 ? (
      <p>{empty}</p>
    ) : (
      <ul className="list-unstyled">
        {items.map((a) => (
          <MeetingItem
            key={a.id}
            a={a}
            onMove={() => dialogs.openMove(a)}
            onCancel={() => dialogs.openCancel(a)}
            onChanged={changed}
            onError={setError}
          />
        ))}
      </ul>
    );
  return (
    <section aria-labelledby="appointments-h" className="mb-4">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-2">
        <h2 id="appointments-h" className="h4 mb-0">
          {t('agenda.worker.title')}
        </h2>
        <Button color="primary" onClick={() => setBooking(true)}>
          {t('agenda.worker.book')}
        </Button>
      </div>
      <ProblemAlert error={error ?? query.error} />
      {/* Two or more missed meetings in 180 days: said before the lists, so the next booking takes it into account. */}
      {query.data && query.data.noShows >= 2 && (
        <p className="alert alert-warning" role="note">
          {t('agenda.worker.noShows', { count: query.data.noShows })}
        </p>
      )}
      {query.data && (
        <div className="row">
          <div className="col-12 col-lg-6 col-xl-4">
            <h3 className="h5">{t('agenda.worker.upcoming')}</h3>
            {list(query.data.upcoming, t('agenda.worker.noUpcoming'))}
          </div>
          <div className="col-12 col-lg-6 col-xl-4">
            <h3 className="h5">{t('agenda.worker.past')}</h3>
            {list(query.data.past, t('agenda.worker.noPast'))}
          </div>
          <section className="col-12 col-xl-4" aria-labelledby="worker-workshops-h">
            <h3 id="worker-workshops-h" className="h5">
              {t('agenda.worker.workshops')}
            </h3>
            <WorkerWorkshopsList workshops={query.data.workshops} />
          </section>
        </div>
      )}
      {booking && (
        <BookingDialog
          worker={worker}
          bookedVia="worker_page"
          onDone={(a) => {
            const clock = wallClockOf(a);
            show(
              'success',
              t('agenda.booked', {
                name: a.worker.name,
                date: formatDayLong(clock.date),
                time: clock.startTime,
                consultant: a.consultant.name,
              }),
            );
            setBooking(false);
            changed();
          }}
          onClose={() => setBooking(false)}
        />
      )}
      {dialogs.element}
    </section>
  );
}
