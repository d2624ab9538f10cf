import { VacancyTabs } from '../vacancies/vacancy-format';
import { Badge, Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { employerEndpoints } from '../../../shared/api/employers.endpoints';
import { useApiQuery } from '../../hooks/use-api-query';
import { Autocomplete } from '../../components/autocomplete';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextField } from '../../components/text-field';
import type { TaxonomyItem } from '../../components/taxonomy-search';
import { officeTag } from '../../../shared/text/office-short-name';
import { useSession } from '../../session/session-context';
import { ResponseCell } from './employer-response';

const PAGE = 25;

/** The network's employers that hire: search by name or partita IVA, filters by comune, ATECO and office. */
export function EmployersPage() {
  const { t } = useTranslation();
  const { can, session } = useSession();
  const [q, setQ] = useState('');
  const [ateco, setAteco] = useState('');
  const [officeId, setOfficeId] = useState('');
  const [comune, setComune] = useState<TaxonomyItem | null>(null);
  // The search asked for (on submit), not each keystroke.
  const [asked, setAsked] = useState<{ q?: string; atecoCode?: string; officeId?: string; comuneCode?: string }>({});
  const [offset, setOffset] = useState(0);
  const { data, error } = useApiQuery(employerEndpoints.list, { query: { ...asked, limit: PAGE, offset } }, [asked, offset]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOffset(0);
    setAsked({
      q: q.trim() || undefined,
      atecoCode: ateco.trim() || undefined,
      officeId: officeId || undefined,
      comuneCode: comune?.code ?? undefined,
    });
  };
  const items = data?.items ?? null;
  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <PageTitle lead={t('employers.list.lead')}>{t('employers.list.title')}</PageTitle>
        {can('employers.manage') && (
          <Link className="btn btn-primary" to="/aziende-che-assumono/nuova">
            {t('employers.list.new')}
          </Link>
        )}
      </div>
      <VacancyTabs />
      <form role="search" onSubmit={submit} className="row g-2 align-items-end mb-3">
        <TextField className="col-12 col-md-6 col-lg-4" label={t('employers.list.search')} value={q} onChange={setQ} type="search" />
        <div className="col-12 col-md-6 col-lg-3 mb-3">
          <Autocomplete kind="comuni" label={t('employers.list.comune')} value={comune} onChange={setComune} />
        </div>
        <TextField
          className="col-6 col-lg-2"
          label={t('employers.list.ateco')}
          help={t('employers.list.atecoHelp')}
          value={ateco}
          onChange={setAteco}
          inputMode="decimal"
        />
        <SelectField
          className="col-6 col-lg-3"
          label={t('employers.list.office')}
          value={officeId}
          onChange={setOfficeId}
          options={[
            { value: '', label: t('employers.list.anyOffice') },
            ...(session?.offices ?? []).map((o) => ({ value: o.id, label: officeTag(o.name) })),
          ]}
        />
        <div className="col-12 mb-3">
          <Button color="primary" outline type="submit">
            {t('employers.list.searchButton')}
          </Button>
        </div>
      </form>
      <ProblemAlert error={error} />
      {data && (
        <p aria-live="polite" className="small">
          {t('employers.list.count', { count: data.total })}
        </p>
      )}
      {items && items.length > 0 && (
        <div className="table-responsive">
          <table className="table table-hover align-middle">
            <caption className="visually-hidden">{t('employers.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('employers.fields.name')}</th>
                <th scope="col">{t('employers.list.comuni')}</th>
                <th scope="col" className="d-none d-md-table-cell">
                  {t('employers.fields.ateco')}
                </th>
                <th scope="col" className="d-none d-lg-table-cell">
                  {t('employers.fields.office')}
                </th>
                <th scope="col">{t('employers.list.consent')}</th>
                <th scope="col">{t('employers.history.column')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <Link to={`/aziende-che-assumono/${e.id}`}>{e.name}</Link>
                    {e.crisisCompany && (
                      <Badge color="warning" className="ms-2 text-dark">
                        {t('employers.alsoCrisisShort')}
                      </Badge>
                    )}
                  </th>
                  <td>{e.comuni.join(', ') || '—'}</td>
                  <td className="d-none d-md-table-cell">{e.atecoLabel ? `${e.atecoCode} · ${e.atecoLabel}` : (e.atecoCode ?? '—')}</td>
                  <td className="d-none d-lg-table-cell">{officeTag(e.officeName)}</td>
                  <td>{e.consent ? t('employers.list.consentYes') : t('employers.list.consentNo')}</td>
                  <td>
                    <ResponseCell response={e.response} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && data.total > PAGE && (
        <nav aria-label={t('employers.list.pages')} className="d-flex gap-2 align-items-center">
          <Button color="primary" outline size="sm" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('employers.list.previous')}
          </Button>
          <span className="small">
            {t('employers.list.page', { from: offset + 1, to: Math.min(offset + PAGE, data.total), total: data.total })}
          </span>
          <Button color="primary" outline size="sm" disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
            {t('employers.list.next')}
          </Button>
        </nav>
      )}
    </>
  );
}
