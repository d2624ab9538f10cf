import { Button } from 'design-react-kit';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Office } from '../../../shared/schemas/office.schema';
import {
  CIGS_REASONS,
  updateProgrammeRequestSchema,
  type Programme,
  type UpdateProgrammeRequest,
} from '../../../shared/schemas/programmes.schema';
import { programmeEndpoints } from '../../../shared/api/programmes.endpoints';
import { officeEndpoints } from '../../../shared/api/staff.endpoints';
import type { BodyOf } from '../../../shared/api/endpoint';
import { call } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { useNotice } from '../../components/notice';
import { SelectField, TextAreaField, TextField } from '../../components/text-field';

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

const EMPTY: Form = {
  code: '',
  name: '',
  description: '',
  startsOn: '',
  endsOn: '',
  capacity: '200',
  fundingSource: '',
  eligibleReasons: ['cessazione_attivita', 'concordato_senza_continuita'],
  requireActiveCigs: true,
  status: 'draft',
  officeIds: [],
};

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
  const fields = useFieldErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  useEffect(() => {
    call(officeEndpoints.list).then((r) => setOffices(r.items), setError);
    if (id) {
      call(programmeEndpoints.get, { params: { id } }).then((p) => setForm(formOf(p)), setError);
    }
  }, [id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    // A new programme has every editable field, so the body fits the create schema as well.
    const body = programmeBodyOf(form) as BodyOf<typeof programmeEndpoints.create>;
    // Checked with the endpoint's own schema before sending: the message shows under the field.
    if (!fields.check(id ? programmeEndpoints.update : programmeEndpoints.create, body, formRef.current)) return;
    try {
      const saved = id ? await call(programmeEndpoints.update, { params: { id }, body }) : await call(programmeEndpoints.create, { body });
      show('success', t('programmes.saved'));
      navigate(`/programmi/${saved.id}`);
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
    }
  };

  return (
    <>
      <PageTitle>{id ? t('programmes.edit') : t('programmes.new')}</PageTitle>
      <ProblemAlert error={error} shownBesideFields={fields.errors} />
      <form ref={formRef} onSubmit={submit} className="row" noValidate>
        <TextField
          className="col-12 col-md-4"
          label={t('programmes.fields.code')}
          value={form.code}
          onChange={(v) => set('code', v)}
          error={fields.errors.code}
          required
        />
        <TextField
          className="col-12 col-md-8"
          label={t('programmes.fields.name')}
          value={form.name}
          onChange={(v) => set('name', v)}
          error={fields.errors.name}
          required
        />
        <TextAreaField
          className="col-12"
          label={t('programmes.fields.description')}
          rows={3}
          value={form.description}
          onChange={(v) => set('description', v)}
          error={fields.errors.description}
        />
        <TextField
          className="col-6 col-md-3"
          type="date"
          label={t('programmes.fields.startsOn')}
          value={form.startsOn}
          onChange={(v) => set('startsOn', v)}
          error={fields.errors.startsOn}
          required
        />
        <TextField
          className="col-6 col-md-3"
          type="date"
          label={t('programmes.fields.endsOn')}
          value={form.endsOn}
          onChange={(v) => set('endsOn', v)}
          error={fields.errors.endsOn}
        />
        <TextField
          className="col-6 col-md-3"
          type="number"
          min={1}
          inputMode="numeric"
          label={t('programmes.fields.capacity')}
          value={form.capacity}
          onChange={(v) => set('capacity', v)}
          error={fields.errors.capacity}
          required
        />
        <SelectField
          className="col-6 col-md-3"
          label={t('programmes.fields.status')}
          value={form.status}
          onChange={(v) => set('status', v as Form['status'])}
          options={(['draft', 'open', 'closed'] as const).map((s) => ({ value: s, label: t(`programmes.status.${s}`) }))}
        />
        <TextField
          className="col-12"
          label={t('programmes.fields.fundingSource')}
          value={form.fundingSource}
          onChange={(v) => set('fundingSource', v)}
          error={fields.errors.fundingSource}
        />
        <fieldset className="col-12 col-md-6 mb-3">
          <legend className="h6">{t('programmes.fields.eligibleReasons')}</legend>
          {CIGS_REASONS.map((reason) => (
            <div className="form-check" key={reason}>
              <input
                id={`reason-${reason}`}
                type="checkbox"
                className="form-check-input"
                checked={form.eligibleReasons.includes(reason)}
                onChange={() => set('eligibleReasons', toggle(form.eligibleReasons, reason))}
              />
              <label htmlFor={`reason-${reason}`} className="form-check-label">
                {t(`people.reasons.${reason}`)}
              </label>
            </div>
          ))}
          <div className="form-check mt-2">
            <input
              id="require-active"
              type="checkbox"
              className="form-check-input"
              checked={form.requireActiveCigs}
              onChange={(e) => set('requireActiveCigs', e.target.checked)}
            />
            <label htmlFor="require-active" className="form-check-label">
              {t('programmes.fields.requireActiveCigs')}
            </label>
          </div>
        </fieldset>
        <fieldset className="col-12 col-md-6 mb-3">
          <legend className="h6">{t('programmes.fields.offices')}</legend>
          {offices.map((o) => (
            <div className="form-check" key={o.id}>
              <input
                id={`office-${o.id}`}
                type="checkbox"
                className="form-check-input"
                checked={form.officeIds.includes(o.id)}
                onChange={() => set('officeIds', toggle(form.officeIds, o.id))}
              />
              <label htmlFor={`office-${o.id}`} className="form-check-label">
                {o.name}
              </label>
            </div>
          ))}
        </fieldset>
        <div className="col-12">
          <Button color="primary" type="submit">
            {t('programmes.save')}
          </Button>
        </div>
      </form>
    </>
  );
}
