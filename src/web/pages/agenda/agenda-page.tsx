import { Button, Icon } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { agendaEndpoints, appointmentEndpoints, workshopEndpoints } from '../../../shared/api/appointments.endpoints';
import type { AppointmentView } from '../../../shared/schemas/appointments.schema';
import { addDays, isoWeekday, romeToday } from '../../../shared/time/rome-date';
import { call, saveFile } from '../../api/client';
import { useNotice } from '../../components/notice';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField } from '../../components/text-field';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatDate, formatDayLong, weekStart, wallClockOf, workshopsShown } from './agenda-format';
import { AgendaList } from './agenda-list';
import { useAppointmentDialogs } from './appointment-dialogs';
import { DropMoveDialog } from './drop-move-dialog';
import { useAgendaSetup } from './use-agenda-setup';
import { WeekGrid } from './week-grid';

type View = 'day' | 'week' | 'list';
const VIEWS: View[] = ['day', 'week', 'list'];

/** A phone shows the list: a time grid of five columns does not fit 360 px. */
const initialView = (): View => (typeof window !== 'undefined' && window.matchMedia('(max-width: 575.98px)').matches ? 'list' : 'week');

/** The office's calendar: day, week and list views, by consultant or room, with the meetings' actions. */
export function AgendaPage() {
  const { t } = useTranslation();
  const { show } = useNotice();
  const setup = useAgendaSetup();
  const today = romeToday(new Date());
  const [view, setView] = useState<View>(initialView);
  const [anchor, setAnchor] = useState(today);
  const [consultantId, setConsultantId] = useState('');
  const [roomId, setRoomId] = useState('');
  const [includeCancelled, setIncludeCancelled] = useState(false);
  const [dropped, setDropped] = useState<{ appointment: AppointmentView; date: string; time: string } | null>(null);
  const [printError, setPrintError] = useState<unknown>(null);

  const from = view === 'day' ? anchor : weekStart(anchor);
  const to = view === 'day' ? anchor : addDays(from, 6);
  const list = useApiQuery(
    appointmentEndpoints.list,
    {
      query: {
        officeId: setup.officeId,
        from,
        to,
        ...(consultantId && { consultantId }),
        ...(roomId && { roomId }),
        includeCancelled: includeCancelled ? 'true' : 'false',
      },
    },
    [setup.officeId, from, to, consultantId, roomId, includeCancelled],
    { enabled: Boolean(setup.officeId) },
  );
  const items = list.data?.items ?? [];
  // The office's group workshops of the same days, filtered here as the meetings are by the server.
  const sessions = useApiQuery(workshopEndpoints.list, { query: { officeId: setup.officeId, from, to } }, [setup.officeId, from, to], {
    enabled: Boolean(setup.officeId),
  });
  const workshops = workshopsShown(sessions.data?.items ?? [], {
    consultantId: consultantId || undefined,
    roomId: roomId || undefined,
    includeCancelled,
  });
  const empty = items.length === 0 && workshops.length === 0;
  const dialogs = useAppointmentDialogs(() => list.reload());

  const step = view === 'day' ? 1 : 7;
  // Monday to Friday, and the weekend only when a meeting falls on it.
  const weekDays = [0, 1, 2, 3, 4, 5, 6]
    .map((i) => addDays(from, i))
    .filter((d) => isoWeekday(d) <= 5 || [...items, ...workshops].some((a) => wallClockOf(a).date === d));
  const rangeLabel = view === 'day' ? formatDayLong(anchor, true) : t('agenda.range.week', { from: formatDate(from), to: formatDate(to) });

  const print = async () => {
    setPrintError(null);
    try {
      saveFile(await call(agendaEndpoints.dailySheet, { query: { officeId: setup.officeId, date: anchor } }));
    } catch (err) {
      setPrintError(err);
    }
  };

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <PageTitle lead={t('agenda.lead')}>{t('agenda.title')}</PageTitle>
        <div className="d-flex flex-wrap gap-2 mb-3">
          <Link className="btn btn-outline-primary" to="/agenda/incontri">
            {t('agenda.workshops.link')}
          </Link>
          <Link className="btn btn-outline-primary" to="/agenda/disponibilita">
            {t('agenda.availabilityLink')}
          </Link>
          <Link className="btn btn-outline-primary" to="/agenda/messaggi">
            {t('agenda.templates.link')}
          </Link>
        </div>
      </div>
      <ProblemAlert error={setup.error} />
      <div className="row align-items-end">
        <SelectField
          className="col-12 col-sm-6 col-lg-4"
          label={t('agenda.filters.consultant')}
          value={consultantId}
          onChange={setConsultantId}
          options={[
            { value: '', label: t('agenda.filters.allConsultants') },
            ...(setup.data?.consultants ?? []).map((c) => ({ value: c.id, label: c.fullName })),
          ]}
        />
        <SelectField
          className="col-12 col-sm-6 col-lg-4"
          label={t('agenda.filters.room')}
          value={roomId}
          onChange={setRoomId}
          options={[
            { value: '', label: t('agenda.filters.allRooms') },
            ...(setup.data?.rooms ?? []).map((r) => ({ value: r.id, label: r.name })),
          ]}
        />
        <div className="col-12 col-lg-4 mb-3">
          <div className="form-check">
            <input
              id="agenda-cancelled"
              type="checkbox"
              className="form-check-input"
              checked={includeCancelled}
              onChange={(e) => setIncludeCancelled(e.target.checked)}
            />
            <label htmlFor="agenda-cancelled" className="form-check-label">
              {t('agenda.filters.includeCancelled')}
            </label>
          </div>
        </div>
      </div>
      <div className="d-flex flex-wrap align-items-center gap-2 mb-3 agenda-toolbar">
        <div role="group" aria-label={t('agenda.nav.label')} className="d-flex gap-1">
          <Button color="primary" outline size="sm" onClick={() => setAnchor(addDays(anchor, -step))}>
            <Icon icon="it-chevron-left" size="sm" color="primary" aria-hidden />
            <span className="visually-hidden">{view === 'day' ? t('agenda.nav.previousDay') : t('agenda.nav.previousWeek')}</span>
          </Button>
          <Button color="primary" outline size="sm" onClick={() => setAnchor(today)}>
            {t('agenda.nav.today')}
          </Button>
          <Button color="primary" outline size="sm" onClick={() => setAnchor(addDays(anchor, step))}>
            <span className="visually-hidden">{view === 'day' ? t('agenda.nav.nextDay') : t('agenda.nav.nextWeek')}</span>
            <Icon icon="it-chevron-right" size="sm" color="primary" aria-hidden />
          </Button>
        </div>
        <h2 className="h5 mb-0 text-capitalize-first" aria-live="polite">
          {rangeLabel}
        </h2>
        <div role="group" aria-label={t('agenda.views.label')} className="d-flex gap-1 ms-md-auto">
          {VIEWS.map((v) => (
            <Button key={v} color="primary" outline={view !== v} size="sm" aria-pressed={view === v} onClick={() => setView(v)}>
              {t(`agenda.views.${v}`)}
            </Button>
          ))}
        </div>
        <Button color="primary" outline size="sm" onClick={() => void print()}>
          <Icon icon="it-print" size="sm" color="primary" className="me-1" aria-hidden />
          {t('agenda.print', { date: formatDate(anchor) })}
        </Button>
      </div>
      <ProblemAlert error={printError ?? list.error ?? sessions.error} />
      {list.loading && !list.data && <p>{t('agenda.loading')}</p>}
      {list.data && empty && <p>{t('agenda.empty')}</p>}
      {list.data &&
        (view === 'list' ? (
          !empty && (
            <AgendaList
              appointments={items}
              workshops={workshops}
              showConsultant={!consultantId && (setup.data?.consultants.length ?? 0) > 1}
              onOpen={dialogs.openDetail}
              onMove={dialogs.openMove}
              onCancel={dialogs.openCancel}
              onChanged={() => list.reload()}
            />
          )
        ) : (
          <>
            <p className="small">{t('agenda.grid.dragHelp')}</p>
            <WeekGrid
              days={view === 'day' ? [anchor] : weekDays}
              appointments={items}
              workshops={workshops}
              today={today}
              onOpen={dialogs.openDetail}
              onDropMove={(appointment, date, time) => setDropped({ appointment, date, time })}
              showConsultant={!consultantId && (setup.data?.consultants.length ?? 0) > 1}
            />
          </>
        ))}
      {dialogs.element}
      {dropped && (
        <DropMoveDialog
          {...dropped}
          onDone={(a) => {
            const clock = wallClockOf(a);
            show('success', t('agenda.moved', { name: a.worker.name, date: formatDayLong(clock.date), time: clock.startTime }));
            setDropped(null);
            list.reload();
          }}
          onClose={() => setDropped(null)}
        />
      )}
    </>
  );
}
