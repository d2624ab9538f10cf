import { useTranslation } from 'react-i18next';
import { appointmentEndpoints } from '../../../shared/api/appointments.endpoints';
import type { AppointmentView } from '../../../shared/schemas/appointments.schema';
import { call } from '../../api/client';
import { formatDayLong, instantOf, wallClockOf } from './agenda-format';
import { ReasonDialog } from './reason-dialog';

/**
 * A meeting dropped on another time in the week view: the reason is asked, then the API moves it
 * with its own checks (availability, holidays, the consultant's, the worker's and the room's other
 * meetings); a refusal is shown here with the server's words and nothing moves.
 */
export function DropMoveDialog({
  appointment,
  date,
  time,
  onDone,
  onClose,
}: {
  appointment: AppointmentView;
  date: string;
  time: string;
  onDone(a: AppointmentView): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const from = wallClockOf(appointment);
  return (
    <ReasonDialog
      title={t('agenda.dropMove.title', { name: appointment.worker.name })}
      endpoint={appointmentEndpoints.move}
      body={(reason) => ({ start: instantOf(date, time), reason })}
      send={(body) => call(appointmentEndpoints.move, { params: { id: appointment.id }, body })}
      onDone={onDone}
      onClose={onClose}
      reason={{ label: t('agenda.booking.reason'), required: t('agenda.booking.reasonRequired'), rows: 2 }}
      keep={t('agenda.dropMove.keep')}
      confirm={t('agenda.dropMove.confirm')}
    >
      <p>
        {t('agenda.dropMove.fromTo', {
          fromDate: formatDayLong(from.date),
          fromTime: from.startTime,
          toDate: formatDayLong(date),
          toTime: time,
        })}
      </p>
    </ReasonDialog>
  );
}
