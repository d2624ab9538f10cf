import { Button } from 'design-react-kit';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompanySummary } from '../../../shared/schemas/companies.schema';
import { api, query } from '../../api/client';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { TextField } from '../../components/text-field';
import { useSession } from '../../session/session-context';
import { daysLeftText, formatDate } from '../workers/people-format';

export function CompaniesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<CompanySummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = (text: string) => api.get<{ items: CompanySummary[] }>(`/api/v1/companies${query({ q: text })}`).then((r) => setItems(r.items), setError);
  useEffect(() => {
    void load('');
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void load(q);
  };
  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <PageTitle lead={t('people.companies.lead')}>{t('people.companies.title')}</PageTitle>
        {can('companies.manage') && <Link className="btn btn-primary" to="/aziende/nuova">{t('people.companies.new')}</Link>}
      </div>
      <form role="search" onSubmit={submit} className="row g-2 align-items-end mb-3">
        <TextField className="col-12 col-md-6" label={t('people.companies.search')} value={q} onChange={setQ} type="search" />
        <div className="col-12 col-md-2 mb-3"><Button color="primary" outline type="submit">{t('people.workers.searchButton')}</Button></div>
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
                <th scope="col" className="d-none d-md-table-cell">{t('people.companies.comune')}</th>
                <th scope="col" className="text-end">{t('people.companies.workers')}</th>
                <th scope="col">{t('people.companies.nextEnd')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <th scope="row"><Link to={`/aziende/${c.id}`}>{c.name}</Link></th>
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
