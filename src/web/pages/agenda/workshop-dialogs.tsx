import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workshopEndpoints } from '../../../shared/api/appointments.endpoints';
import type { WorkshopUpdate, WorkshopView } from '../../../shared/schemas/workshops.schema';
import type { WorkerSummary } from '../../../shared/schemas/people.schema';
import { call } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { ProblemAlert } from '../../components/problem-alert';
import { TextAreaField, TextField } from '../../components/text-field';
import { formatDayLong, instantOf, wallClockOf } from './agenda-format';
import { useAgendaSetup } from './use-agenda-setup';
import { WorkerSearch, workerName } from './worker-search';
import { ReasonDialog } from './reason-dialog';
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
  const told = w.participants.filter((p) => p.status === 'booked' || p.status === 'waiting').length;
  // Unchanged values are sent as they are: the server tells participants only of a real change of time or place.
  const body = (reason: string): WorkshopUpdate => ({
    title: title.trim(),
    description: description.trim(),
    start: whenWhere.date && whenWhere.time ? instantOf(whenWhere.date, whenWhere.time) : '',
    durationMinutes: numberOf(whenWhere.duration),
    roomId: whenWhere.roomId || null,
    place: whenWhere.place.trim(),
    seats: numberOf(whenWhere.seats),
    reason,
  });
  return (
    <ReasonDialog
      title={t('agenda.workshops.edit.title', { title: w.title })}
      endpoint={workshopEndpoints.update}
      body={body}
      send={(b) => call(workshopEndpoints.update, { params: { id: w.id }, body: b })}
      onDone={onDone}
      onClose={onClose}
      reason={{
        label: t('agenda.workshops.edit.reason'),
        required: t('agenda.workshops.edit.reasonRequired'),
        help: t('agenda.workshops.edit.reasonHelp'),
        rows: 2,
      }}
      keep={t('agenda.workshops.form.discard')}
      confirm={t('agenda.workshops.edit.save')}
    >
      {(errors) => (
        <>
          <p className="alert alert-warning" role="note">
            {t('agenda.workshops.edit.warning', { count: told })}
          </p>
          <div className="row">
            <TextField
              className="col-12"
              label={t('agenda.workshops.form.name')}
              value={title}
              onChange={setTitle}
              error={errors.title}
              maxLength={160}
              required
            />
            <TextAreaField
              className="col-12"
              label={t('agenda.workshops.form.description')}
              value={description}
              onChange={setDescription}
              error={errors.description}
              rows={2}
              maxLength={2000}
            />
          </div>
          <WhenWhereFields value={whenWhere} onChange={setWhenWhere} rooms={setup.data?.rooms ?? []} errors={errors} />
        </>
      )}
    </ReasonDialog>
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
  const told = w.participants.filter((p) => ['booked', 'waiting', 'invited'].includes(p.status)).length;
  return (
    <ReasonDialog
      title={t('agenda.workshops.cancel.title', { title: w.title })}
      endpoint={workshopEndpoints.cancel}
      body={(reason) => ({ reason })}
      send={(b) => call(workshopEndpoints.cancel, { params: { id: w.id }, body: b })}
      onDone={onDone}
      onClose={onClose}
      reason={{
        label: t('agenda.workshops.cancel.reason'),
        required: t('agenda.workshops.cancel.reasonRequired'),
        help: t('agenda.workshops.cancel.reasonHelp'),
      }}
      keep={t('agenda.workshops.cancel.keep')}
      confirm={t('agenda.workshops.cancel.confirm')}
      danger
    >
      <p>{t('agenda.workshops.cancel.what', { ...when(w), count: told })}</p>
    </ReasonDialog>
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
