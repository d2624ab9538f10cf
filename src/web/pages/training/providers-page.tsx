import { Button } from 'design-react-kit';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { trainingEndpoints } from '../../../shared/api/training.endpoints';
import type { CreateProviderRequest, Provider } from '../../../shared/schemas/training.schema';
import { call } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { useApiQuery } from '../../hooks/use-api-query';
import { useNotice } from '../../components/notice';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { TextAreaField, TextField } from '../../components/text-field';

type ProviderForm = Required<CreateProviderRequest>;
const EMPTY: ProviderForm = { name: '', taxCode: '', accreditationNote: '', email: '', phone: '', website: '', address: '' };
const formOf = (p: Provider): ProviderForm => ({
  name: p.name,
  taxCode: p.taxCode,
  accreditationNote: p.accreditationNote,
  email: p.email,
  phone: p.phone,
  website: p.website,
  address: p.address,
});

/** The training providers of the network, and the form that registers or changes one (coordinators and administrators). */
export function ProvidersPage() {
  const { t } = useTranslation();
  const { data, error, reload } = useApiQuery(trainingEndpoints.providers, {}, []);
  const [editing, setEditing] = useState<Provider | null>(null);
  const [formKey, setFormKey] = useState(0);
  const startEdit = (p: Provider | null) => {
    setEditing(p);
    setFormKey((k) => k + 1);
  };
  return (
    <>
      <p>
        <Link to="/formazione">{t('training.title')}</Link>
      </p>
      <PageTitle lead={t('training.providers.lead')}>{t('training.providers.title')}</PageTitle>
      <ProblemAlert error={error} />
      {data && data.items.length === 0 && <p>{t('training.providers.none')}</p>}
      {data && data.items.length > 0 && (
        <div className="table-responsive" tabIndex={0} role="region" aria-label={t('training.providers.title')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('training.providers.name')}</th>
                <th scope="col">{t('training.providers.courses')}</th>
                <th scope="col">{t('training.detail.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row" className="fw-normal">
                    {p.name}
                    <div className="small">
                      {t('training.providers.taxCodeShort', { code: p.taxCode })}
                      {p.email ? ` · ${p.email}` : ''}
                      {p.phone ? ` · ${p.phone}` : ''}
                    </div>
                  </th>
                  <td>{p.courseCount}</td>
                  <td>
                    <div className="d-flex flex-wrap gap-2">
                      <Button size="sm" color="primary" outline onClick={() => startEdit(p)}>
                        {t('training.providers.edit', { name: p.name })}
                      </Button>
                      {p.courseCount === 0 && <DeleteProvider provider={p} onDone={reload} />}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <Button color="primary" outline className="mb-3" onClick={() => startEdit(null)}>
          {t('training.providers.new')}
        </Button>
      )}
      <ProviderFormSection
        key={formKey}
        provider={editing}
        onSaved={() => {
          startEdit(null);
          reload();
        }}
      />
    </>
  );
}

function DeleteProvider({ provider, onDone }: { provider: Provider; onDone(): void }) {
  const { t } = useTranslation();
  const { show } = useNotice();
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <Button
        size="sm"
        color="danger"
        outline
        onClick={() =>
          void call(trainingEndpoints.deleteProvider, { params: { id: provider.id } }).then(() => {
            show('success', t('training.providers.deleted', { name: provider.name }));
            onDone();
          }, setError)
        }
      >
        {t('training.providers.delete', { name: provider.name })}
      </Button>
      <ProblemAlert error={error} />
    </>
  );
}

function ProviderFormSection({ provider, onSaved }: { provider: Provider | null; onSaved(): void }) {
  const { t } = useTranslation();
  const { show } = useNotice();
  const [form, setForm] = useState<ProviderForm>(provider ? formOf(provider) : EMPTY);
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const set = (key: keyof ProviderForm, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const title = provider ? t('training.providers.editTitle', { name: provider.name }) : t('training.providers.new');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!fields.check(provider ? trainingEndpoints.updateProvider : trainingEndpoints.createProvider, form, formRef.current)) return;
    try {
      const saved = provider
        ? await call(trainingEndpoints.updateProvider, { params: { id: provider.id }, body: form })
        : await call(trainingEndpoints.createProvider, { body: form });
      show('success', t('training.providers.saved', { name: saved.name }));
      onSaved();
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
    }
  }

  const text = (key: keyof ProviderForm, extra: { required?: boolean; type?: string; className?: string; help?: string } = {}) => (
    <TextField
      className={extra.className ?? 'col-12 col-md-6'}
      label={t(`training.providers.fields.${key}`)}
      value={form[key]}
      onChange={(v) => set(key, v)}
      error={fields.errors[key]}
      required={extra.required}
      type={extra.type}
      help={extra.help}
    />
  );
  return (
    <section aria-labelledby="provider-form-title" className="mt-4">
      <h2 id="provider-form-title" className="h4">
        {title}
      </h2>
      <ProblemAlert error={error} shownBesideFields={fields.errors} />
      <form ref={formRef} onSubmit={submit} className="row" noValidate>
        {text('name', { required: true, className: 'col-12' })}
        {text('taxCode', { required: true, help: t('training.providers.taxCodeHelp') })}
        {text('email', { type: 'email' })}
        {text('phone', { type: 'tel' })}
        {text('website')}
        {text('address', { className: 'col-12' })}
        <TextAreaField
          className="col-12"
          label={t('training.providers.fields.accreditationNote')}
          rows={2}
          value={form.accreditationNote}
          onChange={(v) => set('accreditationNote', v)}
          error={fields.errors.accreditationNote}
        />
        <div className="col-12">
          <Button color="primary" type="submit">
            {provider ? t('training.providers.saveChanges') : t('training.providers.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}
