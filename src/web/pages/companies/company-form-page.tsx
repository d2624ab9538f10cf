import { Button } from 'design-react-kit';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Company } from '../../../shared/schemas/companies.schema';
import { companyEndpoints } from '../../../shared/api/companies.endpoints';
import { call } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { Autocomplete } from '../../components/autocomplete';
import { useNotice } from '../../components/notice';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextField } from '../../components/text-field';
import type { TaxonomyItem } from '../../components/taxonomy-search';
import { comuneItem } from '../workers/worker-form-page';
import { CigsCaseForm } from './cigs-case-form';

type Contact = Company['contacts'][number];
const ROLES = ['union', 'hr', 'owner', 'administrator', 'other'] as const;
const EMPTY = { name: '', taxCode: '', vatNumber: '', address: '', postalCode: '', phone: '', email: '', pec: '', notes: '' };

export function CompanyFormPage() {
  const { id } = useParams();
  const editing = Boolean(id);
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { show } = useNotice();
  const [form, setForm] = useState(EMPTY);
  const [contacts, setContacts] = useState<Contact[]>([]);
  const [comune, setComune] = useState<TaxonomyItem | null>(null);
  const [sector, setSector] = useState<TaxonomyItem | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(!editing);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!id) return;
    call(companyEndpoints.get, { params: { id } }).then((c) => {
      setForm({
        name: c.name,
        taxCode: c.taxCode ?? '',
        vatNumber: c.vatNumber ?? '',
        address: c.address,
        postalCode: c.postalCode,
        phone: c.phone,
        email: c.email,
        pec: c.pec,
        notes: c.notes,
      });
      setContacts(c.contacts);
      setComune(comuneItem(c.comuneCode, c.comuneName));
      setSector(
        c.atecoCode
          ? {
              id: c.atecoCode,
              kind: 'ateco2025',
              code: c.atecoCode,
              label: c.atecoLabel ?? c.atecoCode,
              labelLanguage: 'it',
              fallback: false,
              matchedLabel: c.atecoLabel ?? '',
              match: 'exact',
              detail: null,
            }
          : null,
      );
      setLoaded(true);
    }, setError);
  }, [id]);

  const fields = useFieldErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const set = (field: keyof typeof EMPTY) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const setContact = (index: number, patch: Partial<Contact>) =>
    setContacts((cs) => cs.map((c, i) => (i === index ? { ...c, ...patch } : c)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const body = {
      ...form,
      taxCode: form.taxCode || null,
      vatNumber: form.vatNumber || null,
      comuneCode: comune?.code ?? null,
      atecoCode: sector?.code ?? null,
      contacts: contacts
        .filter((c) => c.name.trim())
        .map((c) => ({ ...c, organisation: c.organisation || undefined, phone: c.phone || undefined, email: c.email || undefined })),
    };
    // Checked with the endpoint's own schema before sending: the message shows under the field.
    if (!fields.check(editing ? companyEndpoints.update : companyEndpoints.create, body, formRef.current)) return;
    try {
      if (editing) {
        await call(companyEndpoints.update, { params: { id: id! }, body });
        show('success', t('people.company.saved'));
        navigate(`/aziende/${id}`);
      } else {
        const company = await call(companyEndpoints.create, { body });
        show('success', t('people.company.created'));
        // A new company is recorded with its CIGS episode: stay to add it.
        setCreated(company.id);
      }
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
    }
  };

  if (created) {
    return (
      <>
        <PageTitle>{form.name}</PageTitle>
        <CigsCaseForm companyId={created} onAdded={() => navigate(`/aziende/${created}`)} />
      </>
    );
  }
  return (
    <>
      <PageTitle>{editing ? t('people.company.editTitle') : t('people.company.newTitle')}</PageTitle>
      {loaded && (
        <form ref={formRef} onSubmit={submit} noValidate>
          <div className="row">
            <TextField
              className="col-12"
              label={t('people.companies.name')}
              value={form.name}
              onChange={set('name')}
              error={fields.errors.name}
              required
            />
            <TextField
              className="col-12 col-md-6"
              label={t('people.company.taxCode')}
              value={form.taxCode}
              onChange={set('taxCode')}
              error={fields.errors.taxCode}
              maxLength={16}
            />
            <TextField
              className="col-12 col-md-6"
              label={t('people.company.vatNumber')}
              value={form.vatNumber}
              onChange={set('vatNumber')}
              error={fields.errors.vatNumber}
              maxLength={11}
              inputMode="numeric"
            />
            <div className="col-12 col-md-6 mb-3">
              <Autocomplete kind="sectors" label={t('people.company.ateco')} value={sector} onChange={setSector} />
            </div>
            <div className="col-12 col-md-6 mb-3">
              <Autocomplete kind="comuni" label={t('people.company.comune')} value={comune} onChange={setComune} />
            </div>
            <TextField
              className="col-12 col-md-8"
              label={t('people.company.address')}
              value={form.address}
              onChange={set('address')}
              error={fields.errors.address}
            />
            <TextField
              className="col-12 col-md-4"
              label={t('people.company.postalCode')}
              value={form.postalCode}
              onChange={set('postalCode')}
              error={fields.errors.postalCode}
              maxLength={5}
              inputMode="numeric"
            />
            <TextField
              className="col-12 col-md-4"
              label={t('people.company.phone')}
              value={form.phone}
              onChange={set('phone')}
              error={fields.errors.phone}
              type="tel"
            />
            <TextField
              className="col-12 col-md-4"
              label={t('people.company.email')}
              value={form.email}
              onChange={set('email')}
              error={fields.errors.email}
              type="email"
            />
            <TextField
              className="col-12 col-md-4"
              label={t('people.company.pec')}
              value={form.pec}
              onChange={set('pec')}
              error={fields.errors.pec}
              type="email"
            />
          </div>
          <fieldset className="mb-3">
            <legend className="h5">{t('people.company.contacts')}</legend>
            {contacts.map((c, i) => (
              <div key={i} className="row g-2 align-items-end">
                <TextField
                  className="col-12 col-md-3"
                  label={t('people.company.contactName')}
                  value={c.name}
                  onChange={(v) => setContact(i, { name: v })}
                />
                <SelectField
                  className="col-12 col-md-3"
                  label={t('people.company.contactRole')}
                  value={c.role}
                  onChange={(v) => setContact(i, { role: v as Contact['role'] })}
                  options={ROLES.map((r) => ({ value: r, label: t(`people.company.contactRoles.${r}`) }))}
                />
                <TextField
                  className="col-12 col-md-2"
                  label={t('people.company.contactOrganisation')}
                  value={c.organisation ?? ''}
                  onChange={(v) => setContact(i, { organisation: v })}
                />
                <TextField
                  className="col-12 col-md-2"
                  label={t('people.company.contactPhone')}
                  value={c.phone ?? ''}
                  onChange={(v) => setContact(i, { phone: v })}
                  type="tel"
                />
                <div className="col-12 col-md-2 mb-3">
                  <Button color="danger" outline size="sm" type="button" onClick={() => setContacts((cs) => cs.filter((_, j) => j !== i))}>
                    {t('people.company.removeContact', { n: i + 1 })}
                  </Button>
                </div>
              </div>
            ))}
            <Button
              color="primary"
              outline
              size="sm"
              type="button"
              onClick={() => setContacts((cs) => [...cs, { name: '', role: 'union' }])}
            >
              {t('people.company.addContact')}
            </Button>
          </fieldset>
          <ProblemAlert error={error} shownBesideFields={fields.errors} />
          <Button color="primary" type="submit">
            {t('people.company.save')}
          </Button>
        </form>
      )}
      {!loaded && <ProblemAlert error={error} />}
    </>
  );
}
