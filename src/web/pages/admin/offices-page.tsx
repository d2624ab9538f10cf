import { Badge } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Office } from '../../../shared/schemas/office.schema';
import { api } from '../../api/client';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';

export function OfficesPage() {
  const { t } = useTranslation();
  const [offices, setOffices] = useState<Office[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api.get<{ items: Office[] }>('/api/v1/offices').then((r) => setOffices(r.items), setError);
  }, []);

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
                <th scope="col"><span className="visually-hidden">{t('offices.edit')}</span></th>
              </tr>
            </thead>
            <tbody>
              {offices.map((office) => (
                <tr key={office.id}>
                  <th scope="row">{office.name}</th>
                  <td>{office.code}</td>
                  <td>{office.address}, {office.comune}</td>
                  <td>{office.phone}</td>
                  <td>
                    <Badge color={office.active ? 'success' : 'secondary'}>{office.active ? t('offices.active') : t('offices.inactive')}</Badge>
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
