import { Button } from 'design-react-kit';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agendaEndpoints } from '../../../shared/api/appointments.endpoints';
import type { AvailabilityRule } from '../../../shared/schemas/appointments.schema';
import { romeToday } from '../../../shared/time/rome-date';
import { call } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { useNotice } from '../../components/notice';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextField } from '../../components/text-field';
import { useApiQuery } from '../../hooks/use-api-query';

interface Row {
  key: number;
  weekday: string;
  from: string;
  to: string;
  validFrom: string;
  validTo: string;
}

let nextKey = 1;
const rowOf = (r: AvailabilityRule): Row => ({
  key: nextKey++,
  weekday: String(r.weekday),
  from: r.from,
  to: r.to,
  validFrom: r.validFrom,
  validTo: r.validTo ?? '',
});
const byDayAndTime = (a: AvailabilityRule, b: AvailabilityRule) => a.weekday - b.weekday || a.from.localeCompare(b.from);

/**
 * A consultant's weekly availability in one office: rows of weekday, from, to and validity, saved
 * all at once (the API replaces the set). Each field shows its own message, from the shared schema
 * before sending or from the server after (`rules/2/to`).
 */
export function WeeklyRulesEditor({ consultantId, officeId }: { consultantId: string; officeId: string }) {
  const { t } = useTranslation();
  const { show } = useNotice();
  const query = useApiQuery(agendaEndpoints.availability, { params: { consultantId }, query: { officeId } }, [consultantId, officeId]);
  const [rows, setRows] = useState<Row[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    setRows([...(query.data?.rules ?? [])].sort(byDayAndTime).map(rowOf));
    fields.clear();
    setError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query.data]);

  const set = (key: number, field: keyof Omit<Row, 'key'>) => (value: string) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
  const add = () => {
    const last = rows[rows.length - 1];
    setRows([
      ...rows,
      {
        key: nextKey++,
        weekday: last ? String(Math.min(Number(last.weekday) + 1, 5)) : '1',
        from: last?.from ?? '09:00',
        to: last?.to ?? '13:00',
        validFrom: last?.validFrom ?? romeToday(new Date()),
        validTo: last?.validTo ?? '',
      },
    ]);
    // The new row's first field takes the focus, so the keyboard carries on there.
    setTimeout(() => formRef.current?.querySelector<HTMLSelectElement>('.agenda-rule:last-of-type select')?.focus(), 0);
  };
  const remove = (key: number) => setRows(rows.filter((r) => r.key !== key));

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const body = {
      officeId,
      rules: rows.map((r) => ({ weekday: Number(r.weekday), from: r.from, to: r.to, validFrom: r.validFrom, validTo: r.validTo || null })),
    };
    if (!fields.check(agendaEndpoints.replaceAvailability, body, formRef.current)) return;
    setBusy(true);
    try {
      query.setData(await call(agendaEndpoints.replaceAvailability, { params: { consultantId }, body }));
      show('success', t('agenda.availability.saved'));
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
      setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
    } finally {
      setBusy(false);
    }
  };

  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(`agenda.weekdays.${d}`) }));
  return (
    <section aria-labelledby="rules-h" className="mb-5">
      <h2 id="rules-h" className="h4">
        {t('agenda.availability.title')}
      </h2>
      <p>{t('agenda.availability.help')}</p>
      <ProblemAlert error={query.error} />
      <form ref={formRef} onSubmit={(e) => void save(e)} noValidate>
        {rows.length === 0 && query.data && <p>{t('agenda.availability.none')}</p>}
        <ol className="list-unstyled">
          {rows.map((r, i) => (
            <li key={r.key} className="agenda-rule row g-2 align-items-start border-bottom mb-2">
              <SelectField
                className="col-12 col-sm-6 col-lg-2"
                label={t('agenda.availability.weekday')}
                value={r.weekday}
                onChange={set(r.key, 'weekday')}
                options={weekdays}
                error={fields.errors[`rules/${i}/weekday`]}
              />
              <TextField
                className="col-6 col-lg-2"
                type="time"
                step={900}
                label={t('agenda.availability.from')}
                value={r.from}
                onChange={set(r.key, 'from')}
                error={fields.errors[`rules/${i}/from`]}
                required
              />
              <TextField
                className="col-6 col-lg-2"
                type="time"
                step={900}
                label={t('agenda.availability.to')}
                value={r.to}
                onChange={set(r.key, 'to')}
                error={fields.errors[`rules/${i}/to`]}
                required
              />
              <TextField
                className="col-6 col-lg-2"
                type="date"
                label={t('agenda.availability.validFrom')}
                value={r.validFrom}
                onChange={set(r.key, 'validFrom')}
                error={fields.errors[`rules/${i}/validFrom`]}
                required
              />
              <TextField
                className="col-6 col-lg-2"
                type="date"
                label={t('agenda.availability.validTo')}
                value={r.validTo}
                onChange={set(r.key, 'validTo')}
                error={fields.errors[`rules/${i}/validTo`]}
              />
              <div className="col-12 col-lg-2 mb-3 agenda-rule-remove">
                <Button color="danger" outline size="sm" type="button" onClick={() => remove(r.key)}>
                  {t('agenda.availability.remove')}
                  <span className="visually-hidden">
                    {' '}
                    {t('agenda.availability.rowName', { weekday: t(`agenda.weekdays.${r.weekday}`), from: r.from, to: r.to })}
                  </span>
                </Button>
              </div>
            </li>
          ))}
        </ol>
        <ProblemAlert error={error} shownBesideFields={fields.errors} />
        <div className="d-flex flex-wrap gap-2">
          <Button color="primary" outline type="button" onClick={add}>
            {t('agenda.availability.add')}
          </Button>
          <Button color="primary" type="submit" disabled={busy || !query.data}>
            {t('agenda.availability.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
