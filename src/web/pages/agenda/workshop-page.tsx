import { Button, Icon } from 'design-react-kit';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { workshopEndpoints } from '../../../shared/api/appointments.endpoints';
import type { WorkshopView } from '../../../shared/schemas/workshops.schema';
import { call, saveFile } from '../../api/client';
import { useNotice } from '../../components/notice';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatDayLong, wallClockOf } from './agenda-format';
import './agenda.css';
import { AddParticipantDialog, CancelWorkshopDialog, EditWorkshopDialog } from './workshop-dialogs';
import { InviteDialog } from './workshop-invite-dialog';
import { canWithdraw, hasStarted, isOpen, participantGroups, placeOf, type Participant } from './workshop-format';
import { formatItalianDate } from '../../../shared/time/rome-date';
import { ParticipantBadge, WorkerIdentity, SeatsText, WorkshopStatusBadge } from './workshop-badges';

type Open = 'add' | 'invite' | 'edit' | 'cancel' | null;

const OUTCOMES = [
  { status: 'attended', color: 'success' },
  { status: 'absent', color: 'danger' },
  { status: 'excused', color: 'warning' },
] as const;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="col-12 col-sm-3 small">{label}</dt>
      <dd className="col-12 col-sm-9 mb-2">{children}</dd>
    </>
  );
}

/** One participant with what can be done now: book an invitee, withdraw, mark attendance after the start. */
function ParticipantRow({
  w,
  p,
  busy,
  onBook,
  onWithdraw,
  onAttendance,
}: {
  w: WorkshopView;
  p: Participant;
  busy: boolean;
  onBook(): void;
  onWithdraw(): void;
  onAttendance(status: (typeof OUTCOMES)[number]['status']): void;
}) {
  const { t } = useTranslation();
  // The buttons name the participant with the birth date: two "Russo Giuseppe" get two names.
  const who = p.worker.birthDate
    ? t('agenda.workshops.participants.nameBorn', { name: p.worker.name, date: formatItalianDate(p.worker.birthDate) })
    : p.worker.name;
  const open = isOpen(w);
  const markable = hasStarted(w) && ['booked', 'attended', 'absent', 'excused'].includes(p.status);
  return (
    <li className="agenda-list-item d-sm-flex flex-wrap align-items-center justify-content-between gap-2">
      <div className="d-flex flex-wrap align-items-center gap-2">
        <Link to={`/lavoratori/${p.worker.id}`} className="fw-semibold">
          {p.worker.name}
        </Link>
        <ParticipantBadge p={p} />
        <WorkerIdentity worker={p.worker} />
      </div>
      {(open || markable) && (
        <div className="d-flex flex-wrap gap-2 mt-2 mt-sm-0">
          {open && ['invited', 'cancelled', 'declined'].includes(p.status) && (
            <Button color="primary" outline size="sm" disabled={busy} onClick={onBook}>
              {t('agenda.workshops.participants.book')}
              <span className="visually-hidden"> {who}</span>
            </Button>
          )}
          {open && canWithdraw(p) && (
            <Button color="danger" outline size="sm" disabled={busy} onClick={onWithdraw}>
              {t(`agenda.workshops.participants.${p.status === 'waiting' ? 'unlist' : p.status === 'invited' ? 'uninvite' : 'withdraw'}`)}
              <span className="visually-hidden"> {who}</span>
            </Button>
          )}
          {markable && (
            <div role="group" aria-label={t('agenda.attendance.group', { name: who })} className="d-flex flex-wrap gap-2">
              {OUTCOMES.map((o) => (
                <Button
                  key={o.status}
                  color={o.color}
                  outline={p.status !== o.status}
                  size="sm"
                  aria-pressed={p.status === o.status}
                  disabled={busy}
                  onClick={() => onAttendance(o.status)}
                >
                  {t(`agenda.attendance.${o.status}`)}
                </Button>
              ))}
            </div>
          )}
        </div>
      )}
    </li>
  );
}

/** A group workshop: its details, participants by group with their actions, and the session's own actions. */
export function WorkshopPage() {
  const { t } = useTranslation();
  const { show } = useNotice();
  const { id = '' } = useParams();
  const query = useApiQuery(workshopEndpoints.get, { params: { id } }, [id]);
  const [open, setOpen] = useState<Open>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const w = query.data;

  const act = async (work: () => Promise<string | null>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const text = await work();
      if (text) show('success', text);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (!w)
    return (
      <>
        <PageTitle>{t('agenda.workshops.page.loadingTitle')}</PageTitle>
        <p>
          <Link to="/agenda/incontri">{t('agenda.workshops.back')}</Link>
        </p>
        <ProblemAlert error={query.error} />
        {query.loading && <p>{t('agenda.workshops.loading')}</p>}
      </>
    );

  const clock = wallClockOf(w);
  const groups = participantGroups(w.participants);

  const book = (p: Participant) =>
    act(async () => {
      const answer = await call(workshopEndpoints.book, { params: { id: w.id, workerId: p.worker.id } });
      query.reload();
      return answer.status === 'booked'
        ? t('agenda.workshops.add.booked', { name: p.worker.name })
        : t('agenda.workshops.add.waiting', { name: p.worker.name, position: answer.waitingPosition ?? '?' });
    });
  const withdraw = (p: Participant) =>
    act(async () => {
      await call(workshopEndpoints.withdraw, { params: { id: w.id, workerId: p.worker.id } });
      // A freed seat goes to the first waiting (the server tells them): said here with their name.
      const next = p.status === 'booked' ? groups.waiting[0] : undefined;
      const fresh = await call(workshopEndpoints.get, { params: { id: w.id } });
      query.setData(fresh);
      const promoted = next && fresh.participants.find((q) => q.worker.id === next.worker.id && q.status === 'booked');
      return promoted
        ? t('agenda.workshops.participants.withdrawnPromoted', { name: p.worker.name, next: promoted.worker.name })
        : t('agenda.workshops.participants.withdrawn', { name: p.worker.name });
    });
  const attendance = (p: Participant, status: (typeof OUTCOMES)[number]['status']) =>
    act(async () => {
      await call(workshopEndpoints.attendance, { params: { id: w.id, workerId: p.worker.id }, body: { status } });
      query.reload();
      return t('agenda.attendance.saved', { name: p.worker.name, status: t(`agenda.workshops.participantStatus.${status}`) });
    });
  const sheet = () =>
    act(async () => {
      saveFile(await call(workshopEndpoints.sheet, { params: { id: w.id } }));
      return null;
    });

  const section = (key: 'seated' | 'waiting' | 'invited' | 'out', items: Participant[]) =>
    items.length > 0 && (
      <section aria-labelledby={`participants-${key}`} className="mb-3">
        <h3 id={`participants-${key}`} className="h6 border-bottom pb-1">
          {t(`agenda.workshops.participants.${key}`, { count: items.length })}
        </h3>
        <ul className="list-unstyled">
          {items.map((p) => (
            <ParticipantRow
              key={p.worker.id}
              w={w}
              p={p}
              busy={busy}
              onBook={() => void book(p)}
              onWithdraw={() => void withdraw(p)}
              onAttendance={(status) => void attendance(p, status)}
            />
          ))}
        </ul>
      </section>
    );

  const where = placeOf(w);
  return (
    <>
      <PageTitle lead={t(`agenda.workshops.topics.${w.topic}`)}>{w.title}</PageTitle>
      <p>
        <Link to="/agenda/incontri">{t('agenda.workshops.back')}</Link>
      </p>
      <dl className="row mb-3">
        <Row label={t('agenda.workshops.page.when')}>
          <span className="text-capitalize-first d-inline-block">{formatDayLong(clock.date, true)}</span>, {clock.startTime}–{clock.endTime}
        </Row>
        <Row label={t('agenda.workshops.page.where')}>{where || t('agenda.workshops.page.noPlace')}</Row>
        <Row label={t('agenda.workshops.page.facilitators')}>{w.facilitators.map((f) => f.name).join(', ')}</Row>
        <Row label={t('agenda.workshops.page.seats')}>
          <SeatsText workshop={w} />
        </Row>
        <Row label={t('agenda.workshops.page.status')}>
          <WorkshopStatusBadge workshop={w} />
          {w.cancelReason && <span className="ms-2">{t('agenda.workshops.cancelReason', { reason: w.cancelReason })}</span>}
        </Row>
        {w.description && <Row label={t('agenda.workshops.page.description')}>{w.description}</Row>}
      </dl>
      <div className="d-flex flex-wrap gap-2 mb-3">
        {isOpen(w) && (
          <>
            <Button color="primary" size="sm" onClick={() => setOpen('add')}>
              {t('agenda.workshops.page.add')}
            </Button>
            <Button color="primary" outline size="sm" onClick={() => setOpen('invite')}>
              {t('agenda.workshops.page.invite')}
            </Button>
            <Button color="primary" outline size="sm" onClick={() => setOpen('edit')}>
              {t('agenda.workshops.page.edit')}
            </Button>
            <Button color="danger" outline size="sm" onClick={() => setOpen('cancel')}>
              {t('agenda.workshops.page.cancel')}
            </Button>
          </>
        )}
        {w.status === 'scheduled' && (
          <Button color="primary" outline size="sm" disabled={busy} onClick={() => void sheet()}>
            <Icon icon="it-download" size="sm" color="primary" className="me-1" aria-hidden />
            {t('agenda.workshops.page.sheet')}
          </Button>
        )}
      </div>
      <ProblemAlert error={error ?? query.error} />
      <h2 className="h4 mt-4">{t('agenda.workshops.participants.title')}</h2>
      {hasStarted(w) && <p className="small">{t('agenda.workshops.participants.attendanceHelp')}</p>}
      {w.participants.length === 0 && <p>{t('agenda.workshops.participants.none')}</p>}
      {section('seated', groups.seated)}
      {section('waiting', groups.waiting)}
      {section('invited', groups.invited)}
      {section('out', groups.out)}
      {open === 'add' && <AddParticipantDialog workshop={w} onBooked={() => query.reload()} onClose={() => setOpen(null)} />}
      {open === 'invite' && (
        <InviteDialog
          workshop={w}
          onDone={(r) => {
            setOpen(null);
            show(
              'success',
              [
                t('agenda.workshops.invite.done', { count: r.invited }),
                r.already > 0 ? t('agenda.workshops.invite.doneAlready', { count: r.already }) : '',
              ]
                .filter(Boolean)
                .join(' '),
            );
            query.reload();
          }}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'edit' && (
        <EditWorkshopDialog
          workshop={w}
          onDone={(updated) => {
            setOpen(null);
            query.setData(updated);
            show('success', t('agenda.workshops.edit.done', { title: updated.title }));
          }}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'cancel' && (
        <CancelWorkshopDialog
          workshop={w}
          onDone={(updated) => {
            setOpen(null);
            query.setData(updated);
            show('success', t('agenda.workshops.cancel.done', { title: updated.title }));
          }}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}
