import { Badge, Button } from 'design-react-kit';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Office } from '../../../shared/schemas/office.schema';
import type { CompanySummary } from '../../../shared/schemas/companies.schema';
import type { WorkerSummary } from '../../../shared/schemas/people.schema';
import { companyEndpoints } from '../../../shared/api/companies.endpoints';
import { workerEndpoints } from '../../../shared/api/people.endpoints';
import { officeEndpoints } from '../../../shared/api/staff.endpoints';
import type { QueryOf } from '../../../shared/api/endpoint';
import { call } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { PageTitle } from '../../components/page-title';
import { useSession } from '../../session/session-context';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextField } from '../../components/text-field';
import { daysLeftText, formatDate, formatPhone, urgency } from './people-format';

const FILTERS = ['q', 'officeId', 'companyId', 'cigsEndBefore', 'hasCodiceFiscale'] as const;

function CigsEnd({ date }: { date: string | null }) {
  if (!date) return <>—</>;
  return (
    <>
      {formatDate(date)}{' '}
      <Badge color={urgency(date)} pill>
        {daysLeftText(date)}
      </Badge>
    </>
  );
}

export function WorkersPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState(
    () => Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<(typeof FILTERS)[number], string>,
  );
  const [moreError, setMoreError] = useState<unknown>(null);
  const [offices, setOffices] = useState<Office[]>([]);
  const [companies, setCompanies] = useState<CompanySummary[]>([]);

  useEffect(() => {
    call(officeEndpoints.list).then(
      (r) => setOffices(r.items),
      () => undefined,
    );
    call(companyEndpoints.list).then(
      (r) => setCompanies(r.items),
      () => undefined,
    );
  }, []);

  // The URL's filters as the query (the server validates them; empty ones are left out).
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as QueryOf<typeof workerEndpoints.list>;
  const key = JSON.stringify(filters);
  // Re-read when the filters or the current office change; a late answer to older filters is dropped.
  const list = useApiQuery(workerEndpoints.list, { query: { ...filters, limit: 25 } }, [key]);
  const items: WorkerSummary[] | null = list.data?.items ?? null;
  const next = list.data?.nextCursor ?? null;
  const total = list.data?.total ?? null;
  const error = list.error ?? moreError;

  const loadMore = () => {
    if (!next) return;
    setMoreError(null);
    call(workerEndpoints.list, { query: { ...filters, limit: 25, cursor: next } }).then((r) => {
      list.setData((prev) => ({ ...r, items: [...(prev?.items ?? []), ...r.items], total: prev?.total ?? r.total }));
    }, setMoreError);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const nextParams = new URLSearchParams();
    for (const f of FILTERS) if (draft[f]) nextParams.set(f, draft[f]);
    setParams(nextParams);
  };
  const set = (field: (typeof FILTERS)[number]) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <PageTitle lead={t('people.workers.lead')}>{t('people.workers.title')}</PageTitle>
        <Link className="btn btn-primary" to="/lavoratori/nuovo">
          {t('people.workers.new')}
        </Link>
        <ImportLink />
      </div>
      <form role="search" onSubmit={submit} className="row g-2 align-items-end mb-3">
        <TextField className="col-12 col-lg-4" label={t('people.workers.search')} value={draft.q} onChange={set('q')} type="search" />
        <SelectField
          className="col-12 col-sm-6 col-lg-2"
          label={t('people.workers.office')}
          value={draft.officeId}
          onChange={set('officeId')}
          options={[
            { value: '', label: t('people.workers.allOffices') },
            ...offices.map((o) => ({ value: o.id, label: o.name.replace('Centro per l’impiego di ', '') })),
          ]}
        />
        <SelectField
          className="col-12 col-sm-6 col-lg-2"
          label={t('people.workers.company')}
          value={draft.companyId}
          onChange={set('companyId')}
          options={[{ value: '', label: t('people.workers.allCompanies') }, ...companies.map((c) => ({ value: c.id, label: c.name }))]}
        />
        <TextField
          className="col-6 col-lg-2"
          label={t('people.workers.cigsEndBefore')}
          type="date"
          value={draft.cigsEndBefore}
          onChange={set('cigsEndBefore')}
        />
        <SelectField
          className="col-6 col-lg-2"
          label={t('people.workers.hasCf')}
          value={draft.hasCodiceFiscale}
          onChange={set('hasCodiceFiscale')}
          options={[
            { value: '', label: t('people.workers.hasCfAny') },
            { value: 'true', label: t('people.workers.hasCfYes') },
            { value: 'false', label: t('people.workers.hasCfNo') },
          ]}
        />
        <div className="col-12 mb-3">
          <Button color="primary" outline type="submit">
            {t('people.workers.searchButton')}
          </Button>
        </div>
      </form>
      <ProblemAlert error={error} />
      {items && items.length === 0 && <p>{t('people.noResults')}</p>}
      {items && items.length > 0 && (
        <>
          {total !== null && (
            // "1.234 lavoratori": Italian groups thousands even in four-digit numbers here.
            <p className="fw-semibold" role="status">
              {t('people.workers.count', {
                count: total,
                formatted: new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'it-IT', { useGrouping: 'always' }).format(total),
              })}
            </p>
          )}
          {/* Cards on phones: a five-column table does not fit 360 px. */}
          <ul className="list-unstyled d-md-none rc-worker-cards">
            {items.map((w) => (
              <li key={w.id} className="card card-bg mb-2">
                <div className="card-body p-3">
                  <Link to={`/lavoratori/${w.id}`} className="fw-semibold">
                    {w.lastName} {w.firstName}
                  </Link>
                  <div className="small">
                    {w.companyName ?? '—'} · {w.officeName.replace('Centro per l’impiego di ', '')}
                  </div>
                  <div className="small">
                    {t('people.workers.cigsEnd')}: <CigsEnd date={w.cigsEndDate} />
                  </div>
                </div>
              </li>
            ))}
          </ul>
          <div className="table-responsive d-none d-md-block">
            <table className="table table-hover align-middle">
              <caption className="visually-hidden">{t('people.workers.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('people.workers.name')}</th>
                  <th scope="col">{t('people.workers.codiceFiscale')}</th>
                  <th scope="col">{t('people.workers.phone')}</th>
                  <th scope="col">{t('people.workers.company')}</th>
                  <th scope="col">{t('people.workers.office')}</th>
                  <th scope="col">{t('people.workers.cigsEnd')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((w) => (
                  <tr key={w.id}>
                    <th scope="row">
                      <Link to={`/lavoratori/${w.id}`}>
                        {w.lastName} {w.firstName}
                      </Link>
                    </th>
                    <td>
                      <code>{w.codiceFiscale ?? '—'}</code>
                    </td>
                    <td className="text-nowrap">{formatPhone(w.phone)}</td>
                    <td>{w.companyName ?? '—'}</td>
                    <td>{w.officeName.replace('Centro per l’impiego di ', '')}</td>
                    <td>
                      <CigsEnd date={w.cigsEndDate} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {next && (
            <Button color="primary" outline onClick={loadMore}>
              {t('people.loadMore')}
            </Button>
          )}
        </>
      )}
    </>
  );
}

/** Link to the bulk import (imports module), shown to those who may import. */
function ImportLink() {
  const { t } = useTranslation();
  const { can } = useSession();
  if (!can('workers.import')) return null;
  return (
    <Link className="btn btn-outline-primary" to="/lavoratori/importa">
      {t('imports.link')}
    </Link>
  );
}
