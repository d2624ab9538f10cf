import { Button } from 'design-react-kit';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { employerEndpoints } from '../../../shared/api/employers.endpoints';
import { call } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { Autocomplete } from '../../components/autocomplete';
import { useNotice } from '../../components/notice';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextAreaField, TextField } from '../../components/text-field';
import type { TaxonomyItem } from '../../components/taxonomy-search';
import { officeTag } from '../../../shared/text/office-short-name';
import { useSession } from '../../session/session-context';

const EMPTY = { name: '', taxCode: '', vatNumber: '', website: '', phone: '', email: '', pec: '', notes: '' };

const atecoItem = (code: string, label: string | null): TaxonomyItem => ({
  id: code,
  kind: 'ateco2025',
  code,
  label: label ?? code,
  labelLanguage: 'it',
  fallback: false,
  matchedLabel: label ?? code,
  match: 'exact',
  detail: null,
});

/** Registers an employer, or changes its own fields against the version read (sites and contacts are on its page). */
export function EmployerFormPage() {
  const { id } = useParams();
  const editing = Boolean(id);
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { show } = useNotice();
  const { session } = useSession();
  const [form, setForm] = useState(EMPTY);
  const [sector, setSector] = useState<TaxonomyItem | null>(null);
  const [officeId, setOfficeId] = useState(session?.currentOfficeId ?? '');
  const [version, setVersion] = useState(1);
  const [loaded, setLoaded] = useState(!editing);
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!id) return;
    call(employerEndpoints.get, { params: { id } }).then((e) => {
      setForm({
        name: e.name,
        taxCode: e.taxCode ?? '',
        vatNumber: e.vatNumber ?? '',
        website: e.website,
        phone: e.phone,
        email: e.email,
        pec: e.pec,
        notes: e.notes,
      });
      setSector(e.atecoCode ? atecoItem(e.atecoCode, e.atecoLabel) : null);
      setOfficeId(e.officeId);
      setVersion(e.version);
      setLoaded(true);
    }, setError);
  }, [id]);

  const set = (field: keyof typeof EMPTY) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const own = {
      ...form,
      taxCode: form.taxCode.trim() || null,
      vatNumber: form.vatNumber.trim() || null,
      atecoCode: sector?.code ?? null,
      ...(officeId && { officeId }),
    };
    try {
      if (editing) {
        const body = { ...own, version };
        if (!fields.check(employerEndpoints.update, body, formRef.current)) return;
        await call(employerEndpoints.update, { params: { id: id! }, body });
        show('success', t('employers.form.saved'));
        navigate(`/aziende-che-assumono/${id}`);
      } else {
        if (!fields.check(employerEndpoints.create, own, formRef.current)) return;
        const created = await call(employerEndpoints.create, { body: own });
        show('success', t('employers.form.created'));
        navigate(`/aziende-che-assumono/${created.id}`);
      }
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
    }
  };

  return (
    <>
      <PageTitle>{editing ? t('employers.form.editTitle') : t('employers.form.newTitle')}</PageTitle>
      {loaded && (
        <form ref={formRef} onSubmit={submit} noValidate>
          <div className="row">
            <TextField
              className="col-12"
              label={t('employers.fields.name')}
              value={form.name}
              onChange={set('name')}
              error={fields.errors.name}
              required
            />
            <TextField
              className="col-12 col-md-6"
              label={t('employers.fields.taxCode')}
              help={t('employers.form.taxCodeHelp')}
              value={form.taxCode}
              onChange={set('taxCode')}
              error={fields.errors.taxCode}
              maxLength={16}
              autoComplete="off"
            />
            <TextField
              className="col-12 col-md-6"
              label={t('employers.fields.vatNumber')}
              value={form.vatNumber}
              onChange={set('vatNumber')}
              error={fields.errors.vatNumber}
              maxLength={11}
              inputMode="numeric"
              autoComplete="off"
            />
            <div className="col-12 col-md-6 mb-3">
              <Autocomplete kind="sectors" label={t('employers.fields.ateco')} value={sector} onChange={setSector} />
              {fields.errors.atecoCode && <div className="invalid-feedback d-block">{fields.errors.atecoCode}</div>}
            </div>
            <SelectField
              className="col-12 col-md-6"
              label={t('employers.fields.office')}
              help={t('employers.form.officeHelp')}
              value={officeId}
              onChange={setOfficeId}
              error={fields.errors.officeId}
              options={(session?.offices ?? []).map((o) => ({ value: o.id, label: officeTag(o.name) }))}
            />
            <TextField
              className="col-12 col-md-6"
              label={t('employers.fields.website')}
              value={form.website}
              onChange={set('website')}
              error={fields.errors.website}
              type="url"
            />
            <TextField
              className="col-12 col-md-6"
              label={t('employers.fields.phone')}
              value={form.phone}
              onChange={set('phone')}
              error={fields.errors.phone}
              type="tel"
            />
            <TextField
              className="col-12 col-md-6"
              label={t('employers.fields.email')}
              value={form.email}
              onChange={set('email')}
              error={fields.errors.email}
              type="email"
            />
            <TextField
              className="col-12 col-md-6"
              label={t('employers.fields.pec')}
              value={form.pec}
              onChange={set('pec')}
              error={fields.errors.pec}
              type="email"
            />
            <TextAreaField
              className="col-12"
              label={t('employers.fields.notes')}
              value={form.notes}
              onChange={set('notes')}
              error={fields.errors.notes}
              rows={3}
            />
          </div>
          <ProblemAlert error={error} shownBesideFields={fields.errors} />
          <Button color="primary" type="submit">
            {t('employers.form.save')}
          </Button>
        </form>
      )}
      {!loaded && <ProblemAlert error={error} />}
    </>
  );
}
