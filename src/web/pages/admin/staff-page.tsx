import { Badge } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ROLES } from '../../../shared/schemas/common.schema';
import type { Office } from '../../../shared/schemas/office.schema';
import type { StaffAccount } from '../../../shared/schemas/staff.schema';
import type { QueryOf } from '../../../shared/api/endpoint';
import { officeEndpoints, staffEndpoints } from '../../../shared/api/staff.endpoints';
import { call } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { formatDateTime } from '../../i18n/i18n';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextField } from '../../components/text-field';

type StaffListQuery = NonNullable<QueryOf<typeof staffEndpoints.list>>;

export function StaffPage() {
  const { t } = useTranslation();
  const [offices, setOffices] = useState<Office[]>([]);
  const [q, setQ] = useState('');
  const [officeId, setOfficeId] = useState('');
  const [role, setRole] = useState('');
  const [status, setStatus] = useState('all');
  const [officesError, setOfficesError] = useState<unknown>(null);

  useEffect(() => {
    call(officeEndpoints.list).then((r) => setOffices(r.items), setOfficesError);
  }, []);
  // Asked once the typing pauses; only the newest answer is shown (an older, slower one is dropped).
  const typed = useDebouncedValue(q, 200);
  const query = {
    q: typed,
    officeId: officeId || undefined,
    role: (role || undefined) as StaffListQuery['role'],
    status: status as StaffListQuery['status'],
  };
  const list = useApiQuery(staffEndpoints.list, { query }, [JSON.stringify(query)]);
  const items: StaffAccount[] | null = list.data?.items ?? null;
  const error = list.error ?? officesError;

  const officeName = (id: string) => offices.find((o) => o.id === id)?.name ?? id;

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-start">
        <PageTitle>{t('staff.title')}</PageTitle>
        <Link to="/amministrazione/personale/nuovo" className="btn btn-primary mb-3">
          {t('staff.new')}
        </Link>
      </div>
      <ProblemAlert error={error} />
      <form className="row" role="search" onSubmit={(e) => e.preventDefault()}>
        <TextField className="col-md-4" label={t('staff.search')} type="search" value={q} onChange={setQ} />
        <SelectField
          className="col-md-3"
          label={t('staff.filterOffice')}
          value={officeId}
          onChange={setOfficeId}
          options={[{ value: '', label: t('staff.allOffices') }, ...offices.map((o) => ({ value: o.id, label: o.name }))]}
        />
        <SelectField
          className="col-md-3"
          label={t('staff.filterRole')}
          value={role}
          onChange={setRole}
          options={[{ value: '', label: t('staff.allRoles') }, ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
        />
        <SelectField
          className="col-md-2"
          label={t('staff.filterStatus')}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'all', label: t('staff.all') },
            { value: 'active', label: t('staff.statusActive') },
            { value: 'disabled', label: t('staff.statusDisabled') },
          ]}
        />
      </form>
      {items && (
        <>
          <p aria-live="polite">{t('staff.count', { count: items.length })}</p>
          {items.length === 0 ? (
            <p>{t('staff.empty')}</p>
          ) : (
            <div className="table-responsive">
              <table className="table table-hover align-middle">
                <caption className="visually-hidden">{t('staff.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('staff.name')}</th>
                    <th scope="col">{t('staff.email')}</th>
                    <th scope="col">{t('staff.roles')}</th>
                    <th scope="col">{t('staff.lastSignIn')}</th>
                    <th scope="col">{t('staff.state')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((account) => (
                    <tr key={account.id}>
                      <th scope="row">
                        <Link to={`/amministrazione/personale/${account.id}`}>{account.fullName}</Link>
                      </th>
                      <td>{account.email}</td>
                      <td>
                        <ul className="list-unstyled mb-0 small">
                          {account.roles.map((r) => (
                            <li key={`${r.officeId}:${r.role}`}>
                              {t(`roles.${r.role}`)} · {officeName(r.officeId)}
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td>{account.lastSignInAt ? formatDateTime(account.lastSignInAt) : t('staff.never')}</td>
                      <td>
                        <Badge color={account.disabled ? 'secondary' : 'success'}>
                          {account.disabled ? t('staff.disabled') : t('staff.enabled')}
                        </Badge>
                        {account.mustChangePassword && !account.disabled && (
                          <Badge color="warning" className="ms-1">
                            {t('staff.mustChange')}
                          </Badge>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
