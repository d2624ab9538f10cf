import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { trainingEndpoints } from '../../../shared/api/training.endpoints';
import { CATALOGUE_FIELDS, type catalogueDryRunSchema } from '../../../shared/schemas/training.schema';
import { ApiError, call } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField } from '../../components/text-field';
import { formatDate } from '../workers/people-format';
import { ColumnMappingTable } from '../imports/column-mapping-table';
import { FileUploadForm } from '../imports/file-upload-form';

type DryRun = z.infer<typeof catalogueDryRunSchema>;

/** The mapping as the API takes it: the field of each column, comma separated, '' for a column left out. */
const mappingParam = (mapping: Record<string, string>, columns: number) =>
  Array.from({ length: columns }, (_, i) => mapping[String(i)] ?? '').join(',');
const mappingOf = (dry: DryRun): Record<string, string> => Object.fromEntries(dry.mapping.flatMap((f, i) => (f ? [[String(i), f]] : [])));

/**
 * A provider's catalogue from CSV or XLSX: the file is checked (the columns matched by their headers,
 * every row's errors in Italian), the mapping can be changed and checked again, and the courses are
 * created all together or not at all. The upload form and the mapping table are the worker import's.
 */
export function CatalogueImportPage() {
  const { t } = useTranslation();
  const providers = useApiQuery(trainingEndpoints.providers, {}, []);
  const [providerId, setProviderId] = useState('');
  const [status, setStatus] = useState<'draft' | 'open'>('draft');
  const [file, setFile] = useState<File | null>(null);
  const [dry, setDry] = useState<DryRun | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const chosenProvider = providerId || providers.data?.items[0]?.id || '';

  const check = async (withMapping: Record<string, string> | null) => {
    if (!file) {
      setError(new ApiError(400, 'NO_FILE', t('imports.upload.missing')));
      return;
    }
    setError(null);
    setCreated(null);
    setBusy(true);
    try {
      const query = {
        providerId: chosenProvider,
        status,
        ...(withMapping && dry ? { mapping: mappingParam(withMapping, dry.headers.length) } : {}),
      };
      const result = await call(trainingEndpoints.importDryRun, { query, body: file });
      setDry(result);
      setMapping(mappingOf(result));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const onUpload = (event: FormEvent) => {
    event.preventDefault();
    setDry(null);
    void check(null);
  };
  const apply = async () => {
    if (!file || !dry) return;
    setError(null);
    setBusy(true);
    try {
      const query = { providerId: chosenProvider, status, mapping: mappingParam(mapping, dry.headers.length) };
      const result = await call(trainingEndpoints.importApply, { query, body: file });
      setCreated(result.created);
      setDry(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const providerName = providers.data?.items.find((p) => p.id === chosenProvider)?.name ?? '';
  return (
    <>
      <p>
        <Link to="/formazione">{t('training.title')}</Link>
      </p>
      <PageTitle lead={t('training.import.lead')}>{t('training.import.title')}</PageTitle>
      <ProblemAlert error={error ?? providers.error} />

      <section aria-labelledby="catalogue-upload-heading" className="mb-4">
        <h2 id="catalogue-upload-heading" className="h4">
          {t('imports.upload.heading')}
        </h2>
        <div className="row">
          <SelectField
            className="col-12 col-md-8"
            label={t('training.form.provider')}
            value={chosenProvider}
            onChange={(v) => {
              setProviderId(v);
              setDry(null);
            }}
            options={(providers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
          <SelectField
            className="col-12 col-md-4"
            label={t('training.import.status')}
            value={status}
            onChange={(v) => setStatus(v as 'draft' | 'open')}
            options={(['draft', 'open'] as const).map((s) => ({ value: s, label: t(`training.status.${s}`) }))}
          />
        </div>
        <FileUploadForm
          onFile={(f) => {
            setFile(f);
            setDry(null);
            setCreated(null);
          }}
          onSubmit={onUpload}
          disabled={busy || !chosenProvider}
          submitLabel={t('training.import.check')}
          help={t('training.import.help')}
        />
      </section>

      {dry && (
        <section aria-labelledby="catalogue-mapping-heading" className="mb-4">
          <h2 id="catalogue-mapping-heading" className="h4">
            {t('imports.mapping.heading')}
          </h2>
          <p>{t('training.import.mappingLead')}</p>
          <ColumnMappingTable
            columns={dry.headers.map((header, index) => ({ index, header }))}
            fields={CATALOGUE_FIELDS}
            fieldLabel={(f) => t(`training.import.fields.${f}`)}
            value={mapping}
            onChange={setMapping}
            disabled={busy}
            labelledBy="catalogue-mapping-heading"
          />
          <button type="button" className="btn btn-outline-primary" onClick={() => void check(mapping)} disabled={busy}>
            {t('training.import.checkAgain')}
          </button>
        </section>
      )}

      {dry && (
        <section aria-labelledby="catalogue-result-heading" className="mb-4">
          <h2 id="catalogue-result-heading" className="h4">
            {t('imports.preview.heading')}
          </h2>
          <p role="status" className={dry.errors.length > 0 ? 'text-danger fw-semibold' : 'text-success fw-semibold'}>
            {dry.errors.length > 0
              ? t('training.import.hasErrors', { count: dry.rows - dry.valid, rows: dry.rows })
              : t('training.import.ready', { count: dry.rows, provider: providerName })}
          </p>
          {dry.errors.length > 0 && (
            <div className="table-responsive" tabIndex={0} role="region" aria-label={t('training.import.errorsCaption')}>
              <table className="table table-sm">
                <caption className="visually-hidden">{t('training.import.errorsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('imports.preview.row')}</th>
                    <th scope="col">{t('training.import.field')}</th>
                    <th scope="col">{t('imports.preview.problems')}</th>
                  </tr>
                </thead>
                <tbody>
                  {dry.errors.map((er) => (
                    <tr key={`${er.row}-${er.field}-${er.message}`}>
                      <td>{er.row}</td>
                      <td>
                        {(CATALOGUE_FIELDS as readonly string[]).includes(er.field) ? t(`training.import.fields.${er.field}`) : er.field}
                      </td>
                      <td>{er.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {dry.preview.length > 0 && (
            <>
              <h3 className="h5">{t('training.import.previewHeading', { count: dry.valid })}</h3>
              <ul>
                {dry.preview.map((p) => (
                  <li key={p.row}>
                    {p.title} · {formatDate(p.startDate)} · {t('training.hours', { count: p.hours })} ·{' '}
                    {t('training.import.skills', { count: p.skills })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {dry.errors.length === 0 ? (
            <button type="button" className="btn btn-success" onClick={() => void apply()} disabled={busy}>
              {t('training.import.apply', { count: dry.rows })}
            </button>
          ) : (
            <p>{t('training.import.fixAndRetry')}</p>
          )}
        </section>
      )}

      {created !== null && (
        <div className="alert alert-success my-4" role="status">
          <p className="mb-2">{t('training.import.applied', { count: created, provider: providerName })}</p>
          <Link to="/formazione">{t('training.import.toCatalogue')}</Link>
        </div>
      )}
    </>
  );
}
