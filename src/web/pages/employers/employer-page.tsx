import { Alert, Button } from 'design-react-kit';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { employerEndpoints } from '../../../shared/api/employers.endpoints';
import { CONSENT_CHANNELS, EMPLOYER_CONTACT_ROLES, type Employer } from '../../../shared/schemas/employers.schema';
import { call } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { Autocomplete } from '../../components/autocomplete';
import { Dialog } from '../../components/dialog';
import { useNotice } from '../../components/notice';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextField } from '../../components/text-field';
import type { TaxonomyItem } from '../../components/taxonomy-search';
import { formatDateTime } from '../../i18n/i18n';
import { officeTag } from '../../../shared/text/office-short-name';
import { useSession } from '../../session/session-context';
import { EmployerHistorySection } from './employer-response';

type Removal = { kind: 'site' | 'contact'; id: string; label: string };

/** One employer: its data, sites with the comune, contacts with their role, and the consent to be contacted. */
export function EmployerPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const { show } = useNotice();
  const [employer, setEmployer] = useState<Employer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [channel, setChannel] = useState<string>('email');
  const manage = can('employers.manage');

  useEffect(() => {
    if (id) call(employerEndpoints.get, { params: { id } }).then(setEmployer, setError);
  }, [id]);

  if (!employer)
    return (
      <>
        <PageTitle>{t('employers.list.title')}</PageTitle>
        <ProblemAlert error={error} />
      </>
    );

  const act = async (write: () => Promise<Employer>, message: string) => {
    setError(null);
    try {
      setEmployer(await write());
      show('success', message);
    } catch (err) {
      setError(err);
    }
  };
  const confirmRemoval = async () => {
    if (!removal) return;
    const r = removal;
    setRemoval(null);
    await act(
      () =>
        r.kind === 'site'
          ? call(employerEndpoints.removeSite, { params: { id, siteId: r.id } })
          : call(employerEndpoints.removeContact, { params: { id, contactId: r.id } }),
      t(r.kind === 'site' ? 'employers.sites.removed' : 'employers.contacts.removed'),
    );
  };

  const datum = (label: string, value: string) => (
    <div className="col-12 col-sm-6 col-lg-4 mb-2">
      <dt className="small">{label}</dt>
      <dd className="mb-0 text-break">{value || '—'}</dd>
    </div>
  );

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <PageTitle lead={employer.atecoLabel ? `${employer.atecoCode} · ${employer.atecoLabel}` : undefined}>{employer.name}</PageTitle>
        <div className="d-flex flex-wrap gap-2">
          {can('vacancies.write') && (
            <Link className="btn btn-primary" to={`/offerte/nuova?employerId=${employer.id}`}>
              {t('employers.page.newVacancy')}
            </Link>
          )}
          {manage && (
            <Link className="btn btn-outline-primary" to={`/aziende-che-assumono/${employer.id}/modifica`}>
              {t('employers.page.edit')}
            </Link>
          )}
        </div>
      </div>
      {employer.crisisCompany && (
        <Alert color="warning">
          {t('employers.page.alsoCrisis')} <Link to={`/aziende/${employer.crisisCompany.id}`}>{t('employers.page.openCrisis')}</Link>
        </Alert>
      )}
      <ProblemAlert error={error} />
      <section aria-labelledby="employer-data-h" className="mb-4">
        <h2 id="employer-data-h" className="h4">
          {t('employers.page.data')}
        </h2>
        <dl className="row">
          {datum(t('employers.fields.taxCode'), employer.taxCode ?? '')}
          {datum(t('employers.fields.vatNumber'), employer.vatNumber ?? '')}
          {datum(t('employers.fields.office'), officeTag(employer.officeName))}
          {datum(t('employers.fields.phone'), employer.phone)}
          {datum(t('employers.fields.email'), employer.email)}
          {datum(t('employers.fields.pec'), employer.pec)}
          {datum(t('employers.fields.website'), employer.website)}
          {datum(t('employers.fields.notes'), employer.notes)}
        </dl>
      </section>

      <EmployerHistorySection history={employer.history} />

      <section aria-labelledby="employer-consent-h" className="mb-4">
        <h2 id="employer-consent-h" className="h4">
          {t('employers.consent.title')}
        </h2>
        <p>
          {employer.consent
            ? t('employers.consent.given', {
                at: formatDateTime(employer.consent.at),
                channel: t(`employers.channels.${employer.consent.channel}`),
                by: employer.consent.byName ?? '—',
              })
            : t('employers.consent.none')}
        </p>
        {manage && !employer.consent && (
          <div className="row g-2 align-items-end">
            <SelectField
              className="col-12 col-md-4"
              label={t('employers.consent.channel')}
              value={channel}
              onChange={setChannel}
              options={CONSENT_CHANNELS.map((c) => ({ value: c, label: t(`employers.channels.${c}`) }))}
            />
            <div className="col-12 col-md-4 mb-3">
              <Button
                color="primary"
                onClick={() =>
                  void act(
                    () =>
                      call(employerEndpoints.recordConsent, {
                        params: { id },
                        body: { channel: channel as (typeof CONSENT_CHANNELS)[number] },
                      }),
                    t('employers.consent.recorded'),
                  )
                }
              >
                {t('employers.consent.record')}
              </Button>
            </div>
          </div>
        )}
        {manage && employer.consent && (
          <Button
            color="danger"
            outline
            size="sm"
            onClick={() => void act(() => call(employerEndpoints.withdrawConsent, { params: { id } }), t('employers.consent.withdrawn'))}
          >
            {t('employers.consent.withdraw')}
          </Button>
        )}
      </section>

      <section aria-labelledby="employer-sites-h" className="mb-4">
        <h2 id="employer-sites-h" className="h4">
          {t('employers.sites.title')}
        </h2>
        {employer.sites.length === 0 ? (
          <p>{t('employers.sites.none')}</p>
        ) : (
          <ul className="list-unstyled">
            {employer.sites.map((s) => (
              <li key={s.id} className="card card-bg mb-2">
                <div className="card-body p-3 d-flex flex-wrap justify-content-between gap-2">
                  <div>
                    <strong>{s.comuneName ? `${s.comuneName} (${s.province})` : s.comuneCode}</strong>
                    {s.headOffice && <span className="ms-2 small">· {t('employers.sites.headOffice')}</span>}
                    <div className="small">{[s.name, s.address, s.postalCode].filter(Boolean).join(', ') || '—'}</div>
                  </div>
                  {manage && (
                    <Button
                      color="danger"
                      outline
                      size="sm"
                      aria-label={t('employers.sites.removeOne', { name: s.comuneName ?? s.comuneCode })}
                      onClick={() => setRemoval({ kind: 'site', id: s.id, label: s.comuneName ?? s.comuneCode })}
                    >
                      {t('employers.remove')}
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        {manage && <SiteForm employerId={id} onAdded={(e) => void act(async () => e, t('employers.sites.added'))} />}
      </section>

      <section aria-labelledby="employer-contacts-h" className="mb-4">
        <h2 id="employer-contacts-h" className="h4">
          {t('employers.contacts.title')}
        </h2>
        {employer.contacts.length === 0 ? (
          <p>{t('employers.contacts.none')}</p>
        ) : (
          <ul className="list-unstyled">
            {employer.contacts.map((c) => (
              <li key={c.id} className="card card-bg mb-2">
                <div className="card-body p-3 d-flex flex-wrap justify-content-between gap-2">
                  <div>
                    <strong>{c.fullName}</strong> · {t(`employers.roles.${c.role}`)}
                    {c.jobTitle && ` · ${c.jobTitle}`}
                    <div className="small text-break">{[c.phone, c.email].filter(Boolean).join(' · ') || '—'}</div>
                    {c.receivesCandidates && <div className="small">{t('employers.contacts.receivesCandidates')}</div>}
                  </div>
                  {manage && (
                    <Button
                      color="danger"
                      outline
                      size="sm"
                      aria-label={t('employers.contacts.removeOne', { name: c.fullName })}
                      onClick={() => setRemoval({ kind: 'contact', id: c.id, label: c.fullName })}
                    >
                      {t('employers.remove')}
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        {manage && <ContactForm employerId={id} onAdded={(e) => void act(async () => e, t('employers.contacts.added'))} />}
      </section>

      {removal && (
        <Dialog
          title={t(removal.kind === 'site' ? 'employers.sites.confirmTitle' : 'employers.contacts.confirmTitle')}
          onClose={() => setRemoval(null)}
        >
          <p>{t('employers.confirmText', { name: removal.label })}</p>
          <div className="d-flex gap-2">
            <Button color="danger" onClick={() => void confirmRemoval()}>
              {t('employers.confirmRemove')}
            </Button>
            <Button color="primary" outline onClick={() => setRemoval(null)}>
              {t('employers.cancel')}
            </Button>
          </div>
        </Dialog>
      )}
    </>
  );
}

function SiteForm({ employerId, onAdded }: { employerId: string; onAdded(e: Employer): void }) {
  const { t } = useTranslation();
  const [comune, setComune] = useState<TaxonomyItem | null>(null);
  const [address, setAddress] = useState('');
  const [postalCode, setPostalCode] = useState('');
  const [headOffice, setHeadOffice] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors();
  const ref = useRef<HTMLFormElement>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const body = { comuneCode: comune?.code ?? '', address, postalCode, headOffice };
    if (!fields.check(employerEndpoints.addSite, body, ref.current)) return;
    try {
      onAdded(await call(employerEndpoints.addSite, { params: { id: employerId }, body }));
      setComune(null);
      setAddress('');
      setPostalCode('');
      setHeadOffice(false);
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
    }
  };
  return (
    <form ref={ref} onSubmit={submit} noValidate aria-labelledby="site-form-h" className="border rounded p-3">
      <h3 id="site-form-h" className="h6">
        {t('employers.sites.add')}
      </h3>
      <div className="row">
        <div className="col-12 col-md-6 mb-3">
          <Autocomplete kind="comuni" label={t('employers.sites.comune')} value={comune} onChange={setComune} required />
          {fields.errors.comuneCode && <div className="invalid-feedback d-block">{fields.errors.comuneCode}</div>}
        </div>
        <TextField
          className="col-12 col-md-6"
          label={t('employers.sites.address')}
          value={address}
          onChange={setAddress}
          error={fields.errors.address}
        />
        <TextField
          className="col-6 col-md-3"
          label={t('employers.sites.postalCode')}
          value={postalCode}
          onChange={setPostalCode}
          error={fields.errors.postalCode}
          maxLength={5}
          inputMode="numeric"
        />
        <CheckField
          className="col-12 col-md-6"
          id={`${employerId}-head`}
          label={t('employers.sites.headOffice')}
          checked={headOffice}
          onChange={setHeadOffice}
        />
      </div>
      <ProblemAlert error={error} shownBesideFields={fields.errors} />
      <Button color="primary" outline type="submit">
        {t('employers.sites.addButton')}
      </Button>
    </form>
  );
}

/** One checkbox with its label, as the site and contact forms draw it. */
function CheckField(props: { className: string; id: string; label: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <div className={`${props.className} mb-3 form-check ms-2`}>
      <input
        id={props.id}
        type="checkbox"
        className="form-check-input"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={props.id} className="form-check-label">
        {props.label}
      </label>
    </div>
  );
}

function ContactForm({ employerId, onAdded }: { employerId: string; onAdded(e: Employer): void }) {
  const { t } = useTranslation();
  const empty = { fullName: '', role: 'hr', jobTitle: '', phone: '', email: '' };
  const [form, setForm] = useState(empty);
  const [receivesCandidates, setReceivesCandidates] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors();
  const ref = useRef<HTMLFormElement>(null);
  const set = (field: keyof typeof empty) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const body = { ...form, role: form.role as (typeof EMPLOYER_CONTACT_ROLES)[number], receivesCandidates };
    if (!fields.check(employerEndpoints.addContact, body, ref.current)) return;
    try {
      onAdded(await call(employerEndpoints.addContact, { params: { id: employerId }, body }));
      setForm(empty);
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
    }
  };
  return (
    <form ref={ref} onSubmit={submit} noValidate aria-labelledby="contact-form-h" className="border rounded p-3">
      <h3 id="contact-form-h" className="h6">
        {t('employers.contacts.add')}
      </h3>
      <div className="row">
        <TextField
          className="col-12 col-md-6"
          label={t('employers.contacts.fullName')}
          value={form.fullName}
          onChange={set('fullName')}
          error={fields.errors.fullName}
          required
        />
        <SelectField
          className="col-12 col-md-6"
          label={t('employers.contacts.role')}
          value={form.role}
          onChange={set('role')}
          error={fields.errors.role}
          options={EMPLOYER_CONTACT_ROLES.map((r) => ({ value: r, label: t(`employers.roles.${r}`) }))}
        />
        <TextField
          className="col-12 col-md-4"
          label={t('employers.contacts.jobTitle')}
          value={form.jobTitle}
          onChange={set('jobTitle')}
          error={fields.errors.jobTitle}
        />
        <TextField
          className="col-12 col-md-4"
          label={t('employers.contacts.phone')}
          value={form.phone}
          onChange={set('phone')}
          error={fields.errors.phone}
          type="tel"
        />
        <TextField
          className="col-12 col-md-4"
          label={t('employers.contacts.email')}
          value={form.email}
          onChange={set('email')}
          error={fields.errors.email}
          type="email"
        />
        <CheckField
          className="col-12"
          id={`${employerId}-candidates`}
          label={t('employers.contacts.receivesCandidates')}
          checked={receivesCandidates}
          onChange={setReceivesCandidates}
        />
      </div>
      <ProblemAlert error={error} shownBesideFields={fields.errors} />
      <Button color="primary" outline type="submit">
        {t('employers.contacts.addButton')}
      </Button>
    </form>
  );
}
