import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentView } from '../../../shared/schemas/appointments.schema';
import type { WorkshopView } from '../../../shared/schemas/workshops.schema';
import { ScrollRegion } from '../../components/charts/scroll-region';
import { clockOf, formatDayLong, formatDayShort, isActive, layOutDay, wallClockOf } from './agenda-format';
import { AppointmentCard } from './appointment-card';
import { WorkshopBlock } from './workshop-block';

/** Height of one hour in rem: a 30-minute meeting keeps two lines of text. */
const HOUR_REM = 6;
const SNAP_MINUTES = 15;
const DAY_START = 8 * 60;
const DAY_END = 19 * 60;

interface Drop {
  date: string;
  minute: number;
}

/**
 * The day and week views: one column per day, the hours down the side, each meeting a card as tall
 * as it lasts (side by side when they overlap, group workshops among them). Each day is a labelled list of its meetings in time
 * order, so a screen reader reads a day as a list; the cards' buttons and links are in the tab order.
 * A meeting still open can be dragged to another time (15-minute steps) or day: `onDropMove` asks the
 * reason and calls the API; the keyboard's way is "Sposta" in the meeting's dialog.
 */
export function WeekGrid({
  days,
  appointments,
  workshops,
  today,
  onOpen,
  onDropMove,
  showConsultant,
}: {
  days: string[];
  appointments: AppointmentView[];
  /** The group workshops of the same days: blocks beside the meetings, opened on their page, never dragged. */
  workshops: WorkshopView[];
  today: string;
  onOpen(a: AppointmentView): void;
  onDropMove(a: AppointmentView, date: string, time: string): void;
  showConsultant: boolean;
}) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState<AppointmentView | null>(null);
  const [drop, setDrop] = useState<Drop | null>(null);
  const placed = [
    ...appointments.map((a) => ({ key: a.id, a, w: null, ...wallClockOf(a) })),
    ...workshops.map((w) => ({ key: w.id, a: null, w, ...wallClockOf(w) })),
  ];
  // The hours shown: office hours, widened to every meeting of the range.
  const first = Math.min(DAY_START, ...placed.map((p) => Math.floor(p.startMinute / 60) * 60));
  const last = Math.max(DAY_END, ...placed.map((p) => Math.ceil(p.endMinute / 60) * 60));
  const total = last - first;
  const remOf = (minutes: number) => (minutes / 60) * HOUR_REM;
  const hours: number[] = [];
  for (let m = first; m < last; m += 60) hours.push(m);
  const duration = dragging ? wallClockOf(dragging).endMinute - wallClockOf(dragging).startMinute : 0;

  const minuteAt = (event: DragEvent<HTMLElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const raw = first + ((event.clientY - rect.top) / rect.height) * total;
    const snapped = Math.round(raw / SNAP_MINUTES) * SNAP_MINUTES;
    return Math.max(first, Math.min(last - Math.max(duration, SNAP_MINUTES), snapped));
  };

  return (
    <ScrollRegion label={t('agenda.grid.label')}>
      <div className="agenda-grid" style={{ gridTemplateColumns: `3.5rem repeat(${days.length}, minmax(8.5rem, 1fr))` }}>
        <div className="agenda-grid-corner" aria-hidden />
        {days.map((date) => (
          <div key={date} className={`agenda-grid-day-head${date === today ? ' agenda-today' : ''}`} aria-hidden>
            {formatDayShort(date)}
          </div>
        ))}
        <div className="agenda-grid-hours" style={{ height: `${remOf(total)}rem` }} aria-hidden>
          {hours.map((m) => (
            <div key={m} className="agenda-grid-hour" style={{ top: `${remOf(m - first)}rem` }}>
              {clockOf(m)}
            </div>
          ))}
        </div>
        {days.map((date) => {
          const mine = layOutDay(placed.filter((p) => p.date === date));
          const target = drop?.date === date ? drop : null;
          return (
            <section
              key={date}
              aria-label={formatDayLong(date)}
              className={`agenda-grid-column${date === today ? ' agenda-today' : ''}${target ? ' agenda-drop-active' : ''}`}
              style={{ height: `${remOf(total)}rem`, backgroundSize: `100% ${HOUR_REM / 2}rem` }}
              onDragOver={(event) => {
                if (!dragging) return;
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                const minute = minuteAt(event);
                if (target?.minute !== minute) setDrop({ date, minute });
              }}
              onDragLeave={(event) => {
                if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDrop(null);
              }}
              onDrop={(event) => {
                event.preventDefault();
                const moved = dragging;
                const minute = minuteAt(event);
                setDragging(null);
                setDrop(null);
                if (moved) onDropMove(moved, date, clockOf(minute));
              }}
            >
              {mine.length === 0 && <p className="visually-hidden">{t('agenda.grid.empty')}</p>}
              <ul className="list-unstyled mb-0">
                {mine.map((p) => (
                  <li
                    key={p.key}
                    className="agenda-grid-item"
                    style={{
                      top: `${remOf(p.startMinute - first)}rem`,
                      height: `${remOf(Math.max(p.endMinute - p.startMinute, SNAP_MINUTES))}rem`,
                      left: `${(p.lane / p.lanes) * 100}%`,
                      width: `${100 / p.lanes}%`,
                    }}
                    draggable={p.a !== null && isActive(p.a)}
                    onDragStart={(event) => {
                      if (!p.a) return;
                      event.dataTransfer.effectAllowed = 'move';
                      event.dataTransfer.setData('text/plain', p.a.id);
                      setDragging(p.a);
                    }}
                    onDragEnd={() => {
                      setDragging(null);
                      setDrop(null);
                    }}
                  >
                    {p.a ? (
                      <AppointmentCard appointment={p.a} onOpen={() => onOpen(p.a)} compact showConsultant={showConsultant} />
                    ) : (
                      p.w && <WorkshopBlock workshop={p.w} compact />
                    )}
                  </li>
                ))}
              </ul>
              {target && (
                <div
                  className="agenda-drop-marker"
                  style={{ top: `${remOf(target.minute - first)}rem`, height: `${remOf(Math.max(duration, SNAP_MINUTES))}rem` }}
                  aria-hidden
                >
                  {clockOf(target.minute)}
                </div>
              )}
            </section>
          );
        })}
      </div>
    </ScrollRegion>
  );
}
