import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { workshopEndpoints } from '../../../shared/api/appointments.endpoints';
import type { WorkshopUpdate, WorkshopView } from '../../../shared/schemas/workshops.schema';
import type { WorkerSummary } from '../../../shared/schemas/people.schema';
import { call } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { Dialog } from '../../components/dialog';
import { ProblemAlert } from '../../components/problem-alert';
import { TextAreaField, TextField } from '../../components/text-field';
import { formatDayLong, instantOf, wallClockOf } from './agenda-format';
import { useAgendaSetup } from './use-agenda-setup';
import { WorkerSearch, workerName } from './worker-search';
import { durationOf } from './workshop-format';
import { numberOf, WhenWhereFields, type WhenWhere } from './workshop-fields';

const when = (w: WorkshopView) => {
  const clock = wallClockOf(w);
  return { date: formatDayLong(clock.date), time: clock.startTime };
};

/** Time, place, seats, title: the reason is required, and every booked and waiting participant is told. */
export function EditWorkshopDialog({
  workshop: w,
  onDone,
  onClose,
}: {
  workshop: WorkshopView;
  onDone(w: WorkshopView): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const setup = useAgendaSetup(w.officeId);
  const clock = wallClockOf(w);
  const [title, setTitle] = useState(w.title);
  const [description, setDescription] = useState(w.description);
  const [whenWhere, setWhenWhere] = useState<WhenWhere>({
    date: clock.date,
    time: clock.startTime,
    duration: String(durationOf(w)),
    roomId: w.room?.id ?? '',
    place: w.place,
    seats: String(w.seats),
  });
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors();
  const told = w.participants.filter((p) => p.status === 'booked' || p.status === 'waiting').length;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const v = whenWhere;
    // Unchanged values are sent as they are: the server tells participants only of a real change of time or place.
    const body: WorkshopUpdate = {
      title: title.trim(),
      description: description.trim(),
      start: v.date && v.time ? instantOf(v.date, v.time) : '',
      durationMinutes: numberOf(v.duration),
      roomId: v.roomId || null,
      place: v.place.trim(),
      seats: numberOf(v.seats),
      reason: reason.trim(),
    };
    if (!fields.check(workshopEndpoints.update, body, event.currentTarget)) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await call(workshopEndpoints.update, { params: { id: w.id }, body }));
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('agenda.workshops.edit.title', { title: w.title })} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p className="alert alert-warning" role="note">
          {t('agenda.workshops.edit.warning', { count: told })}
        </p>
        <div className="row">
          <TextField
            className="col-12"
            label={t('agenda.workshops.form.name')}
            value={title}
            onChange={setTitle}
            error={fields.errors.title}
            maxLength={160}
            required
          />
          <TextAreaField
            className="col-12"
            label={t('agenda.workshops.form.description')}
            value={description}
            onChange={setDescription}
            error={fields.errors.description}
            rows={2}
            maxLength={2000}
          />
        </div>
        <WhenWhereFields value={whenWhere} onChange={setWhenWhere} rooms={setup.data?.rooms ?? []} errors={fields.errors} />
        <TextAreaField
          label={t('agenda.workshops.edit.reason')}
          value={reason}
          onChange={setReason}
          help={t('agenda.workshops.edit.reasonHelp')}
          error={fields.errors.reason ? t('agenda.workshops.edit.reasonRequired') : undefined}
          rows={2}
          maxLength={300}
          required
        />
        <ProblemAlert error={error} shownBesideFields={fields.errors} />
        <div className="d-flex flex-wrap gap-2 justify-content-end">
          <Button color="secondary" outline type="button" onClick={onClose}>
            {t('agenda.workshops.form.discard')}
          </Button>
          <Button color="primary" type="submit" disabled={busy}>
            {t('agenda.workshops.edit.save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** Cancels the session with a reason; booked, waiting and invited workers are told. */
export function CancelWorkshopDialog({
  workshop: w,
  onDone,
  onClose,
}: {
  workshop: WorkshopView;
  onDone(w: WorkshopView): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors();
  const told = w.participants.filter((p) => ['booked', 'waiting', 'invited'].includes(p.status)).length;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const body = { reason: reason.trim() };
    if (!fields.check(workshopEndpoints.cancel, body, event.currentTarget)) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await call(workshopEndpoints.cancel, { params: { id: w.id }, body }));
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('agenda.workshops.cancel.title', { title: w.title })} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p>{t('agenda.workshops.cancel.what', { ...when(w), count: told })}</p>
        <ProblemAlert error={error} shownBesideFields={fields.errors} />
        <TextAreaField
          label={t('agenda.workshops.cancel.reason')}
          value={reason}
          onChange={setReason}
          error={fields.errors.reason ? t('agenda.workshops.cancel.reasonRequired') : undefined}
          help={t('agenda.workshops.cancel.reasonHelp')}
          rows={3}
          maxLength={300}
          required
        />
        <div className="d-flex flex-wrap gap-2 justify-content-end">
          <Button color="secondary" outline type="button" onClick={onClose}>
            {t('agenda.workshops.cancel.keep')}
          </Button>
          <Button color="danger" type="submit" disabled={busy}>
            {t('agenda.workshops.cancel.confirm')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * Books workers one after another: each answer says plainly whether a seat was taken or the worker
 * went on the waiting list, and at which position. The dialog stays open for the next one.
 */
export function AddParticipantDialog({ workshop: w, onBooked, onClose }: { workshop: WorkshopView; onBooked(): void; onClose(): void }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<string | null>(null);
  const [result, setResult] = useState<{ tone: 'success' | 'warning'; text: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const already = new Map(w.participants.map((p) => [p.worker.id, p.status]));
  const book = async (worker: WorkerSummary) => {
    if (pending) return;
    setPending(worker.id);
    setError(null);
    setResult(null);
    try {
      const answer = await call(workshopEndpoints.book, { params: { id: w.id, workerId: worker.id } });
      const name = workerName(worker);
      setResult(
        answer.status === 'booked'
          ? { tone: 'success', text: t('agenda.workshops.add.booked', { name }) }
          : { tone: 'warning', text: t('agenda.workshops.add.waiting', { name, position: answer.waitingPosition ?? '?' }) },
      );
      onBooked();
    } catch (err) {
      setError(err);
    } finally {
      setPending(null);
    }
  };
  return (
    <Dialog title={t('agenda.workshops.add.title', { title: w.title })} onClose={onClose}>
      <p className="small">{t('agenda.workshops.add.help')}</p>
      <div role="status">{result && <p className={`alert alert-${result.tone}`}>{result.text}</p>}</div>
      <ProblemAlert error={error} />
      <WorkerSearch
        action={(worker) => {
          const status = already.get(worker.id);
          if (status === 'booked' || status === 'waiting')
            return <span className="small">{t(`agenda.workshops.participantStatus.${status}`)}</span>;
          return (
            <Button color="primary" outline size="sm" disabled={pending !== null} onClick={() => void book(worker)}>
              {t('agenda.workshops.add.book')}
              <span className="visually-hidden"> {workerName(worker)}</span>
            </Button>
          );
        }}
      />
      <div className="d-flex justify-content-end">
        <Button color="secondary" outline onClick={onClose}>
          {t('agenda.close')}
        </Button>
      </div>
    </Dialog>
  );
}
