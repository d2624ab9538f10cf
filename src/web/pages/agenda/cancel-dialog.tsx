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
import { formatDayLong, wallClockOf } from './agenda-format';

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
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors();
  const clock = wallClockOf(appointment);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const body = { reason: reason.trim() };
    if (!fields.check(appointmentEndpoints.cancel, body, event.currentTarget)) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await call(appointmentEndpoints.cancel, { params: { id: appointment.id }, body }));
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('agenda.cancel.title', { name: appointment.worker.name })} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p>
          {t('agenda.cancel.what', {
            type: appointment.type.name,
            date: formatDayLong(clock.date),
            time: clock.startTime,
            consultant: appointment.consultant.name,
          })}
        </p>
        <ProblemAlert error={error} shownBesideFields={fields.errors} />
        <TextAreaField
          label={t('agenda.cancel.reason')}
          value={reason}
          onChange={setReason}
          error={fields.errors.reason ? t('agenda.cancel.reasonRequired') : undefined}
          help={t('agenda.cancel.reasonHelp')}
          rows={3}
          maxLength={300}
          required
        />
        <div className="d-flex flex-wrap gap-2 justify-content-end">
          <Button color="secondary" outline type="button" onClick={onClose}>
            {t('agenda.cancel.keep')}
          </Button>
          <Button color="danger" type="submit" disabled={busy}>
            {t('agenda.cancel.confirm')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
