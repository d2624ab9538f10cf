import { Badge } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FUNNEL_STEPS, type Dashboard, type Funnel } from '../../../shared/schemas/reports.schema';
import { reportEndpoints } from '../../../shared/api/reports.endpoints';
import { call } from '../../api/client';
import { BarChart } from '../../components/charts/bar-chart';
import { CapacityGauge } from '../../components/charts/capacity-gauge';
import { ScrollRegion } from '../../components/charts/scroll-region';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField } from '../../components/text-field';
import { formatDateTime } from '../../i18n/i18n';
import { formatDate, urgency } from '../workers/people-format';
import { ExportLinks } from './export-links';
import { ReportTabs } from './service-totals-page';

const OUTREACH = ['not_contacted', 'invited', 'reminded', 'registered', 'declined', 'unreachable'] as const;

function FunnelTable({
  rows,
  caption,
  nameHeader,
}: {
  rows: Array<{ key: string; name: string; used: number; waiting: number; funnel: Funnel }>;
  caption: string;
  nameHeader: string;
}) {
  const { t } = useTranslation();
  return (
    <ScrollRegion label={caption}>
      <table className="table table-sm align-middle">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            <th scope="col" className="text-end">
              {t('reports.used')}
            </th>
            <th scope="col" className="text-end">
              {t('reports.waiting')}
            </th>
            {FUNNEL_STEPS.map((s) => (
              <th key={s} scope="col" className="text-end">
                {t(`reports.funnelSteps.${s}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              <td className="text-end">{r.used}</td>
              <td className="text-end">{r.waiting}</td>
              {FUNNEL_STEPS.map((s) => (
                <td key={s} className="text-end">
                  {r.funnel[s]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** The coordinators' dashboard (/report): one programme at a time, every table downloadable. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const programmeId = params.get('programma') ?? undefined;
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    call(reportEndpoints.dashboard, { query: { programmeId } }).then(setData, setError);
  }, [programmeId]);

  if (!data)
    return (
      <>
        <PageTitle>{t('reports.title')}</PageTitle>
        <ReportTabs />
        <ProblemAlert error={error} />
      </>
    );
  const selected = data.programmes.find((p) => p.id === data.programmeId);
  const short = (name: string) => name.replace('Centro per l’impiego di ', '');
  return (
    <>
      <PageTitle lead={t('reports.lead')}>{t('reports.title')}</PageTitle>
      <ReportTabs />
      <ProblemAlert error={error} />
      {!selected && (
        <p>
          {t('reports.noProgramme')} <Link to="/programmi">{t('programmes.title')}</Link>
        </p>
      )}
      {selected && (
        <>
          <div className="row align-items-end">
            <SelectField
              className="col-12 col-md-8"
              label={t('reports.programme')}
              value={selected.id}
              onChange={(id) => setParams({ programma: id })}
              options={data.programmes.map((p) => ({ value: p.id, label: p.name }))}
            />
            <p className="col-12 col-md-4 small">{t('reports.asOf', { date: formatDate(data.asOf) })}</p>
          </div>

          <section aria-labelledby="places-h" className="mb-4">
            <h2 id="places-h" className="h4">
              {t('reports.places')}
            </h2>
            <CapacityGauge
              used={selected.used}
              capacity={selected.capacity}
              label={t('programmes.places')}
              text={`${t('programmes.placesUsed', { used: selected.used, capacity: selected.capacity })}, ${t('programmes.placesFree', { count: selected.free })}, ${t('programmes.waitingCount', { count: selected.waiting })}`}
            />
            <h3 className="h6 mt-3">{t('reports.byProgramme')}</h3>
            <FunnelTable
              caption={t('reports.byProgramme')}
              nameHeader={t('reports.programme')}
              rows={data.programmes.map((p) => ({
                key: p.id,
                name: `${p.name} (${p.capacity})`,
                used: p.used,
                waiting: p.waiting,
                funnel: p.funnel,
              }))}
            />
            <ExportLinks table="programmes" title={t('reports.byProgramme')} programmeId={data.programmeId} />
          </section>

          <section aria-labelledby="funnel-h" className="mb-4">
            <h2 id="funnel-h" className="h4">
              {t('reports.funnel')}
            </h2>
            <BarChart
              title={t('reports.funnelOf')}
              data={FUNNEL_STEPS.map((s) => ({ label: t(`reports.funnelSteps.${s}`), value: selected.funnel[s] }))}
            />
          </section>

          <section aria-labelledby="office-h" className="mb-4">
            <h2 id="office-h" className="h4">
              {t('reports.byOffice')}
            </h2>
            <BarChart
              title={`${t('reports.byOffice')}: ${t('reports.funnelSteps.registered')}`}
              data={data.byOffice.map((o) => ({ label: short(o.name), value: o.funnel.registered }))}
            />
            <FunnelTable
              caption={t('reports.byOffice')}
              nameHeader={t('programmes.office')}
              rows={data.byOffice.map((o) => ({ key: o.id, name: short(o.name), used: o.used, waiting: o.waiting, funnel: o.funnel }))}
            />
            <ExportLinks table="offices" title={t('reports.byOffice')} programmeId={data.programmeId} />
          </section>

          <section aria-labelledby="company-h" className="mb-4">
            <h2 id="company-h" className="h4">
              {t('reports.byCompany')}
            </h2>
            <FunnelTable
              caption={t('reports.byCompany')}
              nameHeader={t('programmes.company')}
              rows={data.byCompany.map((c) => ({ key: c.id ?? 'none', name: c.name, used: c.used, waiting: c.waiting, funnel: c.funnel }))}
            />
            <ExportLinks table="companies" title={t('reports.byCompany')} programmeId={data.programmeId} />
          </section>

          <section aria-labelledby="wait-h" className="mb-4">
            <h2 id="wait-h" className="h4">
              {t('reports.waitingList')}{' '}
              <span className="small fw-normal">({t('reports.waitingTotal', { count: data.waitingList.total })})</span>
            </h2>
            {data.waitingList.items.length > 0 && (
              <ScrollRegion label={t('reports.waitingList')}>
                <table className="table table-sm">
                  <caption className="visually-hidden">{t('reports.waitingList')}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="text-end">
                        {t('programmes.position')}
                      </th>
                      <th scope="col">{t('programmes.worker')}</th>
                      <th scope="col">{t('programmes.office')}</th>
                      <th scope="col">{t('programmes.cigsEnd')}</th>
                      <th scope="col" className="d-none d-md-table-cell">
                        {t('programmes.since')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.waitingList.items.map((w) => (
                      <tr key={w.position}>
                        <td className="text-end">{w.position}</td>
                        <th scope="row">{w.workerName}</th>
                        <td>{short(w.officeName)}</td>
                        <td>{formatDate(w.cigsEndDate)}</td>
                        <td className="d-none d-md-table-cell">{formatDateTime(w.requestedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            )}
            <ExportLinks table="waiting" title={t('reports.waitingList')} programmeId={data.programmeId} />
          </section>

          <section aria-labelledby="exp-h" className="mb-4">
            <h2 id="exp-h" className="h4">
              {t('reports.expiring')}
            </h2>
            <p className="small">{t('reports.expiringLead')}</p>
            <BarChart
              title={t('reports.expiring')}
              color="#a61e1e"
              data={[30, 60, 90].map((d) => ({
                label: t('reports.within', { days: d }),
                value: data.expiring[`within${d}` as 'within30'],
              }))}
            />
            {data.expiring.items.length > 0 && (
              <ScrollRegion label={t('reports.expiring')}>
                <table className="table table-sm">
                  <caption className="visually-hidden">{t('reports.expiring')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('programmes.worker')}</th>
                      <th scope="col" className="d-none d-md-table-cell">
                        {t('programmes.company')}
                      </th>
                      <th scope="col">{t('programmes.cigsEnd')}</th>
                      <th scope="col" className="text-end">
                        {t('reports.daysLeft')}
                      </th>
                      <th scope="col">{t('programmes.state')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.expiring.items.map((w, i) => (
                      <tr key={`${w.workerName}-${i}`}>
                        <th scope="row">
                          {w.workerName}
                          <div className="small fw-normal">{short(w.officeName)}</div>
                        </th>
                        <td className="d-none d-md-table-cell">{w.companyName ?? '—'}</td>
                        <td>{formatDate(w.cigsEndDate)}</td>
                        <td className="text-end">
                          <Badge color={urgency(w.cigsEndDate)} pill>
                            {w.daysLeft}
                          </Badge>
                        </td>
                        <td>{w.state ? t(`programmes.states.${w.state}`) : t('reports.notInProgramme')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            )}
            <ExportLinks table="expiring" title={t('reports.expiring')} programmeId={data.programmeId} />
          </section>

          <section aria-labelledby="out-h" className="mb-4">
            <h2 id="out-h" className="h4">
              {t('reports.outreach')}
            </h2>
            {!data.outreach.available && <p>{t('reports.outreachUnavailable')}</p>}
            {data.outreach.available && data.outreach.reached === 0 && (data.outreach.byStatus.not_contacted ?? 0) === 0 && (
              <p>{t('reports.outreachEmpty')}</p>
            )}
            {data.outreach.available && (
              <>
                <p>
                  {t('reports.reached')}: <strong>{data.outreach.reached}</strong> · {t('reports.responseRate')}:{' '}
                  <strong>{data.outreach.responseRate === null ? '—' : `${data.outreach.responseRate.toLocaleString('it-IT')} %`}</strong> ·{' '}
                  {t('reports.registrationRate')}:{' '}
                  <strong>
                    {data.outreach.registrationRate === null ? '—' : `${data.outreach.registrationRate.toLocaleString('it-IT')} %`}
                  </strong>
                </p>
                <BarChart
                  title={t('reports.outreach')}
                  color="#5c2d91"
                  data={OUTREACH.map((s) => ({ label: t(`reports.outreachStatus.${s}`), value: data.outreach.byStatus[s] ?? 0 }))}
                />
              </>
            )}
            <ExportLinks table="outreach" title={t('reports.outreach')} programmeId={data.programmeId} />
          </section>
        </>
      )}
    </>
  );
}
