import { Icon } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkshopView } from '../../../shared/schemas/workshops.schema';
import { wallClockOf } from './agenda-format';
import { WorkshopStatusBadge } from './workshop-badges';
import { placeOf } from './workshop-format';
import './agenda.css';

/**
 * A group workshop among the meetings of the day and week grid and of the list: its own look (a
 * group icon, a tinted card), the time, the title (a link to the session page, where it is
 * changed: a move needs a reason and tells every participant, so it is never dragged here), the
 * topic and the seats taken ("12/20").
 */
export function WorkshopBlock({ workshop: w, compact = false }: { workshop: WorkshopView; compact?: boolean }) {
  const { t } = useTranslation();
  const clock = wallClockOf(w);
  const where = placeOf(w);
  return (
    <div
      className={`agenda-card agenda-card-workshop${w.status === 'cancelled' ? ' agenda-card-cancelled' : ''}${compact ? ' agenda-card-compact' : ''}`}
    >
      <div className="d-flex flex-wrap align-items-start gap-1">
        <Link to={`/agenda/incontri/${w.id}`} className="agenda-card-open agenda-workshop-link" draggable={false}>
          <Icon icon="it-user" size="xs" className="me-1 agenda-mode-icon" aria-hidden />
          <span className="visually-hidden">{t('agenda.grid.workshop')}: </span>
          <span className="fw-semibold text-nowrap">
            {clock.startTime}–{clock.endTime}
          </span>{' '}
          <span className="agenda-card-type agenda-workshop-title">{w.title}</span>
        </Link>
        {w.status === 'cancelled' && <WorkshopStatusBadge workshop={w} />}
      </div>
      <div className="agenda-card-line small">
        <span className="text-nowrap fw-semibold">{t('agenda.grid.seats', { booked: w.booked, seats: w.seats })}</span> ·{' '}
        {t(`agenda.workshops.topics.${w.topic}`)}
        {!compact && where ? ` · ${where}` : ''}
      </div>
    </div>
  );
}
