import { Button } from 'design-react-kit';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Office } from '../../../shared/schemas/office.schema';
import { CIGS_REASONS, updateProgrammeRequestSchema, type Programme, type UpdateProgrammeRequest } from '../../../shared/schemas/programmes.schema';
import { api } from '../../api/client';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { useNotice } from '../../components/notice';
import { SelectField, TextField } from '../../components/text-field';

interface Form {
  code: string;
  name: string;
  description: string;
  startsOn: string;
  endsOn: string;
  capacity: string;
  fundingSource: string;
  eligibleReasons: string[];
  requireActiveCigs: boolean;
  status: 'draft' | 'open' | 'closed';
  officeIds: string[];
}

const EMPTY: Form = { code: '', name: '', description: '', startsOn: '', endsOn: '', capacity: '200', fundingSource: '', eligibleReasons: ['cessazione_attivita', 'concordato_senza_continuita'], requireActiveCigs: true, status: 'draft', officeIds: [] };

/**
 * The editable fields only, named by the shared update schema: the programme as read also carries
 * id, places and counts, which the strict update schema refuses (and so no change could be saved).
 */
const EDITABLE_KEYS = Object.keys(updateProgrammeRequestSchema.shape) as Array<keyof UpdateProgrammeRequest>;

function formOf(p: Programme): Form {
  return {
    code: p.code,
    name: p.name,
    description: p.description,
    startsOn: p.startsOn,
    endsOn: p.endsOn ?? '',
    capacity: String(p.capacity),
    fundingSource: p.fundingSource,
    eligibleReasons: p.eligibleReasons,
    requireActiveCigs: p.requireActiveCigs,
    status: p.status,
    officeIds: p.officeIds,
  };
}

function programmeBodyOf(form: Form): UpdateProgrammeRequest {
  const values: Record<string, unknown> = { ...form, capacity: Number(form.capacity), endsOn: form.endsOn || null };
  return Object.fromEntries(EDITABLE_KEYS.filter((k) => k in values).map((k) => [k, values[k]])) as UpdateProgrammeRequest;
}

const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

/** Create (no id) or edit a programme; coordinators only (the route checks programmes.manage). */
export function ProgrammeFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { show } = useNotice();
  const [form, setForm] = useState<Form>(EMPTY);
  const [offices, setOffices] = useState<Office[]>([]);
  const [error, setError] = useState<unknown>(null);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  useEffect(() => {
    api.get<{ items: Office[] }>('/api/v1/offices').then((r) => setOffices(r.items), setError);
    if (id) {
      api.get<Programme>(`/api/v1/programmes/${id}`).then(
        (p) => setForm(formOf(p)),
        setError,
      );
    }
  }, [id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const body = programmeBodyOf(form);
    try {
      const saved = id ? await api.patch<Programme>(`/api/v1/programmes/${id}`, body) : await api.post<Programme>('/api/v1/programmes', body);
      show('success', t('programmes.saved'));
      navigate(`/programmi/${saved.id}`);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <PageTitle>{id ? t('programmes.edit') : t('programmes.new')}</PageTitle>
      <ProblemAlert error={error} />
      <form onSubmit={submit} className="row" noValidate>
        <TextField className="col-12 col-md-4" label={t('programmes.fields.code')} value={form.code} onChange={(v) => set('code', v)} required />
        <TextField className="col-12 col-md-8" label={t('programmes.fields.name')} value={form.name} onChange={(v) => set('name', v)} required />
        <div className="col-12 mb-3">
          <label htmlFor="programme-description" className="form-label-static">{t('programmes.fields.description')}</label>
          <textarea id="programme-description" className="form-control" rows={3} value={form.description} onChange={(e) => set('description', e.target.value)} />
        </div>
        <TextField className="col-6 col-md-3" type="date" label={t('programmes.fields.startsOn')} value={form.startsOn} onChange={(v) => set('startsOn', v)} required />
        <TextField className="col-6 col-md-3" type="date" label={t('programmes.fields.endsOn')} value={form.endsOn} onChange={(v) => set('endsOn', v)} />
        <TextField className="col-6 col-md-3" type="number" min={1} inputMode="numeric" label={t('programmes.fields.capacity')} value={form.capacity} onChange={(v) => set('capacity', v)} required />
        <SelectField
          className="col-6 col-md-3"
          label={t('programmes.fields.status')}
          value={form.status}
          onChange={(v) => set('status', v as Form['status'])}
          options={(['draft', 'open', 'closed'] as const).map((s) => ({ value: s, label: t(`programmes.status.${s}`) }))}
        />
        <TextField className="col-12" label={t('programmes.fields.fundingSource')} value={form.fundingSource} onChange={(v) => set('fundingSource', v)} />
        <fieldset className="col-12 col-md-6 mb-3">
          <legend className="h6">{t('programmes.fields.eligibleReasons')}</legend>
          {CIGS_REASONS.map((reason) => (
            <div className="form-check" key={reason}>
              <input id={`reason-${reason}`} type="checkbox" className="form-check-input" checked={form.eligibleReasons.includes(reason)} onChange={() => set('eligibleReasons', toggle(form.eligibleReasons, reason))} />
              <label htmlFor={`reason-${reason}`} className="form-check-label">{t(`people.reasons.${reason}`)}</label>
            </div>
          ))}
          <div className="form-check mt-2">
            <input id="require-active" type="checkbox" className="form-check-input" checked={form.requireActiveCigs} onChange={(e) => set('requireActiveCigs', e.target.checked)} />
            <label htmlFor="require-active" className="form-check-label">{t('programmes.fields.requireActiveCigs')}</label>
          </div>
        </fieldset>
        <fieldset className="col-12 col-md-6 mb-3">
          <legend className="h6">{t('programmes.fields.offices')}</legend>
          {offices.map((o) => (
            <div className="form-check" key={o.id}>
              <input id={`office-${o.id}`} type="checkbox" className="form-check-input" checked={form.officeIds.includes(o.id)} onChange={() => set('officeIds', toggle(form.officeIds, o.id))} />
              <label htmlFor={`office-${o.id}`} className="form-check-label">{o.name}</label>
            </div>
          ))}
        </fieldset>
        <div className="col-12">
          <Button color="primary" type="submit">{t('programmes.save')}</Button>
        </div>
      </form>
    </>
  );
}
