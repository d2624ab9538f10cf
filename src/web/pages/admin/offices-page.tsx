import { Badge } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Office } from '../../../shared/schemas/office.schema';
import { officeEndpoints } from '../../../shared/api/staff.endpoints';
import { useApiQuery } from '../../hooks/use-api-query';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';

export function OfficesPage() {
  const { t } = useTranslation();
  const { data, error } = useApiQuery(officeEndpoints.list, {}, []);
  const offices: Office[] | null = data?.items ?? null;

  return (
    <>
      <PageTitle>{t('offices.title')}</PageTitle>
      <ProblemAlert error={error} />
      {offices && (
        <div className="table-responsive">
          <table className="table table-hover align-middle">
            <caption className="visually-hidden">{t('offices.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('offices.name')}</th>
                <th scope="col">{t('offices.code')}</th>
                <th scope="col">{t('offices.address')}</th>
                <th scope="col">{t('offices.phone')}</th>
                <th scope="col">{t('offices.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('offices.edit')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {offices.map((office) => (
                <tr key={office.id}>
                  <th scope="row">{office.name}</th>
                  <td>{office.code}</td>
                  <td>
                    {office.address}, {office.comune}
                  </td>
                  <td>{office.phone}</td>
                  <td>
                    <Badge color={office.active ? 'success' : 'secondary'}>
                      {office.active ? t('offices.active') : t('offices.inactive')}
                    </Badge>
                  </td>
                  <td>
                    <Link to={`/amministrazione/sedi/${office.id}`} aria-label={`${t('offices.edit')}: ${office.name}`}>
                      {t('offices.edit')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
