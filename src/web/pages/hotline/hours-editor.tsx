import { Button } from 'design-react-kit';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HotlineStatus } from '../../../shared/schemas/outreach.schema';
import { hotlineEndpoints } from '../../../shared/api/outreach.endpoints';
import { call } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { useNotice } from '../../components/notice';
import { ProblemAlert } from '../../components/problem-alert';
import { TextField } from '../../components/text-field';

type Slot = { weekday: number; opens: string; closes: string };

/** Coordinators set the office's hotline slots (several a day) and add closed days. */
export function HoursEditor({ status, onSaved }: { status: HotlineStatus; onSaved(): void }) {
  const { t } = useTranslation();
  const { show } = useNotice();
  const [slots, setSlots] = useState<Slot[]>(status.hours);
  const [holiday, setHoliday] = useState({ date: '', name: '', wholeNetwork: false });
  const [error, setError] = useState<unknown>(null);
  // A closed day already there answers 409 with the date named: shown beside the date field.
  const holidayFields = useFieldErrors();
  useEffect(() => setSlots(status.hours), [status.hours]);

  const update = (i: number, patch: Partial<Slot>) => setSlots(slots.map((s, j) => (j === i ? { ...s, ...patch } : s)));

  async function saveHours() {
    setError(null);
    try {
      await call(hotlineEndpoints.setHours, { params: { officeId: status.officeId }, body: { slots } });
      show('success', t('hotline.hoursSaved'));
      onSaved();
    } catch (err) {
      setError(err);
    }
  }

  async function addHoliday(event: FormEvent) {
    event.preventDefault();
    setError(null);
    holidayFields.clear();
    try {
      await call(hotlineEndpoints.addHoliday, {
        body: { date: holiday.date, name: holiday.name, officeId: holiday.wholeNetwork ? null : status.officeId },
      });
      show('success', t('hotline.holidayAdded'));
      setHoliday({ date: '', name: '', wholeNetwork: false });
      onSaved();
    } catch (err) {
      holidayFields.fromProblem(err);
      setError(err);
    }
  }

  return (
    <details className="mt-5">
      <summary className="h5 d-inline">{t('hotline.manage')}</summary>
      <ProblemAlert error={error} shownBesideFields={holidayFields.errors} />
      <fieldset className="mt-3">
        <legend className="h6">{t('hotline.hours')}</legend>
        {slots.map((s, i) => (
          <div className="d-flex flex-wrap gap-2 align-items-end mb-2" key={i}>
            <label className="visually-hidden" htmlFor={`slot-day-${i}`}>
              {t('hotline.slotDay', { n: i + 1 })}
            </label>
            <select
              id={`slot-day-${i}`}
              className="form-select w-auto"
              value={s.weekday}
              onChange={(e) => update(i, { weekday: Number(e.target.value) })}
            >
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <option key={d} value={d}>
                  {t(`hotline.weekday.${d}`)}
                </option>
              ))}
            </select>
            <input
              aria-label={t('hotline.slotOpens', { n: i + 1 })}
              type="time"
              className="form-control w-auto"
              value={s.opens}
              onChange={(e) => update(i, { opens: e.target.value })}
            />
            <input
              aria-label={t('hotline.slotCloses', { n: i + 1 })}
              type="time"
              className="form-control w-auto"
              value={s.closes}
              onChange={(e) => update(i, { closes: e.target.value })}
            />
            <Button
              size="sm"
              color="secondary"
              outline
              type="button"
              onClick={() => setSlots(slots.filter((_, j) => j !== i))}
              aria-label={t('hotline.slotRemove', { n: i + 1 })}
            >
              ×
            </Button>
          </div>
        ))}
        <div className="d-flex gap-2">
          <Button
            size="sm"
            color="secondary"
            outline
            type="button"
            onClick={() => setSlots([...slots, { weekday: 1, opens: '10:00', closes: '13:30' }])}
          >
            {t('hotline.slotAdd')}
          </Button>
          <Button size="sm" color="primary" type="button" onClick={() => void saveHours()}>
            {t('hotline.saveHours')}
          </Button>
        </div>
      </fieldset>
      <form className="row mt-4" onSubmit={(e) => void addHoliday(e)}>
        <h3 className="h6">{t('hotline.addHoliday')}</h3>
        <TextField
          className="col-md-3"
          label={t('hotline.holidayDate')}
          type="date"
          value={holiday.date}
          onChange={(date) => setHoliday({ ...holiday, date })}
          error={holidayFields.errors.date}
          required
        />
        <TextField
          className="col-md-5"
          label={t('hotline.holidayName')}
          value={holiday.name}
          onChange={(name) => setHoliday({ ...holiday, name })}
          required
        />
        <div className="col-md-4 form-check mt-md-4">
          <input
            id="holiday-network"
            className="form-check-input"
            type="checkbox"
            checked={holiday.wholeNetwork}
            onChange={(e) => setHoliday({ ...holiday, wholeNetwork: e.target.checked })}
          />
          <label className="form-check-label" htmlFor="holiday-network">
            {t('hotline.wholeNetwork')}
          </label>
        </div>
        <div className="col-12">
          <Button size="sm" color="primary" type="submit">
            {t('hotline.addHoliday')}
          </Button>
        </div>
      </form>
    </details>
  );
}
