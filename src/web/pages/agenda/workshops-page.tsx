import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { workshopEndpoints } from '../../../shared/api/appointments.endpoints';
import type { WorkshopView } from '../../../shared/schemas/workshops.schema';
import { addDays, romeToday } from '../../../shared/time/rome-date';
import { useNotice } from '../../components/notice';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { TextField } from '../../components/text-field';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatDayLong, slotsByDay, wallClockOf } from './agenda-format';
import './agenda.css';
import { useAgendaSetup } from './use-agenda-setup';
import { SeatsText, WorkshopStatusBadge } from './workshop-badges';
import { placeOf } from './workshop-format';
import { WorkshopFormDialog } from './workshop-form-dialog';

/** Eight weeks ahead: the horizon over which workshops are planned and announced. */
const HORIZON_DAYS = 55;

function WorkshopItem({ w }: { w: WorkshopView }) {
  const { t } = useTranslation();
  const clock = wallClockOf(w);
  const where = placeOf(w);
  return (
    <li className="agenda-list-item">
      <div className={`agenda-card agenda-card-${w.status === 'cancelled' ? 'cancelled' : 'booked'}`}>
        <div className="d-flex flex-wrap align-items-baseline gap-2">
          <span className="fw-semibold">
            {clock.startTime}–{clock.endTime}
          </span>
          <Link to={`/agenda/incontri/${w.id}`} className="fw-semibold agenda-card-type">
            {w.title}
          </Link>
          <WorkshopStatusBadge workshop={w} />
        </div>
        <p className="agenda-card-line mb-0 small">
          {t(`agenda.workshops.topics.${w.topic}`)}
          {where ? ` · ${where}` : ''}
          {w.facilitators.length > 0 && ` · ${t('agenda.workshops.ledBy', { names: w.facilitators.map((f) => f.name).join(', ') })}`}
        </p>
        <p className="agenda-card-line mb-0 small">
          <SeatsText workshop={w} />
          {w.cancelReason ? ` · ${t('agenda.workshops.cancelReason', { reason: w.cancelReason })}` : ''}
        </p>
      </div>
    </li>
  );
}

/** The office's group workshops by date, with "Nuovo incontro" (one session or a weekly series). */
export function WorkshopsPage() {
  const { t } = useTranslation();
  const { show } = useNotice();
  const navigate = useNavigate();
  const setup = useAgendaSetup();
  const today = romeToday(new Date());
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(addDays(today, HORIZON_DAYS));
  const [creating, setCreating] = useState(false);
  const validRange = Boolean(from && to && from <= to);
  const list = useApiQuery(workshopEndpoints.list, { query: { officeId: setup.officeId, from, to } }, [setup.officeId, from, to], {
    enabled: Boolean(setup.officeId) && validRange,
  });
  const items = [...(list.data?.items ?? [])].sort((a, b) => a.start.localeCompare(b.start));
  const days = slotsByDay(items.map((w) => ({ date: wallClockOf(w).date, w })));

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <PageTitle lead={t('agenda.workshops.lead')}>{t('agenda.workshops.title')}</PageTitle>
        <Button color="primary" className="mb-3" onClick={() => setCreating(true)}>
          {t('agenda.workshops.new')}
        </Button>
      </div>
      <p>
        <Link to="/agenda">{t('agenda.backToAgenda')}</Link>
      </p>
      <ProblemAlert error={setup.error} />
      <div className="row align-items-end">
        <TextField className="col-6 col-md-3" label={t('agenda.workshops.from')} type="date" value={from} onChange={setFrom} />
        <TextField
          className="col-6 col-md-3"
          label={t('agenda.workshops.to')}
          type="date"
          value={to}
          onChange={setTo}
          min={from}
          error={from && to && from > to ? t('agenda.workshops.rangeInvalid') : undefined}
        />
      </div>
      <ProblemAlert error={list.error} />
      {list.loading && !list.data && <p>{t('agenda.workshops.loading')}</p>}
      {list.data && items.length === 0 && <p>{t('agenda.workshops.empty')}</p>}
      {days.map((day) => (
        <section key={day.date} aria-labelledby={`workshops-day-${day.date}`} className="mb-4">
          <h2 id={`workshops-day-${day.date}`} className="h6 text-capitalize-first border-bottom pb-1">
            {formatDayLong(day.date, true)}
          </h2>
          <ul className="list-unstyled">
            {day.slots.map(({ w }) => (
              <WorkshopItem key={w.id} w={w} />
            ))}
          </ul>
        </section>
      ))}
      {creating && (
        <WorkshopFormDialog
          onDone={(created) => {
            setCreating(false);
            const first = created[0];
            if (!first) return list.reload();
            const clock = wallClockOf(first);
            show(
              'success',
              created.length > 1
                ? t('agenda.workshops.createdSeries', { count: created.length, title: first.title, date: formatDayLong(clock.date) })
                : t('agenda.workshops.created', { title: first.title, date: formatDayLong(clock.date), time: clock.startTime }),
            );
            void navigate(`/agenda/incontri/${first.id}`);
          }}
          onClose={() => setCreating(false)}
        />
      )}
    </>
  );
}
