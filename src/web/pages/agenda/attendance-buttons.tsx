import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appointmentEndpoints } from '../../../shared/api/appointments.endpoints';
import type { AppointmentView } from '../../../shared/schemas/appointments.schema';
import { call } from '../../api/client';
import { useNotice } from '../../components/notice';
import { ProblemAlert } from '../../components/problem-alert';
import { isActive } from './agenda-format';

const OUTCOMES = [
  { status: 'attended', color: 'success' },
  { status: 'absent', color: 'danger' },
  { status: 'excused', color: 'warning' },
] as const;

/** Attendance is recorded once the meeting has started (the API refuses it before). */
export const canMarkAttendance = (a: AppointmentView, now = Date.now()) => isActive(a) && Date.parse(a.start) <= now;

/** Presente / Assente / Giustificato for a meeting that has started and is still open. */
export function AttendanceButtons({ appointment, onDone }: { appointment: AppointmentView; onDone(a: AppointmentView): void }) {
  const { t } = useTranslation();
  const { show } = useNotice();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!canMarkAttendance(appointment)) return null;
  const mark = async (status: (typeof OUTCOMES)[number]['status']) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const updated = await call(appointmentEndpoints.attendance, { params: { id: appointment.id }, body: { status } });
      show('success', t('agenda.attendance.saved', { name: appointment.worker.name, status: t(`agenda.status.${status}`) }));
      onDone(updated);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <div role="group" aria-label={t('agenda.attendance.group', { name: appointment.worker.name })} className="d-flex flex-wrap gap-2">
        {OUTCOMES.map((o) => (
          <Button key={o.status} color={o.color} outline size="sm" disabled={busy} onClick={() => void mark(o.status)}>
            {t(`agenda.attendance.${o.status}`)}
          </Button>
        ))}
      </div>
      <ProblemAlert error={error} />
    </div>
  );
}
