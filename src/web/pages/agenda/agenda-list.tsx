import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import type { AppointmentView } from '../../../shared/schemas/appointments.schema';
import { formatDayLong, isActive, slotsByDay, wallClockOf } from './agenda-format';
import { AppointmentCard } from './appointment-card';
import { AttendanceButtons } from './attendance-buttons';

/** The list view (a phone's default): meetings by day, each card with its actions beside it. */
export function AgendaList({
  appointments,
  onOpen,
  onMove,
  onCancel,
  onChanged,
  showConsultant,
}: {
  showConsultant: boolean;
  appointments: AppointmentView[];
  onOpen(a: AppointmentView): void;
  onMove(a: AppointmentView): void;
  onCancel(a: AppointmentView): void;
  onChanged(a: AppointmentView): void;
}) {
  const { t } = useTranslation();
  const sorted = [...appointments].sort((a, b) => a.start.localeCompare(b.start));
  const days = slotsByDay(sorted.map((a) => ({ date: wallClockOf(a).date, a })));
  return (
    <>
      {days.map((day) => (
        <section key={day.date} aria-labelledby={`agenda-day-${day.date}`} className="mb-4">
          <h3 id={`agenda-day-${day.date}`} className="h6 text-capitalize-first border-bottom pb-1">
            {formatDayLong(day.date)}
          </h3>
          <ul className="list-unstyled agenda-list">
            {day.slots.map(({ a }) => (
              <li key={a.id} className="agenda-list-item">
                <AppointmentCard appointment={a} onOpen={() => onOpen(a)} showConsultant={showConsultant} />
                {isActive(a) && (
                  <div className="d-flex flex-wrap gap-2 mt-2">
                    <Button color="primary" outline size="sm" onClick={() => onMove(a)}>
                      {t('agenda.actions.move')}
                      <span className="visually-hidden"> {a.worker.name}</span>
                    </Button>
                    <Button color="danger" outline size="sm" onClick={() => onCancel(a)}>
                      {t('agenda.actions.cancel')}
                      <span className="visually-hidden"> {a.worker.name}</span>
                    </Button>
                  </div>
                )}
                <div className="mt-2">
                  <AttendanceButtons appointment={a} onDone={onChanged} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
