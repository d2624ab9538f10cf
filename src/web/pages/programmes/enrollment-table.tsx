import { Badge, Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../components/charts/scroll-region';
import { Link } from 'react-router';
import type { Enrollment } from '../../../shared/schemas/programmes.schema';
import { daysLeftText, formatDate, urgency } from '../workers/people-format';

const STATE_COLOR: Record<string, string> = {
  eligible: 'secondary',
  contacted: 'secondary',
  registered: 'primary',
  waiting: 'warning',
  assessed: 'primary',
  enrolled: 'success',
  placed: 'success',
  withdrawn: 'dark',
  cigs_ended: 'dark',
};

/** Enrollments with only the moves the transitions table allows the signed-in roles. */
export function EnrollmentTable({
  items,
  caption,
  waiting,
  onMove,
  onHistory,
}: {
  items: Enrollment[];
  caption: string;
  waiting?: boolean;
  onMove(e: Enrollment, option: Enrollment['allowed'][number]): void;
  onHistory(e: Enrollment): void;
}) {
  const { t } = useTranslation();
  return (
    <ScrollRegion label={caption}>
      <table className="table table-sm align-middle">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {waiting && (
              <th scope="col" className="text-end">
                {t('programmes.position')}
              </th>
            )}
            <th scope="col">{t('programmes.worker')}</th>
            <th scope="col" className="d-none d-md-table-cell">
              {t('programmes.office')}
            </th>
            <th scope="col" className="d-none d-lg-table-cell">
              {t('programmes.company')}
            </th>
            <th scope="col">{t('programmes.cigsEnd')}</th>
            {!waiting && <th scope="col">{t('programmes.state')}</th>}
            <th scope="col">{t('programmes.actionsHeader')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              {waiting && <td className="text-end fw-semibold">{e.waitingPosition}</td>}
              <th scope="row">
                <Link to={`/lavoratori/${e.workerId}`}>{e.workerName}</Link>
              </th>
              <td className="d-none d-md-table-cell">{e.officeName.replace('Centro per l’impiego di ', '')}</td>
              <td className="d-none d-lg-table-cell">{e.companyName ?? '—'}</td>
              <td>
                {formatDate(e.cigsEndDate)}{' '}
                {e.cigsEndDate && (
                  <Badge color={urgency(e.cigsEndDate)} pill>
                    {daysLeftText(e.cigsEndDate)}
                  </Badge>
                )}
              </td>
              {!waiting && (
                <td>
                  <Badge color={STATE_COLOR[e.state] ?? 'secondary'}>{t(`programmes.states.${e.state}`)}</Badge>
                </td>
              )}
              <td>
                <div className="d-flex flex-wrap gap-1">
                  {e.allowed.map((option) => (
                    <Button
                      key={option.to}
                      size="xs"
                      color={option.to === 'withdrawn' || option.to === 'cigs_ended' ? 'danger' : 'primary'}
                      outline
                      onClick={() => onMove(e, option)}
                      aria-label={`${t(`programmes.actions.${option.action}`)}: ${e.workerName}`}
                    >
                      {t(`programmes.actions.${option.action}`)}
                    </Button>
                  ))}
                  <Button
                    size="xs"
                    color="secondary"
                    outline
                    onClick={() => onHistory(e)}
                    aria-label={t('programmes.historyOf', { name: e.workerName })}
                  >
                    {t('programmes.history')}
                  </Button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
