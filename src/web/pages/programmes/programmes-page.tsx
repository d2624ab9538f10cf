import { Badge } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Programme } from '../../../shared/schemas/programmes.schema';
import { programmeEndpoints } from '../../../shared/api/programmes.endpoints';
import { useApiQuery } from '../../hooks/use-api-query';
import { CapacityGauge } from '../../components/charts/capacity-gauge';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { useSession } from '../../session/session-context';
import { formatDate } from '../workers/people-format';

export const STATUS_COLOR = { open: 'success', draft: 'secondary', closed: 'dark' } as const;

export function ProgrammesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { data, error } = useApiQuery(programmeEndpoints.list, {}, []);
  const items: Programme[] | null = data?.items ?? null;
  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <PageTitle lead={t('programmes.lead')}>{t('programmes.title')}</PageTitle>
        {can('programmes.manage') && (
          <Link className="btn btn-primary" to="/programmi/nuovo">
            {t('programmes.new')}
          </Link>
        )}
      </div>
      <ProblemAlert error={error} />
      {items && items.length === 0 && <p>{t('programmes.none')}</p>}
      <ul className="list-unstyled row g-3">
        {items?.map((p) => (
          <li key={p.id} className="col-12 col-lg-6">
            <div className="card card-bg h-100">
              <div className="card-body">
                <h2 className="h5 card-title">
                  <Link to={`/programmi/${p.id}`}>{p.name}</Link>
                </h2>
                <p className="small mb-2">
                  <code>{p.code}</code> · <Badge color={STATUS_COLOR[p.status]}>{t(`programmes.status.${p.status}`)}</Badge> ·{' '}
                  {formatDate(p.startsOn)} – {formatDate(p.endsOn)}
                </p>
                <CapacityGauge
                  used={p.placesUsed}
                  capacity={p.capacity}
                  label={t('programmes.places')}
                  text={`${t('programmes.placesUsed', { used: p.placesUsed, capacity: p.capacity })}, ${t('programmes.placesFree', { count: p.placesFree })}, ${t('programmes.waitingCount', { count: p.waiting })}`}
                />
              </div>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
