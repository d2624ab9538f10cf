import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importEndpoints } from '../../../shared/api/imports.endpoints';
import { call } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import type { ImportJob, ImportRow } from '../../../shared/schemas/imports.schema';

const PAGE_SIZE = 25;
type Outcome = ImportRow['outcome'];
const OUTCOMES: Outcome[] = ['new', 'update', 'unchanged', 'error'];
const BADGE: Record<Outcome, string> = { new: 'bg-success', update: 'bg-primary', unchanged: 'bg-secondary', error: 'bg-danger' };

/** Counts of the dry run and the row-by-row table, filterable by outcome and paginated. */
export function ImportPreview({ job, officeName }: { job: ImportJob; officeName: string }) {
  const { t } = useTranslation();
  const filterId = useId();
  const [outcome, setOutcome] = useState<Outcome | ''>(job.counts.error > 0 ? 'error' : '');
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<{ items: ImportRow[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    call(importEndpoints.rows, { params: { id: job.id }, query: { outcome: outcome || undefined, page, pageSize: PAGE_SIZE } }).then(
      (r) => live && setRows(r),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [job.id, job.status, outcome, page]);

  const pages = rows ? Math.max(1, Math.ceil(rows.total / PAGE_SIZE)) : 1;
  // A file-wide problem is said once above the table; its rows point there instead of repeating it.
  const summarised = new Set(job.notices.map((n) => n.code));
  const problems = (r: ImportRow) => {
    const own = r.errors.filter((e) => !summarised.has(e.code));
    const covered = own.length < r.errors.length;
    if (r.errors.length === 0) return null;
    return (
      <ul className="mb-0 ps-3">
        {own.map((e) => (
          <li key={e.field + e.message}>{e.message}</li>
        ))}
        {covered && <li>{t('imports.preview.seeNotices')}</li>}
      </ul>
    );
  };
  return (
    <section aria-labelledby="preview-heading" className="mt-4">
      <h2 id="preview-heading" className="h4">
        {t('imports.preview.heading')}
      </h2>
      <p>{t('imports.preview.total', { count: job.totalRows })}</p>
      {officeName && <p>{t('imports.preview.office', { office: officeName })}</p>}
      {job.notices.length > 0 && (
        <div className="alert alert-warning" role="status">
          <h3 className="h6">{t('imports.preview.notices')}</h3>
          <ul className="mb-0">
            {job.notices.map((n) => (
              <li key={n.code + n.message}>{n.message}</li>
            ))}
          </ul>
        </div>
      )}
      <ul className="list-inline">
        {OUTCOMES.map((o) => (
          <li key={o} className="list-inline-item me-4">
            <span className={`badge ${BADGE[o]} me-1`}>{job.counts[o]}</span> {t(`imports.preview.${o}`)}
          </li>
        ))}
        {job.counts.companiesToCreate > 0 && (
          <li className="list-inline-item">
            <span className="badge bg-warning text-dark me-1">{job.counts.companiesToCreate}</span> {t('imports.preview.companiesToCreate')}
          </li>
        )}
      </ul>
      <ProblemAlert error={error} />
      <div className="select-wrapper mb-3 mt-4" style={{ maxWidth: '20rem' }}>
        <label htmlFor={filterId}>{t('imports.preview.filter')}</label>
        <select
          id={filterId}
          value={outcome}
          onChange={(e) => {
            setOutcome(e.target.value as Outcome | '');
            setPage(1);
          }}
        >
          <option value="">{t('imports.preview.all')}</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`imports.outcomes.${o}`)} ({job.counts[o]})
            </option>
          ))}
        </select>
      </div>
      {rows && rows.items.length === 0 && <p>{t('imports.preview.none')}</p>}
      {rows && rows.items.length > 0 && (
        <div className="table-responsive" tabIndex={0} role="region" aria-label={t('imports.preview.caption')}>
          <table className="table table-sm">
            <caption className="visually-hidden">{t('imports.preview.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('imports.preview.row')}</th>
                <th scope="col">{t('imports.preview.worker')}</th>
                <th scope="col">{t('imports.preview.outcome')}</th>
                <th scope="col">{t('imports.preview.problems')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.items.map((r) => (
                <tr key={r.rowNumber}>
                  <td>{r.rowNumber}</td>
                  <th scope="row" className="fw-normal">
                    {r.label}
                  </th>
                  <td>
                    <span className={`badge ${BADGE[r.outcome]}`}>{t(`imports.outcomes.${r.outcome}`)}</span>
                  </td>
                  <td>{problems(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label={t('imports.preview.caption')} className="d-flex align-items-center gap-3">
          <button type="button" className="btn btn-outline-primary btn-sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('imports.preview.previous')}
          </button>
          <span>{t('imports.preview.page', { page, pages })}</span>
          <button type="button" className="btn btn-outline-primary btn-sm" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('imports.preview.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
