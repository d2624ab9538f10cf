import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompanySummary } from '../../../shared/schemas/companies.schema';
import { companyEndpoints } from '../../../shared/api/companies.endpoints';
import { useApiQuery } from '../../hooks/use-api-query';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { TextField } from '../../components/text-field';
import { useSession } from '../../session/session-context';
import { daysLeftText, formatDate } from '../workers/people-format';

export function CompaniesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [q, setQ] = useState('');
  // The search asked for (on submit), not each keystroke; only the newest answer is shown.
  const [asked, setAsked] = useState('');
  const { data, error } = useApiQuery(companyEndpoints.list, { query: { q: asked || undefined } }, [asked]);
  const items: CompanySummary[] | null = data?.items ?? null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAsked(q);
  };
  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <PageTitle lead={t('people.companies.lead')}>{t('people.companies.title')}</PageTitle>
        {can('companies.manage') && (
          <Link className="btn btn-primary" to="/aziende/nuova">
            {t('people.companies.new')}
          </Link>
        )}
      </div>
      <form role="search" onSubmit={submit} className="row g-2 align-items-end mb-3">
        <TextField className="col-12 col-md-6" label={t('people.companies.search')} value={q} onChange={setQ} type="search" />
        <div className="col-12 col-md-2 mb-3">
          <Button color="primary" outline type="submit">
            {t('people.workers.searchButton')}
          </Button>
        </div>
      </form>
      <ProblemAlert error={error} />
      {items && items.length === 0 && <p>{t('people.noResults')}</p>}
      {items && items.length > 0 && (
        <div className="table-responsive">
          <table className="table table-hover align-middle">
            <caption className="visually-hidden">{t('people.companies.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('people.companies.name')}</th>
                <th scope="col">{t('people.companies.reasons')}</th>
                <th scope="col" className="d-none d-md-table-cell">
                  {t('people.companies.comune')}
                </th>
                <th scope="col" className="text-end">
                  {t('people.companies.workers')}
                </th>
                <th scope="col">{t('people.companies.nextEnd')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/aziende/${c.id}`}>{c.name}</Link>
                  </th>
                  <td>{c.reasons.map((r) => t(`people.reasons.${r}`)).join('; ') || '—'}</td>
                  <td className="d-none d-md-table-cell">{c.comuneName ?? '—'}</td>
                  <td className="text-end">{c.workers}</td>
                  <td>{c.nextCigsEnd ? `${formatDate(c.nextCigsEnd)} (${daysLeftText(c.nextCigsEnd)})` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
