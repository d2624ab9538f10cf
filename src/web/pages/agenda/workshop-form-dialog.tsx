import { Button } from 'design-react-kit';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { workshopEndpoints } from '../../../shared/api/appointments.endpoints';
import type { WorkshopCreate, WorkshopView } from '../../../shared/schemas/workshops.schema';
import { addDays, romeToday } from '../../../shared/time/rome-date';
import { call } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { Dialog } from '../../components/dialog';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextAreaField, TextField } from '../../components/text-field';
import { useSession } from '../../session/session-context';
import { instantOf } from './agenda-format';
import { useAgendaSetup } from './use-agenda-setup';
import { WORKSHOP_TOPICS, type WorkshopTopic } from './workshop-format';
import { numberOf, WhenWhereFields, type WhenWhere } from './workshop-fields';

/**
 * Creates a workshop in the current office: one session, or the same Rome time on N consecutive
 * weeks (the server keeps 09:30 at 09:30 across the change of daylight saving time).
 */
export function WorkshopFormDialog({ onDone, onClose }: { onDone(created: WorkshopView[]): void; onClose(): void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const setup = useAgendaSetup();
  const consultants = setup.data?.consultants ?? [];
  const me = session?.user.id ?? '';
  const [topic, setTopic] = useState<WorkshopTopic>('orientation');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  // The one who creates it usually leads it: ticked when they are among the office's consultants.
  const [chosen, setChosen] = useState<string[] | null>(null);
  const facilitatorIds = chosen ?? (consultants.some((c) => c.id === me) ? [me] : []);
  const [whenWhere, setWhenWhere] = useState<WhenWhere>({
    date: addDays(romeToday(new Date()), 7),
    time: '09:30',
    duration: '120',
    roomId: '',
    place: '',
    seats: '12',
  });
  const [repeat, setRepeat] = useState(false);
  const [weeks, setWeeks] = useState('4');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors();
  const facilitatorsId = useId();

  const toggle = (id: string) => setChosen(facilitatorIds.includes(id) ? facilitatorIds.filter((f) => f !== id) : [...facilitatorIds, id]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const w = whenWhere;
    const body: WorkshopCreate = {
      officeId: setup.officeId,
      topic,
      title: title.trim(),
      description: description.trim(),
      facilitatorIds,
      roomId: w.roomId || null,
      place: w.place.trim(),
      start: w.date && w.time ? instantOf(w.date, w.time) : '',
      durationMinutes: numberOf(w.duration),
      seats: numberOf(w.seats),
      repeatWeekly: repeat ? numberOf(weeks) : 1,
    };
    if (!fields.check(workshopEndpoints.create, body, event.currentTarget)) return;
    setBusy(true);
    setError(null);
    try {
      onDone((await call(workshopEndpoints.create, { body })).items);
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('agenda.workshops.form.title')} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ProblemAlert error={setup.error} />
        <div className="row">
          <SelectField
            className="col-12 col-sm-6"
            label={t('agenda.workshops.form.topic')}
            value={topic}
            onChange={(v) => setTopic(v as WorkshopTopic)}
            options={WORKSHOP_TOPICS.map((v) => ({ value: v, label: t(`agenda.workshops.topics.${v}`) }))}
            required
          />
          <TextField
            className="col-12 col-sm-6"
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
            help={t('agenda.workshops.form.descriptionHelp')}
            error={fields.errors.description}
            rows={2}
            maxLength={2000}
          />
        </div>
        <fieldset className="mb-3" aria-describedby={fields.errors.facilitatorIds ? `${facilitatorsId}-error` : undefined}>
          <legend className="form-label-static fs-6 fw-semibold">
            {t('agenda.workshops.form.facilitators')}
            <span aria-hidden="true"> *</span>
          </legend>
          {consultants.length === 0 && <p className="small">{t('agenda.workshops.form.noConsultants')}</p>}
          <div className="d-flex flex-wrap column-gap-4">
            {consultants.map((c) => (
              <div key={c.id} className="form-check mt-0 mb-2">
                <input
                  id={`${facilitatorsId}-${c.id}`}
                  type="checkbox"
                  className="form-check-input"
                  checked={facilitatorIds.includes(c.id)}
                  onChange={() => toggle(c.id)}
                  aria-invalid={fields.errors.facilitatorIds ? true : undefined}
                />
                <label htmlFor={`${facilitatorsId}-${c.id}`} className="form-check-label">
                  {c.fullName}
                </label>
              </div>
            ))}
          </div>
          {fields.errors.facilitatorIds && (
            <div id={`${facilitatorsId}-error`} className="invalid-feedback d-block">
              {fields.errors.facilitatorIds}
            </div>
          )}
        </fieldset>
        <WhenWhereFields value={whenWhere} onChange={setWhenWhere} rooms={setup.data?.rooms ?? []} errors={fields.errors} />
        <div className="row align-items-end">
          <div className="col-12 col-sm-6 mb-3">
            <div className="form-check">
              <input
                id={`${facilitatorsId}-repeat`}
                type="checkbox"
                className="form-check-input"
                checked={repeat}
                onChange={(e) => setRepeat(e.target.checked)}
              />
              <label htmlFor={`${facilitatorsId}-repeat`} className="form-check-label">
                {t('agenda.workshops.form.repeat')}
              </label>
            </div>
          </div>
          {repeat && (
            <TextField
              className="col-12 col-sm-6"
              label={t('agenda.workshops.form.weeks')}
              type="number"
              inputMode="numeric"
              min={2}
              max={12}
              value={weeks}
              onChange={setWeeks}
              help={t('agenda.workshops.form.weeksHelp')}
              error={fields.errors.repeatWeekly}
              required
            />
          )}
        </div>
        <ProblemAlert error={error} shownBesideFields={fields.errors} />
        <div className="d-flex flex-wrap gap-2 justify-content-end">
          <Button color="secondary" outline type="button" onClick={onClose}>
            {t('agenda.workshops.form.discard')}
          </Button>
          <Button color="primary" type="submit" disabled={busy || !setup.data}>
            {repeat ? t('agenda.workshops.form.createSeries') : t('agenda.workshops.form.create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
