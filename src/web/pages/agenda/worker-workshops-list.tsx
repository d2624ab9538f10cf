import { Badge } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkerWorkshopView } from '../../../shared/schemas/workshops.schema';
import { formatDayLong, wallClockOf } from './agenda-format';
import { ParticipantBadge } from './workshop-badges';
import { placeOf } from './workshop-format';

/**
 * The worker page's group workshops, the latest first: when, where, the worker's status in it
 * (the waiting list with its position), and a link to the session. A cancelled session says so
 * whatever the worker's status was.
 */
export function WorkerWorkshopsList({ workshops }: { workshops: WorkerWorkshopView[] }) {
  const { t } = useTranslation();
  if (workshops.length === 0) return <p>{t('agenda.worker.noWorkshops')}</p>;
  return (
    <ul className="list-unstyled">
      {workshops.map((w) => {
        const clock = wallClockOf(w);
        const where = placeOf(w);
        return (
          <li key={w.id} className="agenda-list-item agenda-workshop-item">
            <p className="mb-1">
              <Link to={`/agenda/incontri/${w.id}`} className="fw-semibold">
                {w.title}
              </Link>{' '}
              {w.sessionStatus === 'cancelled' ? (
                <Badge color="secondary" pill className="agenda-status">
                  {t('agenda.workshops.status.cancelled')}
                </Badge>
              ) : (
                <ParticipantBadge p={w} />
              )}
            </p>
            <p className="mb-1 small">
              <span className="text-capitalize-first d-inline-block">{formatDayLong(clock.date, true)}</span>, {clock.startTime}–
              {clock.endTime} · {t(`agenda.workshops.topics.${w.topic}`)} · {w.officeName}
              {where ? ` · ${where}` : ''}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
