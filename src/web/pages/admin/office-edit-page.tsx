import { Button } from 'design-react-kit';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Office } from '../../../shared/schemas/office.schema';
import { officeEndpoints } from '../../../shared/api/staff.endpoints';
import { call } from '../../api/client';
import { useNotice } from '../../components/notice';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { TextField } from '../../components/text-field';

type Slot = Office['openingHours'][number];

export function OfficeEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const notice = useNotice();
  const [office, setOffice] = useState<Office | null>(null);
  const [form, setForm] = useState<Office | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    call(officeEndpoints.get, { params: { id: id! } }).then((o) => {
      setOffice(o);
      setForm(o);
    }, setError);
  }, [id]);

  if (!form || !office) return <ProblemAlert error={error} />;
  const set =
    <K extends keyof Office>(key: K) =>
    (value: Office[K]) =>
      setForm({ ...form, [key]: value });
  const setSlot = (index: number, change: Partial<Slot>) =>
    set('openingHours')(form.openingHours.map((s, i) => (i === index ? { ...s, ...change } : s)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const saved = await call(officeEndpoints.update, {
        params: { id: office.id },
        body: {
          name: form.name,
          address: form.address,
          postalCode: form.postalCode,
          comune: form.comune,
          province: form.province,
          phone: form.phone,
          email: form.email,
          openingHours: form.openingHours,
          active: form.active,
        },
      });
      setOffice(saved);
      setForm(saved);
      notice.show('success', t('offices.saved'));
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <p>
        <Link to="/amministrazione/sedi">← {t('offices.back')}</Link>
      </p>
      <PageTitle>{t('offices.editTitle', { name: office.name })}</PageTitle>
      <ProblemAlert error={error} />
      <form onSubmit={submit} noValidate>
        <div className="row">
          <TextField className="col-md-8" label={t('offices.name')} required value={form.name} onChange={set('name')} />
          <TextField className="col-md-4" label={t('offices.code')} value={form.code} onChange={() => {}} readOnly />
          <TextField className="col-md-6" label={t('offices.address')} value={form.address} onChange={set('address')} />
          <TextField
            className="col-md-2"
            label={t('offices.postalCode')}
            inputMode="numeric"
            value={form.postalCode}
            onChange={set('postalCode')}
          />
          <TextField className="col-md-3" label={t('offices.comune')} value={form.comune} onChange={set('comune')} />
          <TextField className="col-md-1" label={t('offices.province')} value={form.province} onChange={set('province')} maxLength={2} />
          <TextField className="col-md-6" label={t('offices.phone')} type="tel" value={form.phone} onChange={set('phone')} />
          <TextField className="col-md-6" label={t('offices.email')} type="email" value={form.email} onChange={set('email')} />
        </div>
        <div className="form-check mb-4">
          <input
            id="office-active"
            type="checkbox"
            className="form-check-input"
            checked={form.active}
            onChange={(e) => set('active')(e.target.checked)}
          />
          <label htmlFor="office-active" className="form-check-label">
            {t('offices.activeLabel')}
          </label>
        </div>
        <fieldset className="mb-4">
          <legend className="h5">{t('offices.hours')}</legend>
          {form.openingHours.map((slot, index) => (
            <div key={index} className="row align-items-end">
              <div className="col-sm-4 mb-3">
                <label className="form-label-static" htmlFor={`slot-day-${index}`}>
                  {t('offices.day')}
                </label>
                <select
                  id={`slot-day-${index}`}
                  className="form-select"
                  value={slot.day}
                  onChange={(e) => setSlot(index, { day: Number(e.target.value) })}
                >
                  {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                    <option key={d} value={d}>
                      {t(`days.${d}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="col-sm-3 mb-3">
                <label className="form-label-static" htmlFor={`slot-opens-${index}`}>
                  {t('offices.opens')}
                </label>
                <input
                  id={`slot-opens-${index}`}
                  type="time"
                  className="form-control"
                  value={slot.opens}
                  onChange={(e) => setSlot(index, { opens: e.target.value })}
                />
              </div>
              <div className="col-sm-3 mb-3">
                <label className="form-label-static" htmlFor={`slot-closes-${index}`}>
                  {t('offices.closes')}
                </label>
                <input
                  id={`slot-closes-${index}`}
                  type="time"
                  className="form-control"
                  value={slot.closes}
                  onChange={(e) => setSlot(index, { closes: e.target.value })}
                />
              </div>
              <div className="col-sm-2 mb-3">
                <Button
                  color="danger"
                  outline
                  size="sm"
                  type="button"
                  onClick={() => set('openingHours')(form.openingHours.filter((_, i) => i !== index))}
                >
                  {t('offices.removeSlot', { n: index + 1 })}
                </Button>
              </div>
            </div>
          ))}
          <Button
            color="primary"
            outline
            size="sm"
            type="button"
            onClick={() => set('openingHours')([...form.openingHours, { day: 1, opens: '09:00', closes: '12:00' }])}
          >
            {t('offices.addSlot')}
          </Button>
        </fieldset>
        <Button color="primary" type="submit">
          {t('offices.save')}
        </Button>
      </form>
    </>
  );
}
