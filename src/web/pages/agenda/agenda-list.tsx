import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import type { AppointmentView } from '../../../shared/schemas/appointments.schema';
import type { WorkshopView } from '../../../shared/schemas/workshops.schema';
import { formatDayLong, isActive, slotsByDay, wallClockOf } from './agenda-format';
import { AppointmentCard } from './appointment-card';
import { AttendanceButtons } from './attendance-buttons';
import { WorkshopBlock } from './workshop-block';

/** The list view (a phone's default): meetings and group workshops by day, each meeting's card with its actions beside it. */
export function AgendaList({
  appointments,
  workshops,
  onOpen,
  onMove,
  onCancel,
  onChanged,
  showConsultant,
}: {
  showConsultant: boolean;
  appointments: AppointmentView[];
  workshops: WorkshopView[];
  onOpen(a: AppointmentView): void;
  onMove(a: AppointmentView): void;
  onCancel(a: AppointmentView): void;
  onChanged(a: AppointmentView): void;
}) {
  const { t } = useTranslation();
  const entries = [
    ...appointments.map((a) => ({ start: a.start, a, w: null })),
    ...workshops.map((w) => ({ start: w.start, a: null, w })),
  ].sort((x, y) => x.start.localeCompare(y.start));
  const days = slotsByDay(entries.map((e) => ({ ...e, date: wallClockOf(e.a ?? e.w!).date })));
  return (
    <>
      {days.map((day) => (
        <section key={day.date} aria-labelledby={`agenda-day-${day.date}`} className="mb-4">
          <h3 id={`agenda-day-${day.date}`} className="h6 text-capitalize-first border-bottom pb-1">
            {formatDayLong(day.date)}
          </h3>
          <ul className="list-unstyled agenda-list">
            {day.slots.map(({ a, w }) =>
              w ? (
                <li key={w.id} className="agenda-list-item">
                  <WorkshopBlock workshop={w} />
                </li>
              ) : (
                a && (
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
                )
              ),
            )}
          </ul>
        </section>
      ))}
    </>
  );
}
