import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { vacancyEndpoints } from '../../../shared/api/vacancies.endpoints';
import { VACANCY_STATES, type VacancyBoard, type VacancySummary } from '../../../shared/schemas/vacancies.schema';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField } from '../../components/text-field';
import { useApiQuery } from '../../hooks/use-api-query';
import { useSession } from '../../session/session-context';
import { formatDate } from '../workers/people-format';
import { VacancyTabs } from './vacancy-format';

/**
 * /offerte/bacheca: a job matcher's board for an office — its vacancies per state, the published
 * ones closing soon, the drafts, the positions open and filled, and the published vacancies whose
 * candidates sent have had no answer from the employer (applications' one rule of an answer), and
 * the candidates in each stage of its published vacancies.
 */
export function VacancyBoardPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [officeId, setOfficeId] = useState(session?.currentOfficeId ?? '');
  const { data, error } = useApiQuery(vacancyEndpoints.board, { query: { officeId: officeId || undefined } }, [officeId]);
  return (
    <>
      <PageTitle>{t('vacancies.board.title')}</PageTitle>
      <VacancyTabs />
      <div className="row">
        <div className="col-12 col-md-6">
          <SelectField
            label={t('vacancies.board.office')}
            value={officeId}
            onChange={setOfficeId}
            options={(session?.offices ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </div>
      </div>
      <ProblemAlert error={error} />
      {data && (
        <>
          <h2 className="h4">{t('vacancies.board.counts')}</h2>
          <ul className="list-inline">
            {VACANCY_STATES.map((s) => (
              <li key={s} className="list-inline-item me-4">
                <Link to={`/offerte?state=${s}`}>{t(`vacancies.state.${s}`)}</Link>: <strong>{data.counts[s] ?? 0}</strong>
              </li>
            ))}
          </ul>
          <p>
            {t('vacancies.board.positionsOpen')}: <strong>{data.positionsOpen}</strong> · {t('vacancies.board.positionsFilled')}:{' '}
            <strong>{data.positionsFilled}</strong>
          </p>
          <div className="row">
            <div className="col-12 col-lg-6">
              <h2 className="h4">{t('vacancies.board.closingSoon')}</h2>
              <BoardList items={data.closingSoon} empty={t('vacancies.board.noneClosing')} />
            </div>
            <div className="col-12 col-lg-6">
              <h2 className="h4">{t('vacancies.board.drafts')}</h2>
              <BoardList items={data.drafts} empty={t('vacancies.board.noDrafts')} />
            </div>
          </div>
          <h2 className="h4">{t('vacancies.board.withoutAnswer')}</h2>
          {data.withoutAnswer.length === 0 ? (
            <p>{t('vacancies.board.noneWithoutAnswer')}</p>
          ) : (
            <ul data-testid="board-without-answer">
              {data.withoutAnswer.map((v) => (
                <li key={v.id}>
                  <Link to={`/offerte/${v.id}`}>{v.title}</Link>
                  <div className="small">
                    {v.employerName} · {t('vacancies.board.waiting', { count: v.candidatesSent })}
                  </div>
                </li>
              ))}
            </ul>
          )}
          <StageTable stages={data.candidateStages} />
        </>
      )}
    </>
  );
}

const STAGES = ['proposed', 'preselected', 'sent', 'interview', 'offer', 'hired'] as const;

/** The board's candidates in each stage: one row per vacancy with candidates, and the totals. */
function StageTable({ stages }: { stages: VacancyBoard['candidateStages'] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="board-stages-h" className="mt-4">
      <h2 id="board-stages-h" className="h4">
        {t('vacancies.board.stages')}
      </h2>
      <p className="small">{t('vacancies.board.stagesHelp')}</p>
      {stages.vacancies.length === 0 ? (
        <p>{t('vacancies.board.noStages')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm">
            <thead>
              <tr>
                <th scope="col">{t('vacancies.columns.vacancy')}</th>
                {STAGES.map((s) => (
                  <th key={s} scope="col" className="text-end">
                    {t(`applications.state.${s}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {stages.vacancies.map((v) => (
                <tr key={v.id}>
                  <th scope="row" className="fw-normal">
                    <Link to={`/offerte/${v.id}`}>{v.title}</Link>
                    <div className="small">{v.employerName}</div>
                  </th>
                  {STAGES.map((s) => (
                    <td key={s} className="text-end">
                      {v.byStage[s] ?? 0}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('vacancies.board.total')}</th>
                {STAGES.map((s) => (
                  <td key={s} className="text-end fw-semibold">
                    {stages.totals[s] ?? 0}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}

function BoardList({ items, empty }: { items: VacancySummary[]; empty: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ul>
      {items.map((v) => (
        <li key={v.id}>
          <Link to={`/offerte/${v.id}`}>{v.title}</Link>
          <div className="small">
            {v.employerName} · {v.comuneName} · {t('vacancies.detail.deadline')} {formatDate(v.deadline)} ·{' '}
            {t('vacancies.positionsText', { filled: v.positionsFilled, positions: v.positions })}
          </div>
        </li>
      ))}
    </ul>
  );
}
