import { Button } from 'design-react-kit';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { agendaEndpoints } from '../../../shared/api/appointments.endpoints';
import { romeToday } from '../../../shared/time/rome-date';
import { call } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { useNotice } from '../../components/notice';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextField } from '../../components/text-field';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatDate } from './agenda-format';

const REASONS = ['leave', 'training', 'sickness', 'other'] as const;
type Reason = (typeof REASONS)[number];
const EMPTY = { date: '', from: '', to: '', reason: 'leave' as Reason, note: '' };

/** Leave, training, sickness: a whole day or a time range when the consultant cannot be booked. */
export function ExceptionsEditor({ consultantId }: { consultantId: string }) {
  const { t } = useTranslation();
  const { show } = useNotice();
  const today = romeToday(new Date());
  const query = useApiQuery(agendaEndpoints.exceptions, { params: { consultantId }, query: { from: today } }, [consultantId, today]);
  const [form, setForm] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const set = (field: keyof typeof EMPTY) => (value: string) => setForm({ ...form, [field]: value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const body = { date: form.date, from: form.from || null, to: form.to || null, reason: form.reason, note: form.note.trim() };
    if (!fields.check(agendaEndpoints.createException, body, formRef.current)) return;
    setBusy(true);
    try {
      const created = await call(agendaEndpoints.createException, { params: { consultantId }, body });
      show(
        created.affectedAppointments > 0 ? 'warning' : 'success',
        created.affectedAppointments > 0
          ? t('agenda.exceptions.savedAffected', { count: created.affectedAppointments })
          : t('agenda.exceptions.saved'),
      );
      setForm(EMPTY);
      query.reload();
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: string) => {
    setError(null);
    try {
      await call(agendaEndpoints.deleteException, { params: { consultantId, id } });
      show('success', t('agenda.exceptions.deleted'));
      query.reload();
      document.getElementById('exceptions-h')?.focus();
    } catch (err) {
      setError(err);
    }
  };

  const items = query.data?.items ?? [];
  return (
    <section aria-labelledby="exceptions-h" className="mb-5">
      <h2 id="exceptions-h" className="h4" tabIndex={-1}>
        {t('agenda.exceptions.title')}
      </h2>
      <ProblemAlert error={query.error} />
      {query.data && items.length === 0 && <p>{t('agenda.exceptions.none')}</p>}
      {items.length > 0 && (
        <ul className="list-unstyled">
          {items.map((x) => {
            const when = `${formatDate(x.date)}${x.from && x.to ? `, ${x.from}–${x.to}` : ` (${t('agenda.exceptions.wholeDay')})`}`;
            return (
              <li key={x.id} className="d-flex flex-wrap align-items-center gap-2 border-bottom py-2">
                <span>
                  <strong>{when}</strong> · {t(`agenda.exceptions.reasons.${x.reason}`)}
                  {x.note ? ` · ${x.note}` : ''}
                </span>
                <Button color="danger" outline size="sm" className="ms-auto" onClick={() => void remove(x.id)}>
                  {t('agenda.exceptions.delete')}
                  <span className="visually-hidden"> {when}</span>
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate aria-labelledby="exceptions-new-h" className="mt-3">
        <h3 id="exceptions-new-h" className="h6">
          {t('agenda.exceptions.new')}
        </h3>
        <p className="small">{t('agenda.exceptions.timeHelp')}</p>
        <div className="row g-2 align-items-start">
          <TextField
            className="col-12 col-sm-6 col-lg-3"
            type="date"
            label={t('agenda.exceptions.date')}
            value={form.date}
            onChange={set('date')}
            error={fields.errors.date}
            min={today}
            required
          />
          <TextField
            className="col-6 col-lg-2"
            type="time"
            step={900}
            label={t('agenda.exceptions.from')}
            value={form.from}
            onChange={set('from')}
            error={fields.errors.from}
          />
          <TextField
            className="col-6 col-lg-2"
            type="time"
            step={900}
            label={t('agenda.exceptions.to')}
            value={form.to}
            onChange={set('to')}
            error={fields.errors.to}
          />
          <SelectField
            className="col-12 col-sm-6 col-lg-2"
            label={t('agenda.exceptions.reason')}
            value={form.reason}
            onChange={set('reason')}
            options={REASONS.map((r) => ({ value: r, label: t(`agenda.exceptions.reasons.${r}`) }))}
            error={fields.errors.reason}
          />
          <TextField
            className="col-12 col-lg-3"
            label={t('agenda.exceptions.note')}
            value={form.note}
            onChange={set('note')}
            error={fields.errors.note}
            maxLength={300}
          />
        </div>
        <ProblemAlert error={error} shownBesideFields={fields.errors} />
        <Button color="primary" type="submit" disabled={busy}>
          {t('agenda.exceptions.add')}
        </Button>
      </form>
    </section>
  );
}
