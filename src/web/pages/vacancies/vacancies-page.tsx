import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { vacancyEndpoints } from '../../../shared/api/vacancies.endpoints';
import { CONTRACT_TYPES, VACANCY_STATES, type VacancySummary } from '../../../shared/schemas/vacancies.schema';
import { Autocomplete } from '../../components/autocomplete';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextField } from '../../components/text-field';
import type { TaxonomyItem } from '../../components/taxonomy-search';
import { useApiQuery } from '../../hooks/use-api-query';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useSession } from '../../session/session-context';
import { formatDate } from '../workers/people-format';
import { escoOccupationOf, VacancyStateBadge, VacancyTabs } from './vacancy-format';

const PAGE = 25;

/** /offerte: the network's vacancies, every office's, with filters; soonest deadline first. */
export function VacanciesPage() {
  const { t } = useTranslation();
  const { session, can } = useSession();
  const [q, setQ] = useState('');
  const [params] = useSearchParams();
  const [state, setState] = useState(params.get('state') ?? 'published');
  const [contractType, setContractType] = useState('');
  const [officeId, setOfficeId] = useState('');
  const [comune, setComune] = useState<TaxonomyItem | null>(null);
  const [occupation, setOccupation] = useState<TaxonomyItem | null>(null);
  const [deadlineFrom, setDeadlineFrom] = useState('');
  const [deadlineTo, setDeadlineTo] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const searched = useDebouncedValue(q, 300);
  const { data, error } = useApiQuery(
    vacancyEndpoints.search,
    {
      query: {
        q: searched || undefined,
        state: (state || undefined) as VacancySummary['state'] | undefined,
        contractType: (contractType || undefined) as VacancySummary['contractType'] | undefined,
        officeId: officeId || undefined,
        comuneCode: comune?.code,
        escoOccupationUri: escoOccupationOf(occupation),
        deadlineFrom: /^\d{4}-\d{2}-\d{2}$/.test(deadlineFrom) ? deadlineFrom : undefined,
        deadlineTo: /^\d{4}-\d{2}-\d{2}$/.test(deadlineTo) ? deadlineTo : undefined,
        limit,
      },
    },
    [searched, state, contractType, officeId, comune?.code, occupation?.id, deadlineFrom, deadlineTo, limit],
  );
  return (
    <>
      <PageTitle lead={t('vacancies.lead')}>{t('vacancies.title')}</PageTitle>
      <VacancyTabs />
      {can('vacancies.write') && (
        <p>
          <Link className="btn btn-primary" to="/offerte/nuova">
            {t('vacancies.new')}
          </Link>
        </p>
      )}
      <form className="row g-3 align-items-end mb-3" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="col-12 col-md-4">
          <TextField label={t('vacancies.filters.q')} help={t('vacancies.filters.qHint')} value={q} onChange={setQ} type="search" />
        </div>
        <div className="col-12 col-md-4">
          <Autocomplete kind="occupations" label={t('vacancies.filters.occupation')} value={occupation} onChange={setOccupation} />
        </div>
        <div className="col-12 col-md-4">
          <Autocomplete kind="comuni" label={t('vacancies.filters.comune')} value={comune} onChange={setComune} />
        </div>
        <div className="col-12 col-md-3">
          <SelectField
            label={t('vacancies.filters.state')}
            value={state}
            onChange={setState}
            options={[
              { value: '', label: t('vacancies.filters.anyState') },
              ...VACANCY_STATES.map((s) => ({ value: s, label: t(`vacancies.state.${s}`) })),
            ]}
          />
        </div>
        <div className="col-12 col-md-3">
          <SelectField
            label={t('vacancies.filters.contractType')}
            value={contractType}
            onChange={setContractType}
            options={[
              { value: '', label: t('vacancies.filters.anyContract') },
              ...CONTRACT_TYPES.map((c) => ({ value: c, label: t(`vacancies.contract.${c}`) })),
            ]}
          />
        </div>
        <div className="col-12 col-md-2">
          <SelectField
            label={t('vacancies.filters.office')}
            value={officeId}
            onChange={setOfficeId}
            options={[
              { value: '', label: t('vacancies.filters.anyOffice') },
              ...(session?.offices ?? []).map((o) => ({ value: o.id, label: o.name })),
            ]}
          />
        </div>
        <div className="col-6 col-md-2">
          <TextField label={t('vacancies.filters.deadlineFrom')} type="date" value={deadlineFrom} onChange={setDeadlineFrom} />
        </div>
        <div className="col-6 col-md-2">
          <TextField label={t('vacancies.filters.deadlineTo')} type="date" value={deadlineTo} onChange={setDeadlineTo} />
        </div>
      </form>
      <ProblemAlert error={error} />
      {data && (
        <p aria-live="polite">
          {data.totalCapped ? t('vacancies.totalCapped', { count: data.total }) : t('vacancies.total', { count: data.total })}
        </p>
      )}
      {data && data.items.length === 0 && <p>{t('vacancies.none')}</p>}
      {data && data.items.length > 0 && (
        <div className="table-responsive">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('vacancies.columns.vacancy')}</th>
                <th scope="col">{t('vacancies.columns.deadline')}</th>
                <th scope="col">{t('vacancies.columns.positions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((v) => (
                <tr key={v.id}>
                  <td>
                    <Link to={`/offerte/${v.id}`}>{v.title}</Link>
                    <div className="small">
                      {v.employerName} · {v.comuneName} · {t(`vacancies.contract.${v.contractType}`)} ·{' '}
                      {t(`vacancies.workingTime.${v.workingTime}`)}
                    </div>
                    <div className="small">{v.officeName}</div>
                    <VacancyStateBadge state={v.state} />
                  </td>
                  <td>{formatDate(v.deadline)}</td>
                  <td>{t('vacancies.positionsText', { filled: v.positionsFilled, positions: v.positions })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && data.items.length < data.total && (
        <button
          type="button"
          className="btn btn-outline-primary"
          onClick={() => setLimit((l) => Math.min(l + PAGE, 100))}
          disabled={limit >= 100}
        >
          {t('vacancies.more')}
        </button>
      )}
    </>
  );
}
