import { Badge } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CohortMember, Company } from '../../../shared/schemas/companies.schema';
import { companyEndpoints } from '../../../shared/api/companies.endpoints';
import { call } from '../../api/client';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { useSession } from '../../session/session-context';
import { daysLeftText, formatDate, urgency } from '../workers/people-format';
import { CigsCaseForm } from './cigs-case-form';

export function CompanyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const [company, setCompany] = useState<Company | null>(null);
  const [cohort, setCohort] = useState<{ items: CohortMember[]; enrollmentsAvailable: boolean } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!id) return;
    call(companyEndpoints.get, { params: { id } }).then(setCompany, setError);
    call(companyEndpoints.cohort, { params: { id } }).then(setCohort, setError);
  }, [id]);
  if (!company)
    return (
      <>
        <PageTitle>{t('people.companies.title')}</PageTitle>
        <ProblemAlert error={error} />
      </>
    );
  const union = company.contacts.filter((c) => c.role === 'union');
  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <PageTitle lead={company.atecoLabel ? `${company.atecoCode} · ${company.atecoLabel}` : undefined}>{company.name}</PageTitle>
        {can('companies.manage') && (
          <Link className="btn btn-outline-primary" to={`/aziende/${company.id}/modifica`}>
            {t('people.company.edit')}
          </Link>
        )}
      </div>
      <ProblemAlert error={error} />
      <section aria-labelledby="data-h" className="mb-4">
        <h2 id="data-h" className="h4">
          {t('people.company.data')}
        </h2>
        <dl className="row">
          <div className="col-12 col-sm-6 col-lg-4 mb-2">
            <dt className="small">{t('people.company.taxCode')}</dt>
            <dd className="mb-0">
              <code>{company.taxCode ?? '—'}</code>
            </dd>
          </div>
          <div className="col-12 col-sm-6 col-lg-4 mb-2">
            <dt className="small">{t('people.company.address')}</dt>
            <dd className="mb-0">
              {[company.address, company.postalCode, company.comuneName && `${company.comuneName} (${company.province})`]
                .filter(Boolean)
                .join(', ') || '—'}
            </dd>
          </div>
          <div className="col-12 col-sm-6 col-lg-4 mb-2">
            <dt className="small">{t('people.company.contacts')}</dt>
            <dd className="mb-0">
              {union.length
                ? union.map((c) => `${c.name}${c.organisation ? ` (${c.organisation})` : ''}${c.phone ? ` ${c.phone}` : ''}`).join('; ')
                : '—'}
            </dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="cases-h" className="mb-4">
        <h2 id="cases-h" className="h4">
          {t('people.company.cigsCases')}
        </h2>
        {company.cigsCases.length === 0 ? (
          <p>{t('people.company.noCases')}</p>
        ) : (
          <ul className="list-unstyled">
            {company.cigsCases.map((c) => (
              <li key={c.id} className="card card-bg mb-2">
                <div className="card-body p-3">
                  <strong>{t(`people.reasons.${c.reason}`)}</strong>
                  {c.authorisationRef && ` · ${c.authorisationRef}`}
                  <div>
                    {formatDate(c.startDate)} – {formatDate(c.endDate)}{' '}
                    <Badge color={urgency(c.endDate)} pill>
                      {daysLeftText(c.endDate)}
                    </Badge>
                  </div>
                  <div className="small">
                    {t('people.company.workersInvolved')}: {c.workersInvolved ?? '—'} ({c.workersLinked} {t('people.company.linked')})
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
        {can('companies.manage') && (
          <CigsCaseForm companyId={company.id} onAdded={(c) => setCompany({ ...company, cigsCases: [c, ...company.cigsCases] })} />
        )}
      </section>
      <section aria-labelledby="cohort-h" className="mb-4">
        <h2 id="cohort-h" className="h4">
          {t('people.company.cohort')}
        </h2>
        {cohort && !cohort.enrollmentsAvailable && <p className="small">{t('people.company.statusUnavailable')}</p>}
        {cohort && (
          <div className="table-responsive">
            <table className="table table-sm align-middle">
              <caption className="visually-hidden">{t('people.company.cohortCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('people.workers.name')}</th>
                  <th scope="col">{t('people.company.status')}</th>
                  <th scope="col">{t('people.workers.cigsEnd')}</th>
                  <th scope="col" className="d-none d-md-table-cell">
                    {t('people.workers.office')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {cohort.items.map((m) => (
                  <tr key={m.workerId}>
                    <th scope="row">
                      <Link to={`/lavoratori/${m.workerId}`}>
                        {m.lastName} {m.firstName}
                      </Link>
                    </th>
                    <td>{m.programmeStatus ? t(`programmes.states.${m.programmeStatus}`, { defaultValue: m.programmeStatus }) : '—'}</td>
                    <td>
                      {formatDate(m.cigsEndDate)}{' '}
                      <Badge color={urgency(m.cigsEndDate)} pill>
                        {daysLeftText(m.cigsEndDate)}
                      </Badge>
                    </td>
                    <td className="d-none d-md-table-cell">{m.officeName.replace('Centro per l’impiego di ', '')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
