import { Badge, Icon } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AppointmentView } from '../../../shared/schemas/appointments.schema';
import { MODE_ICONS, STATUS_COLORS, wallClockOf } from './agenda-format';
import './agenda.css';

export function StatusBadge({ status }: { status: AppointmentView['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} pill className="agenda-status">
      {t(`agenda.status.${status}`)}
    </Badge>
  );
}

/** The mode's icon with its name beside it (visible, or for screen readers only in the compact card). */
export function ModeLabel({ mode, compact = false }: { mode: AppointmentView['mode']; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="text-nowrap">
      <Icon icon={MODE_ICONS[mode]} size="xs" className="me-1 agenda-mode-icon" aria-hidden />
      <span className={compact ? 'visually-hidden' : undefined}>{t(`agenda.modes.${mode}`)}</span>
    </span>
  );
}

/**
 * One meeting: time, worker (link to the worker's page), type, mode, room, status. `onOpen` is the
 * card's own button (its time and type), which opens the meeting's actions; `compact` is the week
 * grid's rendering, where the card is as tall as the meeting is long.
 */
export function AppointmentCard({
  appointment: a,
  onOpen,
  compact = false,
  showConsultant = true,
}: {
  appointment: AppointmentView;
  onOpen(): void;
  compact?: boolean;
  showConsultant?: boolean;
}) {
  const { t } = useTranslation();
  const clock = wallClockOf(a);
  const where = a.place ?? (a.mode === 'in_person' ? (a.room?.name ?? t('agenda.noRoom')) : null);
  const open = (
    <button type="button" className="agenda-card-open" onClick={onOpen} aria-haspopup="dialog">
      <span className="fw-semibold">
        {clock.startTime}–{clock.endTime}
      </span>{' '}
      <span className="agenda-card-type">{a.type.name}</span>
      <span className="visually-hidden">, {t('agenda.card.open', { name: a.worker.name })}</span>
    </button>
  );
  const worker = (
    <Link to={`/lavoratori/${a.worker.id}`} draggable={false}>
      {a.worker.name}
    </Link>
  );
  // Beside the mode: the room, then the consultant; the compact card shows the mode as its icon only.
  const after = [where, showConsultant ? a.consultant.name : null].filter(Boolean).join(' · ');
  const details = (
    <>
      <ModeLabel mode={a.mode} compact={compact} />
      {after && <span>{compact ? ` ${after}` : ` · ${after}`}</span>}
    </>
  );
  // The grid's card is as tall as the meeting: what matters most comes first (time and status,
  // then who), so a 30-minute card still shows them; the rest is in the meeting's dialog.
  if (compact)
    return (
      <div className={`agenda-card agenda-card-${a.status} agenda-card-compact`}>
        <div className="d-flex flex-wrap align-items-start gap-1">
          <div className="agenda-card-head">{open}</div>
          <StatusBadge status={a.status} />
        </div>
        <div className="agenda-card-line">{worker}</div>
        <div className="agenda-card-line small">{details}</div>
      </div>
    );
  return (
    <div className={`agenda-card agenda-card-${a.status}`}>
      {open}
      <div className="agenda-card-line">{worker}</div>
      <div className="agenda-card-line small">{details}</div>
      <div className="agenda-card-line">
        <StatusBadge status={a.status} />
      </div>
    </div>
  );
}
