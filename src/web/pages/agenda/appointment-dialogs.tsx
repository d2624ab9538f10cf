import { Button } from 'design-react-kit';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { appointmentEndpoints } from '../../../shared/api/appointments.endpoints';
import type { AppointmentView } from '../../../shared/schemas/appointments.schema';
import { call, saveFile } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { useNotice } from '../../components/notice';
import { ProblemAlert } from '../../components/problem-alert';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatDateTime } from '../../i18n/i18n';
import { formatDayLong, isActive, wallClockOf } from './agenda-format';
import { ModeLabel, StatusBadge } from './appointment-card';
import { AttendanceButtons } from './attendance-buttons';
import { BookingDialog } from './booking-dialog';
import { CancelDialog } from './cancel-dialog';

/** Saves the meeting's invitation (.ics) for the worker's or the consultant's own calendar. */
export async function downloadIcs(id: string) {
  saveFile(await call(appointmentEndpoints.ics, { params: { id } }));
}

export function IcsButton({ appointment, onError }: { appointment: AppointmentView; onError(err: unknown): void }) {
  const { t } = useTranslation();
  return (
    <Button color="primary" outline size="sm" onClick={() => downloadIcs(appointment.id).catch(onError)}>
      {t('agenda.actions.ics')}
    </Button>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="col-4 small">{label}</dt>
      <dd className="col-8 mb-1">{children}</dd>
    </>
  );
}

/** A meeting's details, its actions and its log (who moved it, when, why; the messages sent). */
function AppointmentDetailDialog({
  appointment,
  onMove,
  onCancel,
  onChanged,
  onClose,
}: {
  appointment: AppointmentView;
  onMove(): void;
  onCancel(): void;
  onChanged(a: AppointmentView): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const detail = useApiQuery(appointmentEndpoints.get, { params: { id: appointment.id } }, [appointment.id, appointment.status]);
  const [error, setError] = useState<unknown>(null);
  const a = detail.data ?? appointment;
  const clock = wallClockOf(a);
  return (
    <Dialog title={t('agenda.detail.title', { type: a.type.name, name: a.worker.name })} onClose={onClose}>
      <dl className="row mb-3">
        <Row label={t('agenda.detail.when')}>
          <span className="text-capitalize-first">{formatDayLong(clock.date, true)}</span>, {clock.startTime}–{clock.endTime}
        </Row>
        <Row label={t('agenda.detail.consultant')}>{a.consultant.name}</Row>
        <Row label={t('agenda.detail.mode')}>
          <ModeLabel mode={a.mode} />
          {a.mode === 'video' && a.videoLink && (
            <>
              {' '}
              <a href={a.videoLink} target="_blank" rel="noreferrer">
                {t('agenda.detail.videoLink')}
              </a>
            </>
          )}
        </Row>
        <Row label={t('agenda.detail.where')}>
          {a.officeName}
          {a.room ? ` · ${a.room.name}` : ''}
          {a.place ? ` · ${a.place}` : ''}
        </Row>
        <Row label={t('agenda.detail.status')}>
          <StatusBadge status={a.status} />
          {a.cancelReason && <span className="ms-2">{a.cancelReason}</span>}
        </Row>
        {a.note && <Row label={t('agenda.detail.note')}>{a.note}</Row>}
      </dl>
      <ProblemAlert error={error ?? detail.error} />
      <div className="d-flex flex-wrap gap-2 mb-3">
        {isActive(a) && (
          <>
            {!a.place && (
              <Button color="primary" size="sm" onClick={onMove}>
                {t('agenda.actions.move')}
              </Button>
            )}
            <Button color="danger" outline size="sm" onClick={onCancel}>
              {t('agenda.actions.cancel')}
            </Button>
          </>
        )}
        <IcsButton appointment={a} onError={setError} />
      </div>
      <AttendanceButtons
        appointment={a}
        onDone={(updated) => {
          onChanged(updated);
          detail.reload();
        }}
      />
      {detail.data && detail.data.events.length > 0 && (
        <>
          <h3 className="h6 mt-3">{t('agenda.detail.log')}</h3>
          <ol className="list-unstyled small">
            {detail.data.events.map((e) => (
              <li key={`${e.at}-${e.kind}`} className="mb-1">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time> · {t(`agenda.events.${e.kind}`, { defaultValue: e.kind })}
                {e.byWorker ? ` · ${t('agenda.detail.byWorker')}` : e.actorName ? ` · ${e.actorName}` : ''}
                {e.reason ? ` — ${e.reason}` : ''}
              </li>
            ))}
          </ol>
        </>
      )}
      {detail.data && detail.data.messages.length > 0 && (
        <>
          <h3 className="h6 mt-3">{t('agenda.detail.messages')}</h3>
          <ul className="list-unstyled small">
            {detail.data.messages.map((m) => (
              <li key={`${m.at}-${m.kind}-${m.channel}`}>
                {formatDateTime(m.at)} · {t(`agenda.messageKinds.${m.kind}`, { defaultValue: m.kind })} ·{' '}
                {t(`agenda.channels.${m.channel}`, { defaultValue: m.channel })} ·{' '}
                {t(`agenda.messageStatus.${m.status}`, { defaultValue: m.status })}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="d-flex justify-content-end">
        <Button color="secondary" outline onClick={onClose}>
          {t('agenda.close')}
        </Button>
      </div>
    </Dialog>
  );
}

type Open = { kind: 'detail' | 'move' | 'cancel'; appointment: AppointmentView } | null;

/**
 * The dialogs of a meeting, one at a time: its details, "Sposta" (the booking dialog in move mode,
 * the keyboard's way to move it) and "Annulla". `onChanged` gets the server's new version.
 */
export function useAppointmentDialogs(onChanged: (a: AppointmentView) => void) {
  const { t } = useTranslation();
  const { show } = useNotice();
  const [open, setOpen] = useState<Open>(null);
  // The card or button that opened the first dialog: going from the details to "Sposta" replaces
  // one dialog with another, and the shared Dialog then no longer knows who opened the first.
  const opener = useRef<HTMLElement | null>(null);
  const remember = () => {
    if (!document.activeElement?.closest('dialog')) opener.current = document.activeElement as HTMLElement | null;
  };
  const close = useCallback(() => {
    setOpen(null);
    const back = opener.current;
    opener.current = null;
    setTimeout(() => {
      if (document.querySelector('dialog')) return;
      (back?.isConnected ? back : document.querySelector<HTMLElement>('main h1'))?.focus();
    }, 0);
  }, []);
  const openDetail = useCallback((appointment: AppointmentView) => {
    remember();
    setOpen({ kind: 'detail', appointment });
  }, []);
  const openMove = useCallback((appointment: AppointmentView) => {
    remember();
    setOpen({ kind: 'move', appointment });
  }, []);
  const openCancel = useCallback((appointment: AppointmentView) => {
    remember();
    setOpen({ kind: 'cancel', appointment });
  }, []);
  let element: ReactNode = null;
  if (open?.kind === 'detail')
    element = (
      <AppointmentDetailDialog
        appointment={open.appointment}
        onMove={() => openMove(open.appointment)}
        onCancel={() => openCancel(open.appointment)}
        onChanged={(a) => {
          setOpen({ kind: 'detail', appointment: a });
          onChanged(a);
        }}
        onClose={close}
      />
    );
  if (open?.kind === 'move')
    element = (
      <BookingDialog
        worker={open.appointment.worker}
        officeId={open.appointment.officeId}
        bookedVia="agenda"
        moving={open.appointment}
        onDone={(a) => {
          const clock = wallClockOf(a);
          show('success', t('agenda.moved', { name: a.worker.name, date: formatDayLong(clock.date), time: clock.startTime }));
          close();
          onChanged(a);
        }}
        onClose={close}
      />
    );
  if (open?.kind === 'cancel')
    element = (
      <CancelDialog
        appointment={open.appointment}
        onDone={(a) => {
          show('success', t('agenda.cancelled', { name: a.worker.name }));
          close();
          onChanged(a);
        }}
        onClose={close}
      />
    );
  return { openDetail, openMove, openCancel, element };
}
