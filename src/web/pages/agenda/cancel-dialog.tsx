import { useTranslation } from 'react-i18next';
import { appointmentEndpoints } from '../../../shared/api/appointments.endpoints';
import type { AppointmentView } from '../../../shared/schemas/appointments.schema';
import { call } from '../../api/client';
import { formatDayLong, wallClockOf } from './agenda-format';
import { ReasonDialog } from './reason-dialog';

/** Cancels a meeting; the reason is required (it goes to the log and to the worker's message). */
export function CancelDialog({
  appointment,
  onDone,
  onClose,
}: {
  appointment: AppointmentView;
  onDone(a: AppointmentView): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const clock = wallClockOf(appointment);
  return (
    <ReasonDialog
      title={t('agenda.cancel.title', { name: appointment.worker.name })}
      endpoint={appointmentEndpoints.cancel}
      body={(reason) => ({ reason })}
      send={(body) => call(appointmentEndpoints.cancel, { params: { id: appointment.id }, body })}
      onDone={onDone}
      onClose={onClose}
      reason={{ label: t('agenda.cancel.reason'), required: t('agenda.cancel.reasonRequired'), help: t('agenda.cancel.reasonHelp') }}
      keep={t('agenda.cancel.keep')}
      confirm={t('agenda.cancel.confirm')}
      danger
    >
      <p>
        {t('agenda.cancel.what', {
          type: appointment.type.name,
          date: formatDayLong(clock.date),
          time: clock.startTime,
          consultant: appointment.consultant.name,
        })}
      </p>
    </ReasonDialog>
  );
}
