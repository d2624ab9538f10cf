import { Button } from 'design-react-kit';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { trainingEndpoints } from '../../../shared/api/training.endpoints';
import { officeEndpoints } from '../../../shared/api/staff.endpoints';
import type { BodyOf } from '../../../shared/api/endpoint';
import type { Office } from '../../../shared/schemas/office.schema';
import {
  COURSE_DELIVERIES,
  COURSE_FUNDINGS,
  COURSE_STATUSES,
  type Course,
  type CreateCourseRequest,
  type Provider,
} from '../../../shared/schemas/training.schema';
import { ApiError, call } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { Autocomplete } from '../../components/autocomplete';
import { useNotice } from '../../components/notice';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import type { TaxonomyItem } from '../../components/taxonomy-search';
import { SelectField, TextAreaField, TextField } from '../../components/text-field';
import { RemoveButton } from '../workers/profile/profile-fields';

interface Form {
  providerId: string;
  title: string;
  description: string;
  skills: Array<{ uri: string; label: string }>;
  hours: string;
  startDate: string;
  endDate: string;
  schedule: string;
  delivery: Course['delivery'];
  officeId: string;
  place: string;
  seats: string;
  cost: string;
  funding: Course['funding'];
  enrolmentDeadline: string;
  certificate: string;
  status: Course['status'];
}

const EMPTY: Form = {
  providerId: '',
  title: '',
  description: '',
  skills: [],
  hours: '',
  startDate: '',
  endDate: '',
  schedule: '',
  delivery: 'in_person',
  officeId: '',
  place: '',
  seats: '',
  cost: '0',
  funding: 'gol',
  enrolmentDeadline: '',
  certificate: '',
  status: 'draft',
};

function formOf(c: Course): Form {
  return {
    providerId: c.providerId,
    title: c.title,
    description: c.description,
    skills: c.skills,
    hours: String(c.hours),
    startDate: c.startDate,
    endDate: c.endDate,
    schedule: c.schedule,
    delivery: c.delivery,
    officeId: c.officeId ?? '',
    place: c.place,
    seats: String(c.seats),
    cost: String(c.costEur).replace('.', ','),
    funding: c.funding,
    enrolmentDeadline: c.enrolmentDeadline ?? '',
    certificate: c.certificate,
    status: c.status,
  };
}

/** Numbers as people type them here: "1.200,50" or "80". An empty field stays NaN, which the schema refuses by name. */
const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(/\./g, '').replace(',', '.')));

function bodyOf(form: Form): CreateCourseRequest {
  return {
    providerId: form.providerId,
    title: form.title,
    description: form.description,
    hours: number(form.hours),
    startDate: form.startDate,
    endDate: form.endDate,
    schedule: form.schedule,
    delivery: form.delivery,
    officeId: form.delivery === 'online' || !form.officeId ? null : form.officeId,
    place: form.delivery === 'online' ? '' : form.place,
    seats: number(form.seats),
    costEur: form.cost.trim() === '' ? 0 : number(form.cost),
    funding: form.funding,
    enrolmentDeadline: form.enrolmentDeadline || null,
    certificate: form.certificate,
    status: form.status,
    skills: form.skills.map((s) => ({ uri: s.uri })),
  };
}

/** Create (no id) or change a course of the catalogue; coordinators and administrators (the route checks training.manage). */
export function CourseFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { show } = useNotice();
  const [form, setForm] = useState<Form>(EMPTY);
  const [version, setVersion] = useState(0);
  const [providers, setProviders] = useState<Provider[]>([]);
  const [offices, setOffices] = useState<Office[]>([]);
  const [searched, setSearched] = useState<TaxonomyItem | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(!id);
  const fields = useFieldErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  const load = () => {
    if (!id) return;
    call(trainingEndpoints.course, { params: { id } }).then((c) => {
      setForm(formOf(c));
      setVersion(c.version);
      setLoaded(true);
      setError(null);
      fields.clear();
    }, setError);
  };
  useEffect(() => {
    call(trainingEndpoints.providers).then((r) => {
      setProviders(r.items);
      if (!id && r.items.length === 1) setForm((f) => ({ ...f, providerId: r.items[0]!.id }));
    }, setError);
    call(officeEndpoints.list).then((r) => setOffices(r.items), setError);
    load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const addSkill = () => {
    if (!searched) return;
    if (!form.skills.some((s) => s.uri === searched.id)) set('skills', [...form.skills, { uri: searched.id, label: searched.label }]);
    setSearched(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const body = bodyOf(form);
    if (id) {
      const update = { ...body, baseVersion: version } as BodyOf<typeof trainingEndpoints.updateCourse>;
      if (!fields.check(trainingEndpoints.updateCourse, update, formRef.current)) return;
      try {
        const saved = await call(trainingEndpoints.updateCourse, { params: { id }, body: update });
        show('success', t('training.form.saved', { title: saved.title }));
        navigate(`/formazione/corsi/${saved.id}`);
      } catch (err) {
        fields.fromProblem(err);
        setError(err);
      }
      return;
    }
    if (!fields.check(trainingEndpoints.createCourse, body, formRef.current)) return;
    try {
      const saved = await call(trainingEndpoints.createCourse, { body });
      show('success', t('training.form.created', { title: saved.title }));
      navigate(`/formazione/corsi/${saved.id}`);
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
    }
  };

  const stale = error instanceof ApiError && error.code === 'COURSE_VERSION_CONFLICT';
  const e = fields.errors;
  return (
    <>
      <p>
        <Link to={id ? `/formazione/corsi/${id}` : '/formazione'}>{id ? form.title || t('training.title') : t('training.title')}</Link>
      </p>
      <PageTitle lead={t('training.form.lead')}>{id ? t('training.form.editTitle') : t('training.form.newTitle')}</PageTitle>
      <ProblemAlert error={error} shownBesideFields={e} />
      {stale && (
        <Button color="primary" outline className="mb-3" onClick={load}>
          {t('training.form.reload')}
        </Button>
      )}
      {!id && providers.length === 0 && (
        <p>
          {t('training.form.noProviders')} <Link to="/formazione/enti">{t('training.providers.title')}</Link>
        </p>
      )}
      {loaded && (
        <form ref={formRef} onSubmit={submit} className="row" noValidate>
          <SelectField
            className="col-12 col-md-6"
            label={t('training.form.provider')}
            value={form.providerId}
            onChange={(v) => set('providerId', v)}
            error={e.providerId}
            required
            options={[{ value: '', label: t('training.form.chooseProvider') }, ...providers.map((p) => ({ value: p.id, label: p.name }))]}
          />
          <SelectField
            className="col-12 col-md-6"
            label={t('training.form.status')}
            value={form.status}
            onChange={(v) => set('status', v as Form['status'])}
            options={COURSE_STATUSES.map((s) => ({ value: s, label: t(`training.status.${s}`) }))}
          />
          <TextField
            className="col-12"
            label={t('training.form.title')}
            value={form.title}
            onChange={(v) => set('title', v)}
            error={e.title}
            required
          />
          <TextAreaField
            className="col-12"
            label={t('training.form.description')}
            rows={3}
            value={form.description}
            onChange={(v) => set('description', v)}
            error={e.description}
          />

          <fieldset className="col-12 mb-3">
            <legend className="h6">{t('training.detail.skills')}</legend>
            {form.skills.length === 0 ? (
              <p className="text-secondary">{t('training.form.noSkills')}</p>
            ) : (
              <ul className="list-unstyled mb-2" aria-label={t('training.form.chosenSkills')}>
                {form.skills.map((s) => (
                  <li key={s.uri} className="d-flex flex-wrap align-items-center gap-2 border-bottom py-1">
                    <span className="flex-grow-1">{s.label}</span>
                    <RemoveButton
                      what={s.label}
                      onClick={() =>
                        set(
                          'skills',
                          form.skills.filter((x) => x.uri !== s.uri),
                        )
                      }
                    />
                  </li>
                ))}
              </ul>
            )}
            {e.skills && <div className="invalid-feedback d-block mb-2">{e.skills}</div>}
            <div className="row align-items-end">
              <div className="col-12 col-md-8 mb-2">
                <Autocomplete kind="skills" label={t('training.form.searchSkill')} value={searched} onChange={setSearched} />
              </div>
              <div className="col-12 col-md-4 mb-2">
                <Button type="button" color="primary" outline size="sm" disabled={!searched} onClick={addSkill}>
                  {t('training.form.addSkill')}
                </Button>
              </div>
            </div>
          </fieldset>

          <TextField
            className="col-6 col-md-3"
            label={t('training.form.hours')}
            inputMode="numeric"
            value={form.hours}
            onChange={(v) => set('hours', v)}
            error={e.hours}
            required
          />
          <TextField
            className="col-6 col-md-3"
            label={t('training.form.seats')}
            inputMode="numeric"
            value={form.seats}
            onChange={(v) => set('seats', v)}
            error={e.seats}
            required
          />
          <TextField
            className="col-6 col-md-3"
            type="date"
            label={t('training.form.startDate')}
            value={form.startDate}
            onChange={(v) => set('startDate', v)}
            error={e.startDate}
            required
          />
          <TextField
            className="col-6 col-md-3"
            type="date"
            label={t('training.form.endDate')}
            value={form.endDate}
            onChange={(v) => set('endDate', v)}
            error={e.endDate}
            required
          />
          <TextField
            className="col-12 col-md-6"
            type="date"
            label={t('training.detail.deadline')}
            help={t('training.form.deadlineHelp')}
            value={form.enrolmentDeadline}
            onChange={(v) => set('enrolmentDeadline', v)}
            error={e.enrolmentDeadline}
          />
          <TextField
            className="col-12 col-md-6"
            label={t('training.detail.schedule')}
            help={t('training.form.scheduleHelp')}
            value={form.schedule}
            onChange={(v) => set('schedule', v)}
            error={e.schedule}
          />

          <SelectField
            className="col-12 col-md-4"
            label={t('training.delivery')}
            value={form.delivery}
            onChange={(v) => set('delivery', v as Form['delivery'])}
            options={COURSE_DELIVERIES.map((d) => ({ value: d, label: t(`training.deliveries.${d}`) }))}
          />
          {form.delivery !== 'online' && (
            <>
              <SelectField
                className="col-12 col-md-4"
                label={t('training.form.office')}
                value={form.officeId}
                onChange={(v) => set('officeId', v)}
                error={e.officeId}
                options={[{ value: '', label: t('training.form.noOffice') }, ...offices.map((o) => ({ value: o.id, label: o.name }))]}
              />
              <TextField
                className="col-12 col-md-4"
                label={t('training.detail.place')}
                help={t('training.form.placeHelp')}
                value={form.place}
                onChange={(v) => set('place', v)}
                error={e.place}
              />
            </>
          )}

          <SelectField
            className="col-12 col-md-6"
            label={t('training.detail.funding')}
            value={form.funding}
            onChange={(v) => set('funding', v as Form['funding'])}
            options={COURSE_FUNDINGS.map((f) => ({ value: f, label: t(`training.funding.${f}`) }))}
          />
          <TextField
            className="col-12 col-md-6"
            label={t('training.form.cost')}
            help={t('training.form.costHelp')}
            inputMode="decimal"
            value={form.cost}
            onChange={(v) => set('cost', v)}
            error={e.costEur}
          />
          <TextField
            className="col-12"
            label={t('training.detail.certificate')}
            help={t('training.form.certificateHelp')}
            value={form.certificate}
            onChange={(v) => set('certificate', v)}
            error={e.certificate}
          />
          <div className="col-12">
            <Button color="primary" type="submit">
              {id ? t('training.form.saveChanges') : t('training.form.create')}
            </Button>
          </div>
        </form>
      )}
    </>
  );
}
