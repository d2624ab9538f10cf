import { Alert, Button } from 'design-react-kit';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { decodeCodiceFiscale, validateCodiceFiscale } from '../../../shared/identity/codice-fiscale';
import { companyEndpoints } from '../../../shared/api/companies.endpoints';
import { workerEndpoints } from '../../../shared/api/people.endpoints';
import { officeEndpoints } from '../../../shared/api/staff.endpoints';
import type { CigsCase, CompanySummary } from '../../../shared/schemas/companies.schema';
import type { Office } from '../../../shared/schemas/office.schema';
import type { CreateWorkerInput, DuplicateCandidate } from '../../../shared/schemas/people.schema';
import { call } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { Autocomplete } from '../../components/autocomplete';
import { useNotice } from '../../components/notice';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextField } from '../../components/text-field';
import type { TaxonomyItem } from '../../components/taxonomy-search';
import { formatDate } from './people-format';

const EMPTY = {
  firstName: '',
  lastName: '',
  codiceFiscale: '',
  birthDate: '',
  sex: '',
  birthPlaceCode: '',
  citizenship: '',
  address: '',
  postalCode: '',
  phone: '',
  email: '',
  officeId: '',
  companyId: '',
  cigsCaseId: '',
  cigsEndDate: '',
};
type Form = typeof EMPTY;

/** A taxonomy item for a comune we already know by code and name (the autocomplete's starting value). */
export function comuneItem(code: string | null, name: string | null): TaxonomyItem | null {
  if (!code) return null;
  return {
    id: code,
    kind: 'comune',
    code,
    label: name ?? code,
    labelLanguage: 'it',
    fallback: false,
    matchedLabel: name ?? code,
    match: 'exact',
    detail: null,
  };
}

export function WorkerFormPage() {
  const { id } = useParams();
  const editing = Boolean(id);
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { show } = useNotice();
  const [form, setForm] = useState<Form>(EMPTY);
  const [comune, setComune] = useState<TaxonomyItem | null>(null);
  const [loaded, setLoaded] = useState(!editing);
  const [offices, setOffices] = useState<Office[]>([]);
  const [companies, setCompanies] = useState<CompanySummary[]>([]);
  const [cases, setCases] = useState<CigsCase[]>([]);
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[]>([]);
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    call(officeEndpoints.list).then(
      (r) => setOffices(r.items),
      () => undefined,
    );
    call(companyEndpoints.list).then(
      (r) => setCompanies(r.items),
      () => undefined,
    );
    if (!id) return;
    call(workerEndpoints.get, { params: { id } }).then((w) => {
      setForm({
        firstName: w.firstName,
        lastName: w.lastName,
        codiceFiscale: w.codiceFiscale ?? '',
        birthDate: w.birthDate ?? '',
        sex: w.sex ?? '',
        birthPlaceCode: w.birthPlaceCode ?? '',
        citizenship: w.citizenship ?? '',
        address: w.address,
        postalCode: w.postalCode,
        phone: w.phone ?? '',
        email: w.email ?? '',
        officeId: w.officeId,
        companyId: w.companyId ?? '',
        cigsCaseId: w.cigsCaseId ?? '',
        cigsEndDate: '',
      });
      setComune(comuneItem(w.residenceComuneCode, w.residenceComuneName));
      setLoaded(true);
    }, setError);
  }, [id]);

  useEffect(() => {
    if (!form.companyId) return setCases([]);
    call(companyEndpoints.get, { params: { id: form.companyId } }).then(
      (c) => setCases(c.cigsCases),
      () => setCases([]),
    );
  }, [form.companyId]);

  // Codice fiscale checked as it is typed; when valid, birth data is read from it (D.M. 23/12/1976).
  const cf = form.codiceFiscale.replace(/\s+/g, '').toUpperCase();
  const cfState = useMemo(() => {
    if (cf.length < 16) return null;
    if (!validateCodiceFiscale(cf).valid) return { valid: false as const };
    return { valid: true as const, decoded: decodeCodiceFiscale(cf) };
  }, [cf]);
  useEffect(() => {
    if (!cfState?.valid) return;
    const d = cfState.decoded;
    setForm((f) => ({
      ...f,
      birthDate: f.birthDate || d.birthDate,
      sex: f.sex || d.sex,
      birthPlaceCode: f.birthPlaceCode || d.cadastralCode,
    }));
  }, [cfState]);

  // Inline duplicate warnings: same codice fiscale, same phone, or same name (and birth date).
  useEffect(() => {
    const params = {
      codiceFiscale: cfState?.valid ? cf : '',
      phone: form.phone.replace(/\D/g, '').length >= 6 ? form.phone : '',
      firstName: form.firstName,
      lastName: form.lastName,
      birthDate: form.birthDate,
    };
    if (!params.codiceFiscale && !params.phone && !(params.firstName && params.lastName)) return setDuplicates([]);
    const timer = setTimeout(() => {
      call(workerEndpoints.duplicates, { query: params }).then(
        (r) => setDuplicates(r.items.filter((c) => c.id !== id)),
        () => undefined,
      );
    }, 350);
    return () => clearTimeout(timer);
  }, [cf, cfState, form.phone, form.firstName, form.lastName, form.birthDate, id]);

  const set = (field: keyof Form) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const optional = [
      'codiceFiscale',
      'birthDate',
      'sex',
      'birthPlaceCode',
      'citizenship',
      'phone',
      'email',
      'cigsCaseId',
      'cigsEndDate',
      'officeId',
    ] as const;
    const body: Record<string, unknown> = {
      firstName: form.firstName,
      lastName: form.lastName,
      address: form.address,
      postalCode: form.postalCode,
    };
    for (const field of optional) {
      if (form[field]) body[field] = form[field];
      else if (editing && field !== 'officeId' && field !== 'cigsEndDate') body[field] = null;
    }
    body.residenceComuneCode = comune?.code ?? (editing ? null : undefined);
    // Checked with the endpoint's own schema before sending: the message shows under the field.
    if (!fields.check(editing ? workerEndpoints.update : workerEndpoints.create, body as CreateWorkerInput, formRef.current)) return;
    try {
      const saved = editing
        ? await call(workerEndpoints.update, { params: { id: id! }, body })
        : await call(workerEndpoints.create, { body: body as CreateWorkerInput });
      show('success', editing ? t('people.form.saved') : t('people.form.created'));
      navigate(`/lavoratori/${saved.id}`);
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
    }
  };

  const officeOptions = offices.map((o) => ({ value: o.id, label: o.name }));
  return (
    <>
      <PageTitle lead={t('people.form.lead')}>{editing ? t('people.form.editTitle') : t('people.form.newTitle')}</PageTitle>
      {duplicates.length > 0 && (
        <Alert color="warning" role="alert">
          <p className="mb-1 fw-semibold">{t('people.form.duplicates')}</p>
          <ul className="mb-0">
            {duplicates.map((d) =>
              // A worker of an office outside the operator's scope comes masked: initials and office only, no link.
              d.inScope ? (
                <li key={d.id}>
                  {/* The accessible name holds the visible text, in its order (WCAG 2.5.3 label in name). */}
                  <Link to={`/lavoratori/${d.id}`} aria-label={t('people.form.duplicateOpen', { name: `${d.lastName} ${d.firstName}` })}>
                    {d.lastName} {d.firstName}
                  </Link>{' '}
                  ({d.matchedOn.map((m) => t(`people.form.matchedOn.${m}`)).join(', ')}
                  {d.birthDate ? `, ${formatDate(d.birthDate)}` : ''} · {d.officeName})
                </li>
              ) : (
                <li key={d.id}>
                  {t('people.form.duplicateOtherOffice', { initials: `${d.lastName} ${d.firstName}`, office: d.officeName })} (
                  {d.matchedOn.map((m) => t(`people.form.matchedOn.${m}`)).join(', ')})
                </li>
              ),
            )}
          </ul>
        </Alert>
      )}
      {loaded && (
        <form ref={formRef} onSubmit={submit} noValidate>
          <div className="row">
            <TextField
              className="col-12 col-md-6"
              label={t('people.worker.firstName')}
              value={form.firstName}
              onChange={set('firstName')}
              error={fields.errors.firstName}
              required
              autoComplete="off"
            />
            <TextField
              className="col-12 col-md-6"
              label={t('people.worker.lastName')}
              value={form.lastName}
              onChange={set('lastName')}
              error={fields.errors.lastName}
              required
              autoComplete="off"
            />
            <TextField
              className="col-12 col-md-6"
              label={t('people.workers.phone')}
              value={form.phone}
              onChange={set('phone')}
              error={fields.errors.phone}
              type="tel"
              autoComplete="off"
            />
            <TextField
              className="col-12 col-md-6"
              label={t('people.worker.email')}
              value={form.email}
              onChange={set('email')}
              error={fields.errors.email}
              type="email"
              autoComplete="off"
            />
            <TextField
              className="col-12 col-md-6"
              label={t('people.workers.codiceFiscale')}
              value={form.codiceFiscale}
              onChange={set('codiceFiscale')}
              error={fields.errors.codiceFiscale}
              maxLength={20}
              help={
                cfState?.valid
                  ? t('people.form.cfDecoded', {
                      date: formatDate(cfState.decoded.birthDate),
                      sex: cfState.decoded.sex,
                      place: cfState.decoded.cadastralCode,
                    })
                  : cfState
                    ? t('people.form.cfInvalid')
                    : t('people.form.cfHelp')
              }
              aria-invalid={cfState ? !cfState.valid : undefined}
              autoComplete="off"
            />
            <TextField
              className="col-6 col-md-3"
              label={t('people.worker.birthDate')}
              value={form.birthDate}
              onChange={set('birthDate')}
              error={fields.errors.birthDate}
              type="date"
            />
            <SelectField
              className="col-6 col-md-3"
              label={t('people.worker.sex')}
              value={form.sex}
              onChange={set('sex')}
              error={fields.errors.sex}
              options={[
                { value: '', label: '—' },
                { value: 'F', label: t('people.sex.F') },
                { value: 'M', label: t('people.sex.M') },
              ]}
            />
            <TextField
              className="col-6 col-md-3"
              label={t('people.worker.birthPlace')}
              value={form.birthPlaceCode}
              onChange={set('birthPlaceCode')}
              error={fields.errors.birthPlaceCode}
              maxLength={4}
            />
            <TextField
              className="col-6 col-md-3"
              label={t('people.worker.citizenship')}
              value={form.citizenship}
              onChange={set('citizenship')}
              error={fields.errors.citizenship}
              maxLength={2}
            />
            <div className="col-12 col-md-6 mb-3">
              <Autocomplete kind="comuni" label={t('people.worker.residence')} value={comune} onChange={setComune} />
            </div>
            <TextField
              className="col-12 col-md-6"
              label={t('people.worker.address')}
              value={form.address}
              onChange={set('address')}
              error={fields.errors.address}
            />
            <TextField
              className="col-12 col-md-6"
              label={t('people.worker.postalCode')}
              value={form.postalCode}
              onChange={set('postalCode')}
              error={fields.errors.postalCode}
              inputMode="numeric"
              autoComplete="postal-code"
              maxLength={5}
            />
            <SelectField
              className="col-12 col-md-6"
              label={t('people.workers.office')}
              value={form.officeId}
              onChange={set('officeId')}
              error={fields.errors.officeId}
              options={[{ value: '', label: '—' }, ...officeOptions]}
            />
            <SelectField
              className="col-12 col-md-6"
              label={t('people.workers.company')}
              value={form.companyId}
              onChange={(v) => setForm((f) => ({ ...f, companyId: v, cigsCaseId: '' }))}
              options={[{ value: '', label: t('people.form.noCase') }, ...companies.map((c) => ({ value: c.id, label: c.name }))]}
            />
            <SelectField
              className="col-12 col-md-6"
              label={t('people.worker.cigsCase')}
              value={form.cigsCaseId}
              onChange={set('cigsCaseId')}
              error={fields.errors.cigsCaseId}
              options={[
                { value: '', label: t('people.form.noCase') },
                ...cases.map((c) => ({
                  value: c.id,
                  label: `${t(`people.reasons.${c.reason}`)} · ${formatDate(c.startDate)} – ${formatDate(c.endDate)}`,
                })),
              ]}
            />
            <TextField
              className="col-12 col-md-6"
              label={t('people.form.cigsEndDate')}
              value={form.cigsEndDate}
              onChange={set('cigsEndDate')}
              error={fields.errors.cigsEndDate}
              type="date"
            />
          </div>
          <ProblemAlert error={error} shownBesideFields={fields.errors} />
          <Button color="primary" type="submit">
            {t('people.form.save')}
          </Button>
        </form>
      )}
      {!loaded && <ProblemAlert error={error} />}
    </>
  );
}
