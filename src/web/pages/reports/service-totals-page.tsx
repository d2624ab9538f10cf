import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useSearchParams } from 'react-router';
import { programmeEndpoints } from '../../../shared/api/programmes.endpoints';
import { reportEndpoints } from '../../../shared/api/reports.endpoints';
import { serviceEndpoints } from '../../../shared/api/services.endpoints';
import { officeEndpoints } from '../../../shared/api/staff.endpoints';
import { SERVICE_CODES, TOTALS_GROUPS, type ServiceCode, type TotalsCell, type TotalsGroup } from '../../../shared/schemas/services.schema';
import { romeToday } from '../../../shared/time/rome-date';
import { urlOf } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { ScrollRegion } from '../../components/charts/scroll-region';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextField } from '../../components/text-field';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatDate } from '../workers/people-format';

/** The two views of /report: the programme dashboard and the funder's totals of delivered services. */
export function ReportTabs() {
  const { t } = useTranslation();
  const tab = ({ isActive }: { isActive: boolean }) => `nav-link${isActive ? ' active' : ''}`;
  return (
    <nav aria-label={t('reports.title')} className="mb-3">
      <ul className="nav nav-tabs">
        <li className="nav-item">
          <NavLink end to="/report" className={tab}>
            {t('services.totals.tabDashboard')}
          </NavLink>
        </li>
        <li className="nav-item">
          <NavLink to="/report/servizi" className={tab}>
            {t('services.totals.tabServices')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}

const isGroup = (v: string | null): v is TotalsGroup => TOTALS_GROUPS.includes(v as TotalsGroup);

/** The funder's totals (/report/servizi): count, hours and workers served per service, over Rome days. */
export function ServiceTotalsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = romeToday(new Date());
  const applied = {
    from: params.get('dal') ?? `${today.slice(0, 4)}-01-01`,
    to: params.get('al') ?? today,
    groupBy: isGroup(params.get('per')) ? (params.get('per') as TotalsGroup) : 'office',
    officeId: params.get('sede') ?? undefined,
    programmeId: params.get('programma') ?? undefined,
  };
  const [form, setForm] = useState(applied);
  const fields = useFieldErrors();
  const totals = useApiQuery(serviceEndpoints.totals, { query: applied }, [
    applied.from,
    applied.to,
    applied.groupBy,
    applied.officeId,
    applied.programmeId,
  ]);
  const offices = useApiQuery(officeEndpoints.list, {}, []);
  const programmes = useApiQuery(programmeEndpoints.list, {}, []);
  const number = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'it-IT');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const check = serviceEndpoints.totals.query.safeParse(form);
    if (!check.success) {
      // The query's own rule (the end before the start), said beside the field.
      fields.check({ ...serviceEndpoints.totals, body: serviceEndpoints.totals.query }, form as never, event.currentTarget);
      return;
    }
    fields.clear();
    const next: Record<string, string> = { dal: form.from, al: form.to, per: form.groupBy };
    if (form.officeId) next.sede = form.officeId;
    if (form.programmeId) next.programma = form.programmeId;
    setParams(next);
  };

  const data = totals.data;
  const codes = data ? SERVICE_CODES.filter((c) => data.byCode[c]) : [];
  const cell = (c: TotalsCell | undefined) =>
    c ? (
      <>
        {number(c.count)} · {number(c.hours)} h · {number(c.workers)}
      </>
    ) : (
      '—'
    );
  const exportHref = (format: 'csv' | 'xlsx') =>
    urlOf(reportEndpoints.exportTable, {
      params: { table: 'services' },
      query: { format, lang: i18n.language === 'en' ? 'en' : 'it', ...applied },
    });
  const groupLabel = t(`services.totals.groups.${applied.groupBy}`);
  return (
    <>
      <PageTitle lead={t('services.totals.lead')}>{t('reports.title')}</PageTitle>
      <ReportTabs />
      <form onSubmit={submit} noValidate aria-label={t('services.totals.filters')} className="row align-items-end">
        <TextField
          className="col-6 col-md-2"
          type="date"
          label={t('services.totals.from')}
          value={form.from}
          onChange={(from) => setForm({ ...form, from })}
          error={fields.errors.from}
          required
        />
        <TextField
          className="col-6 col-md-2"
          type="date"
          label={t('services.totals.to')}
          value={form.to}
          onChange={(to) => setForm({ ...form, to })}
          error={fields.errors.to}
          required
        />
        <SelectField
          className="col-12 col-md-2"
          label={t('services.totals.groupBy')}
          value={form.groupBy}
          onChange={(g) => setForm({ ...form, groupBy: g as TotalsGroup })}
          options={TOTALS_GROUPS.map((g) => ({ value: g, label: t(`services.totals.groups.${g}`) }))}
        />
        <SelectField
          className="col-12 col-md-3"
          label={t('services.totals.office')}
          value={form.officeId ?? ''}
          onChange={(id) => setForm({ ...form, officeId: id || undefined })}
          options={[
            { value: '', label: t('services.totals.allOffices') },
            ...(offices.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
        <SelectField
          className="col-12 col-md-3"
          label={t('services.totals.programme')}
          value={form.programmeId ?? ''}
          onChange={(id) => setForm({ ...form, programmeId: id || undefined })}
          options={[
            { value: '', label: t('services.totals.allProgrammes') },
            ...(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        <div className="col-12 mb-3">
          <Button color="primary" type="submit">
            {t('services.totals.show')}
          </Button>
        </div>
      </form>
      <ProblemAlert error={totals.error} />
      {data && data.groups.length === 0 && <p>{t('services.totals.empty')}</p>}
      {data && data.groups.length > 0 && (
        <>
          <p className="small">
            {t('services.totals.count')} · {t('services.totals.hours')} · {t('services.totals.workers')}
          </p>
          <ScrollRegion label={t('services.totals.caption', { from: formatDate(data.from), to: formatDate(data.to), group: groupLabel })}>
            <table className="table table-sm align-middle">
              <caption className="visually-hidden">
                {t('services.totals.caption', { from: formatDate(data.from), to: formatDate(data.to), group: groupLabel })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{groupLabel}</th>
                  {codes.map((c: ServiceCode) => (
                    <th key={c} scope="col" className="text-end">
                      {t(`services.codes.${c}`)}
                    </th>
                  ))}
                  <th scope="col" className="text-end">
                    {t('services.totals.all')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.groups.map((g) => (
                  <tr key={g.id ?? 'none'}>
                    <th scope="row">{g.name || t(`services.totals.none.${data.groupBy}`)}</th>
                    {codes.map((c) => (
                      <td key={c} className="text-end text-nowrap">
                        {cell(g.byCode[c])}
                      </td>
                    ))}
                    <td className="text-end text-nowrap fw-semibold">{cell(g.total)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('services.totals.total')}</th>
                  {codes.map((c) => (
                    <td key={c} className="text-end text-nowrap fw-semibold">
                      {cell(data.byCode[c])}
                    </td>
                  ))}
                  <td className="text-end text-nowrap fw-bold">{cell(data.total)}</td>
                </tr>
              </tfoot>
            </table>
          </ScrollRegion>
        </>
      )}
      <p className="small d-flex flex-wrap gap-3 align-items-center">
        <span>{t('reports.export')}:</span>
        <a href={exportHref('csv')} download aria-label={t('reports.exportLabel', { table: t('services.title'), format: 'CSV' })}>
          {t('reports.exportCsv')}
        </a>
        <a href={exportHref('xlsx')} download aria-label={t('reports.exportLabel', { table: t('services.title'), format: 'Excel' })}>
          {t('reports.exportXlsx')}
        </a>
      </p>
    </>
  );
}
