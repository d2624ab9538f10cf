import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { importEndpoints } from '../../../shared/api/imports.endpoints';
import { ApiError, call, saveFile } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { IMPORT_FIELDS, mappingWarnings, type ImportField, type ImportJob } from '../../../shared/schemas/imports.schema';
import { ColumnMappingTable } from './column-mapping-table';
import { FileUploadForm } from './file-upload-form';
import { ImportPreview } from './import-preview';
import { ImportProgress } from './import-progress';

const RUNNING = ['validating', 'applying'];

/** The file travels as the raw body (application/octet-stream): see imports.routes.ts. */
const uploadFile = (file: File) => call(importEndpoints.upload, { query: { fileName: file.name }, body: file });

export function WorkerImportPage() {
  const { t } = useTranslation();
  const companiesId = useId();
  const officeFieldId = useId();
  const [officeId, setOfficeId] = useState('');
  // The offices new workers may go to: the operator's own by default (the server checks the choice).
  const offices = useApiQuery(importEndpoints.offices, {}, []);
  const officeName = (id: string) => offices.data?.items.find((o) => o.id === id)?.name ?? '';
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [createCompanies, setCreateCompanies] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [checkedOnce, setCheckedOnce] = useState(false);

  // Polls the job while it runs in the background (dry run or apply).
  useEffect(() => {
    if (!job || !RUNNING.includes(job.status)) return;
    const timer = setInterval(() => {
      call(importEndpoints.get, { params: { id: job.id } }).then(setJob, setError);
    }, 500);
    return () => clearInterval(timer);
  }, [job?.id, job?.status]);

  const onUpload = useCallback(
    async (event: FormEvent) => {
      event.preventDefault();
      setError(null);
      if (!file) {
        setError(new ApiError(400, 'NO_FILE', t('imports.upload.missing')));
        return;
      }
      setBusy(true);
      try {
        const uploaded = await uploadFile(file);
        setJob(uploaded);
        setMapping(uploaded.mapping);
        setOfficeId(offices.data?.defaultOfficeId ?? uploaded.officeId);
        setCheckedOnce(false);
      } catch (e) {
        setError(e);
      } finally {
        setBusy(false);
      }
    },
    [file, t, offices.data],
  );

  const run = async (action: () => Promise<ImportJob>) => {
    setError(null);
    setBusy(true);
    try {
      setJob(await action());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const onDryRun = () => {
    setCheckedOnce(true);
    void run(() =>
      call(importEndpoints.dryRun, {
        params: { id: job!.id },
        body: { mapping: mapping as Record<string, ImportField>, createCompanies, ...(officeId ? { officeId } : {}) },
      }),
    );
  };
  const onApply = (validOnly: boolean) => void run(() => call(importEndpoints.apply, { params: { id: job!.id }, body: { validOnly } }));
  const download = async (format: 'csv' | 'xlsx') => {
    setError(null);
    try {
      saveFile(await call(importEndpoints.refusedRows, { params: { id: job!.id }, query: { format } }));
    } catch (e) {
      setError(e);
    }
  };
  const downloads = (
    <div className="d-flex flex-wrap gap-2 mt-2">
      <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void download('csv')}>
        {t('imports.refused.csv')}
      </button>
      <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void download('xlsx')}>
        {t('imports.refused.xlsx')}
      </button>
    </div>
  );
  const reset = () => {
    setJob(null);
    setFile(null);
    setError(null);
    setCreateCompanies(false);
  };

  const running = job !== null && RUNNING.includes(job.status);
  const canEditMapping = job !== null && ['uploaded', 'validated', 'failed'].includes(job.status);
  const details = job
    ? [job.source.encoding, job.source.delimiter ? `«${job.source.delimiter}»` : '', job.source.sheet].filter(Boolean).join(', ')
    : '';
  // Said before the dry run, from the mapping on screen: what will not be imported, and a list without the CIGS end date.
  const warnings = job ? mappingWarnings(mapping, job.columns) : null;
  const validRows = job ? job.totalRows - job.counts.error : 0;

  return (
    <>
      <PageTitle lead={t('imports.lead')}>{t('imports.title')}</PageTitle>
      <ProblemAlert error={error} />

      <section aria-labelledby="upload-heading" className="mb-4">
        <h2 id="upload-heading" className="h4">
          {t('imports.upload.heading')}
        </h2>
        <FileUploadForm
          onFile={setFile}
          onSubmit={onUpload}
          disabled={busy || running}
          submitLabel={busy && !job ? t('imports.upload.uploading') : t('imports.upload.submit')}
        />
      </section>

      {job && (
        <section aria-labelledby="mapping-heading" className="mb-4">
          <h2 id="mapping-heading" className="h4">
            {t('imports.mapping.heading')}
          </h2>
          <p>
            {t('imports.mapping.lead')}{' '}
            <span className="text-secondary">
              ({job.fileName}: {t('imports.mapping.detected', { format: job.fileFormat.toUpperCase(), details })})
            </span>
          </p>
          <ColumnMappingTable
            columns={job.columns}
            fields={IMPORT_FIELDS}
            fieldLabel={(f) => t(`imports.fields.${f}`)}
            value={mapping}
            onChange={setMapping}
            disabled={!canEditMapping}
            labelledBy="mapping-heading"
          />
          {job.mappingSource === 'remembered' && <p className="text-secondary small">{t('imports.mapping.remembered')}</p>}
          {warnings && warnings.unmappedColumns.length > 0 && (
            <p>
              <span className="fw-semibold">{t('imports.mapping.unmapped', { count: warnings.unmappedColumns.length })}</span>{' '}
              {warnings.unmappedColumns.join(' · ')}
            </p>
          )}
          {warnings?.missingCigsEnd && (
            <div className="alert alert-warning" role="status">
              {t('imports.mapping.missingCigsEnd')}
            </div>
          )}
          <div className="select-wrapper mb-3" style={{ maxWidth: '28rem' }}>
            <label htmlFor={officeFieldId}>{t('imports.mapping.office')}</label>
            <select
              id={officeFieldId}
              value={officeId}
              disabled={!canEditMapping || !offices.data}
              aria-describedby={`${officeFieldId}-help`}
              onChange={(e) => setOfficeId(e.target.value)}
            >
              {(offices.data?.items ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
            <small id={`${officeFieldId}-help`} className="form-text">
              {t('imports.mapping.officeHelp')}
            </small>
          </div>
          <div className="form-check mb-3">
            <input
              id={companiesId}
              type="checkbox"
              checked={createCompanies}
              disabled={!canEditMapping}
              onChange={(e) => setCreateCompanies(e.target.checked)}
            />
            <label htmlFor={companiesId}>{t('imports.mapping.createCompanies')}</label>
          </div>
          <button type="button" className="btn btn-primary" onClick={onDryRun} disabled={busy || !canEditMapping}>
            {t('imports.mapping.dryRun')}
          </button>
        </section>
      )}

      {job && (running || checkedOnce) && job.status !== 'uploaded' && <ImportProgress job={job} />}
      {job?.status === 'failed' && (
        <div className="alert alert-danger" role="alert">
          {job.error ?? t('imports.result.failed')}
        </div>
      )}

      {job && ['validated', 'applied'].includes(job.status) && <ImportPreview job={job} officeName={officeName(job.officeId)} />}

      {job?.status === 'validated' && (
        <div className="my-4">
          <p role="status" className={job.counts.error > 0 ? 'text-danger fw-semibold' : 'text-success fw-semibold'}>
            {job.counts.error > 0 ? t('imports.preview.hasErrors') : t('imports.preview.ready')}
          </p>
          {job.counts.error > 0 && (
            <div className="mb-3">
              <p className="mb-0">{t('imports.refused.lead', { count: job.counts.error })}</p>
              {downloads}
            </div>
          )}
          <div className="d-flex flex-wrap gap-3">
            {/* All or nothing is offered only when nothing would be refused: a disabled button beside
                the errors reads as a broken one. */}
            {job.counts.error === 0 && (
              <button type="button" className="btn btn-success" onClick={() => onApply(false)} disabled={busy}>
                {t('imports.preview.apply', { count: job.totalRows })}
              </button>
            )}
            {job.counts.error > 0 && validRows > 0 && (
              <button type="button" className="btn btn-outline-success" onClick={() => onApply(true)} disabled={busy}>
                {t('imports.preview.applyValid', { count: validRows })}
              </button>
            )}
            <button type="button" className="btn btn-outline-primary" onClick={reset}>
              {t('imports.preview.newFile')}
            </button>
          </div>
        </div>
      )}

      {job?.status === 'applied' && (
        <div className="alert alert-success my-4" role="status">
          <h2 className="h5">{t('imports.result.heading')}</h2>
          <p className="mb-2">
            {t('imports.result.summary', { new: job.counts.new, update: job.counts.update, unchanged: job.counts.unchanged })}
          </p>
          {job.counts.error > 0 && (
            <div className="mb-2">
              <p className="mb-0">{t('imports.result.refused', { count: job.counts.error })}</p>
              {!job.purged && downloads}
            </div>
          )}
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={reset}>
            {t('imports.preview.newFile')}
          </button>
        </div>
      )}
    </>
  );
}
