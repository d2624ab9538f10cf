import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { appointmentEndpoints } from '../../../shared/api/appointments.endpoints';
import type { AppointmentView } from '../../../shared/schemas/appointments.schema';
import { call } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { Dialog } from '../../components/dialog';
import { ProblemAlert } from '../../components/problem-alert';
import { TextAreaField } from '../../components/text-field';
import { formatDayLong, instantOf, wallClockOf } from './agenda-format';

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
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors();
  const from = wallClockOf(appointment);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const body = { start: instantOf(date, time), reason: reason.trim() };
    if (!fields.check(appointmentEndpoints.move, body, event.currentTarget)) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await call(appointmentEndpoints.move, { params: { id: appointment.id }, body }));
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('agenda.dropMove.title', { name: appointment.worker.name })} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p>
          {t('agenda.dropMove.fromTo', {
            fromDate: formatDayLong(from.date),
            fromTime: from.startTime,
            toDate: formatDayLong(date),
            toTime: time,
          })}
        </p>
        <ProblemAlert error={error} shownBesideFields={fields.errors} />
        <TextAreaField
          label={t('agenda.booking.reason')}
          value={reason}
          onChange={setReason}
          error={fields.errors.reason ? t('agenda.booking.reasonRequired') : undefined}
          rows={2}
          maxLength={300}
          required
        />
        <div className="d-flex flex-wrap gap-2 justify-content-end">
          <Button color="secondary" outline type="button" onClick={onClose}>
            {t('agenda.dropMove.keep')}
          </Button>
          <Button color="primary" type="submit" disabled={busy}>
            {t('agenda.dropMove.confirm')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
