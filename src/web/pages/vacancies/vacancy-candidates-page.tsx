import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { applicationEndpoints } from '../../../shared/api/applications.endpoints';
import { matchingEndpoints } from '../../../shared/api/matching.endpoints';
import { vacancyEndpoints } from '../../../shared/api/vacancies.endpoints';
import type { Candidate, CandidateSort } from '../../../shared/schemas/matching.schema';
import type { VacancyDetail } from '../../../shared/schemas/vacancies.schema';
import { Autocomplete } from '../../components/autocomplete';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextField } from '../../components/text-field';
import type { TaxonomyItem } from '../../components/taxonomy-search';
import { call } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { useSession } from '../../session/session-context';
import { VacancyTabs } from './vacancy-format';
import { formatPhone } from '../workers/people-format';

const PAGE = 20;

interface Filters {
  skills: string[];
  minSkills: string;
  comune: TaxonomyItem | null;
  radiusKm: string;
  availableBy: string;
  network: boolean;
  sort: CandidateSort;
}

const defaults = (v: VacancyDetail): Filters => ({
  skills: v.skills.filter((s) => s.relevance === 'essential').map((s) => s.uri),
  minSkills: '1',
  comune: null,
  radiusKm: '',
  availableBy: '',
  network: false,
  sort: 'fit',
});

/**
 * /offerte/:id/candidati: the workers who fit a vacancy, with the vacancy's values as the filters'
 * defaults and, for each, why in words. Who may propose workers (applications' policy) gets
 * «Proponi» on each result: the application starts at «proposed», found by the candidate search.
 */
export function VacancyCandidatesPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const { data: vacancy, error: vacancyError } = useApiQuery(vacancyEndpoints.get, { params: { id } }, [id]);
  if (!vacancy) return <ProblemAlert error={vacancyError} />;
  const propose = can('applications.propose') && vacancy.state === 'published' ? proposeTo(vacancy.id) : undefined;
  return <CandidateSearch vacancy={vacancy} onPropose={propose} />;
}

const proposeTo = (vacancyId: string) => (candidate: Candidate) =>
  call(applicationEndpoints.propose, { body: { vacancyId, workerId: candidate.worker.id, source: 'candidate_search' } }).then(
    () => undefined,
  );

function CandidateSearch({ vacancy, onPropose }: { vacancy: VacancyDetail; onPropose?: (candidate: Candidate) => Promise<void> }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Filters>(() => defaults(vacancy));
  const [applied, setApplied] = useState<Filters>(form);
  const [offset, setOffset] = useState(0);
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setForm((f) => ({ ...f, [key]: value }));
  const required = vacancy.skills.filter((s) => s.relevance === 'essential');
  const radius = /^\d+$/.test(applied.radiusKm) ? applied.radiusKm : undefined;
  const { data, error, loading } = useApiQuery(
    matchingEndpoints.candidates,
    {
      params: { id: vacancy.id },
      query: {
        skill: required.length > 0 ? (applied.skills.length > 0 ? applied.skills : undefined) : undefined,
        minSkills: applied.skills.length > 0 && applied.minSkills !== '1' ? Number(applied.minSkills) : undefined,
        comuneCode: applied.comune?.code,
        radiusKm: radius === undefined ? undefined : Number(radius),
        availableBy: /^\d{4}-\d{2}-\d{2}$/.test(applied.availableBy) ? applied.availableBy : undefined,
        network: applied.network ? 'true' : undefined,
        sort: applied.sort,
        limit: PAGE,
        offset,
      },
    },
    [vacancy.id, JSON.stringify(applied), offset],
  );
  const search = () => {
    setApplied(form);
    setOffset(0);
  };
  return (
    <>
      <VacancyTabs />
      <PageTitle lead={t('candidates.lead')}>{`${t('candidates.title')}: ${vacancy.title}`}</PageTitle>
      <p>
        <Link to={`/offerte/${vacancy.id}`}>{t('candidates.back')}</Link>
      </p>
      <form
        className="row g-3 align-items-end mb-3"
        role="search"
        aria-label={t('candidates.filters.label')}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          search();
        }}
      >
        <fieldset className="col-12">
          <legend className="h6">{t('candidates.filters.skills')}</legend>
          {required.length === 0 && <p className="small">{t('candidates.filters.noSkills')}</p>}
          {required.map((s) => (
            <div key={s.uri} className="form-check">
              <input
                id={`skill-${s.uri}`}
                type="checkbox"
                className="form-check-input"
                checked={form.skills.includes(s.uri)}
                onChange={(e) => set('skills', e.target.checked ? [...form.skills, s.uri] : form.skills.filter((u) => u !== s.uri))}
              />
              <label className="form-check-label" htmlFor={`skill-${s.uri}`}>
                {s.label}
              </label>
            </div>
          ))}
        </fieldset>
        {required.length > 0 && (
          <div className="col-12 col-md-3">
            <SelectField
              label={t('candidates.filters.minSkills')}
              value={form.minSkills}
              onChange={(v) => set('minSkills', v)}
              options={Array.from({ length: Math.max(form.skills.length, 1) }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))}
            />
          </div>
        )}
        <div className="col-12 col-md-5">
          <Autocomplete
            kind="comuni"
            label={t('candidates.filters.comune')}
            help={form.comune ? undefined : t('candidates.filters.comuneDefault', { name: vacancy.comuneName })}
            value={form.comune}
            onChange={(c) => set('comune', c)}
          />
        </div>
        <div className="col-6 col-md-2">
          <TextField
            label={t('candidates.filters.radius')}
            inputMode="numeric"
            value={form.radiusKm}
            onChange={(v) => set('radiusKm', v.replace(/\D/g, ''))}
            help={t('candidates.filters.radiusHint')}
          />
        </div>
        <div className="col-6 col-md-2">
          <TextField
            label={t('candidates.filters.availableBy')}
            type="date"
            value={form.availableBy}
            onChange={(v) => set('availableBy', v)}
          />
        </div>
        <div className="col-12 col-md-3">
          <SelectField
            label={t('candidates.filters.sort')}
            value={form.sort}
            onChange={(v) => set('sort', v as CandidateSort)}
            options={[
              { value: 'fit', label: t('candidates.filters.sortFit') },
              { value: 'cigs_end', label: t('candidates.filters.sortCigs') },
            ]}
          />
        </div>
        <div className="col-12 col-md-5">
          <div className="form-check">
            <input
              id="candidates-network"
              type="checkbox"
              className="form-check-input"
              aria-describedby="candidates-network-help"
              checked={form.network}
              onChange={(e) => set('network', e.target.checked)}
            />
            <label className="form-check-label" htmlFor="candidates-network">
              {t('candidates.filters.network')}
            </label>
            <div id="candidates-network-help" className="form-text">
              {t('candidates.filters.networkHint')}
            </div>
          </div>
        </div>
        <div className="col-12 d-flex flex-wrap gap-2">
          <Button color="primary" type="submit">
            {t('candidates.filters.search')}
          </Button>
          <Button
            color="secondary"
            outline
            type="button"
            onClick={() => {
              const reset = defaults(vacancy);
              setForm(reset);
              setApplied(reset);
              setOffset(0);
            }}
          >
            {t('candidates.filters.reset')}
          </Button>
        </div>
      </form>
      <ProblemAlert error={error} />
      <section aria-labelledby="candidates-results" aria-busy={loading}>
        <h2 id="candidates-results" className="h4">
          {t('candidates.results')}
        </h2>
        {data && <p aria-live="polite">{t('candidates.total', { count: data.total })}</p>}
        {data?.truncated && <p className="alert alert-warning">{t('candidates.truncated')}</p>}
        {data && data.items.length === 0 && <p>{t('candidates.none')}</p>}
        {data && data.items.length > 0 && (
          <ol className="list-unstyled" start={offset + 1}>
            {data.items.map((c) => (
              <CandidateRow key={c.worker.id} candidate={c} onPropose={onPropose} />
            ))}
          </ol>
        )}
        {data && data.total > PAGE && (
          <nav aria-label={t('candidates.page', { from: offset + 1, to: Math.min(offset + PAGE, data.total), total: data.total })}>
            <p className="small">
              {t('candidates.page', { from: offset + 1, to: Math.min(offset + PAGE, data.total), total: data.total })}
            </p>
            <div className="d-flex gap-2">
              <Button color="primary" outline type="button" disabled={offset === 0} onClick={() => setOffset((o) => Math.max(0, o - PAGE))}>
                {t('candidates.previous')}
              </Button>
              <Button
                color="primary"
                outline
                type="button"
                disabled={offset + PAGE >= data.total}
                onClick={() => setOffset((o) => o + PAGE)}
              >
                {t('candidates.next')}
              </Button>
            </div>
          </nav>
        )}
      </section>
    </>
  );
}

function CandidateRow({ candidate: c, onPropose }: { candidate: Candidate; onPropose?: (candidate: Candidate) => Promise<void> }) {
  const { t } = useTranslation();
  const name = `${c.worker.lastName} ${c.worker.firstName}`;
  // idle → sending → proposed; a refusal (already proposed by another office, outside the office)
  // is said beside the row, in the server's words.
  const [state, setState] = useState<'idle' | 'sending' | 'proposed'>('idle');
  const [problem, setProblem] = useState<unknown>(null);
  const propose = async () => {
    if (!onPropose || state !== 'idle') return;
    setState('sending');
    setProblem(null);
    try {
      await onPropose(c);
      setState('proposed');
    } catch (err) {
      setProblem(err);
      setState('idle');
    }
  };
  return (
    <li className="border-bottom py-2 d-flex flex-wrap gap-2 justify-content-between align-items-start">
      <div style={{ minWidth: 0, flex: '1 1 16rem' }}>
        <h3 className="h6 mb-1">
          {c.worker.inScope ? <Link to={`/lavoratori/${c.worker.id}`}>{name}</Link> : name}
          {c.worker.comuneName && <span className="fw-normal"> · {c.worker.comuneName}</span>}
        </h3>
        <p className="mb-1">{c.explanation}</p>
        <p className="small mb-0">
          {c.worker.inScope ? c.worker.officeName : t('candidates.otherOffice', { office: c.worker.officeName })}
          {c.worker.phone && ` · ${formatPhone(c.worker.phone)}`}
        </p>
      </div>
      {onPropose && state === 'proposed' && (
        <p className="small mb-0 text-success fw-semibold" role="status">
          {t('candidates.proposed')}
        </p>
      )}
      {onPropose && state !== 'proposed' && (
        <Button
          color="primary"
          outline
          size="sm"
          type="button"
          aria-label={t('candidates.proposeLabel', { name })}
          disabled={state === 'sending'}
          onClick={() => void propose()}
        >
          {t('candidates.propose')}
        </Button>
      )}
      {problem !== null && (
        <div className="w-100">
          <ProblemAlert error={problem} />
        </div>
      )}
    </li>
  );
}
