import { Badge, Button } from 'design-react-kit';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ENROLLMENT_STATES, type Enrollment, type Programme } from '../../../shared/schemas/programmes.schema';
import { programmeEndpoints } from '../../../shared/api/programmes.endpoints';
import { call } from '../../api/client';
import { BarChart } from '../../components/charts/bar-chart';
import { CapacityGauge } from '../../components/charts/capacity-gauge';
import { useNotice } from '../../components/notice';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextField } from '../../components/text-field';
import { formatDateTime } from '../../i18n/i18n';
import { useSession } from '../../session/session-context';
import { formatDate } from '../workers/people-format';
import { AddEligibleDialog } from './add-eligible-dialog';
import { EnrollmentTable } from './enrollment-table';
import { STATUS_COLOR } from './programmes-page';
import { HistoryDialog, TransitionDialog, type Move } from './transition-dialog';

interface Notice {
  id: string;
  createdAt: string;
  readAt: string | null;
  message: string;
}
type Page = { items: Enrollment[]; total: number };
const PAGE = 25;

export function ProgrammePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const { show } = useNotice();
  const [programme, setProgramme] = useState<Programme | null>(null);
  const [waiting, setWaiting] = useState<Page | null>(null);
  const [list, setList] = useState<Page | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [filter, setFilter] = useState({ state: '', q: '' });
  const [q, setQ] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [move, setMove] = useState<Move | null>(null);
  const [history, setHistory] = useState<Enrollment | null>(null);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(() => {
    if (!id) return;
    call(programmeEndpoints.get, { params: { id } }).then(setProgramme, setError);
    call(programmeEndpoints.enrollments, { params: { id }, query: { state: 'waiting', limit: 20 } }).then(setWaiting, setError);
    call(programmeEndpoints.notifications, { params: { id } }).then((r) => setNotices(r.items), setError);
  }, [id]);
  // Only the answer to the latest request is shown: an earlier, slower one (e.g. before a filter
  // changed) must not overwrite it.
  const listRequest = useRef(0);
  const reloadList = useCallback(() => {
    const sequence = ++listRequest.current;
    if (!id) return;
    call(programmeEndpoints.enrollments, {
      params: { id },
      query: { state: (filter.state || undefined) as Enrollment['state'] | undefined, q: filter.q || undefined, limit },
    }).then(
      (page) => sequence === listRequest.current && setList(page),
      (err: unknown) => sequence === listRequest.current && setError(err),
    );
  }, [id, filter, limit]);
  useEffect(reload, [reload]);
  useEffect(reloadList, [reloadList]);

  const done = (result: { promoted: Array<{ workerId: string }> }) => {
    const m = move!;
    setMove(null);
    const promotedNames = [...(waiting?.items ?? [])]
      .filter((w) => result.promoted.some((p) => p.workerId === w.workerId))
      .map((w) => w.workerName);
    const text = t('programmes.moved', { name: m.enrollment.workerName, state: t(`programmes.states.${m.option.to}`) });
    show('success', promotedNames.length ? `${text} ${t('programmes.promoted', { names: promotedNames.join(', ') })}` : text);
    reload();
    reloadList();
  };
  const markRead = async (notice: Notice) => {
    await call(programmeEndpoints.markNotificationRead, { params: { id: id!, notificationId: notice.id } }).catch(setError);
    reload();
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    setLimit(PAGE);
    setFilter((f) => ({ ...f, q }));
  };

  if (!programme)
    return (
      <>
        <PageTitle>{t('programmes.title')}</PageTitle>
        <ProblemAlert error={error} />
      </>
    );
  const openMove = (enrollment: Enrollment, option: Enrollment['allowed'][number]) => setMove({ enrollment, option });
  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <PageTitle lead={programme.description || undefined}>{programme.name}</PageTitle>
        <div className="d-flex flex-wrap gap-2">
          {can('reports.read') && (
            <Link className="btn btn-outline-primary" to={`/report?programma=${programme.id}`}>
              {t('programmes.toDashboard')}
            </Link>
          )}
          {can('programmes.manage') && (
            <Link className="btn btn-outline-primary" to={`/programmi/${programme.id}/modifica`}>
              {t('programmes.edit')}
            </Link>
          )}
          {can('programmes.manage') && (
            <Button color="primary" outline onClick={() => setAdding(true)}>
              {t('programmes.addEligible.open')}
            </Button>
          )}
        </div>
      </div>
      <ProblemAlert error={error} />
      {adding && (
        <AddEligibleDialog
          programme={programme}
          onClose={() => setAdding(false)}
          onAdded={(count) => {
            setAdding(false);
            show('success', t('programmes.addEligible.added', { count }));
            reload();
            reloadList();
          }}
        />
      )}

      <section aria-labelledby="summary-h" className="row mb-4">
        <h2 id="summary-h" className="visually-hidden">
          {t('programmes.summary')}
        </h2>
        <div className="col-12 col-lg-6">
          <CapacityGauge
            used={programme.placesUsed}
            capacity={programme.capacity}
            label={t('programmes.places')}
            text={`${t('programmes.placesUsed', { used: programme.placesUsed, capacity: programme.capacity })}, ${t('programmes.placesFree', { count: programme.placesFree })}, ${t('programmes.waitingCount', { count: programme.waiting })}`}
          />
          <dl className="row small mt-3">
            <dt className="col-5 col-sm-4">{t('programmes.fields.status')}</dt>
            <dd className="col-7 col-sm-8">
              <Badge color={STATUS_COLOR[programme.status]}>{t(`programmes.status.${programme.status}`)}</Badge>{' '}
              <code>{programme.code}</code>
            </dd>
            <dt className="col-5 col-sm-4">{t('programmes.period')}</dt>
            <dd className="col-7 col-sm-8">
              {formatDate(programme.startsOn)} – {formatDate(programme.endsOn)}
            </dd>
            <dt className="col-5 col-sm-4">{t('programmes.funding')}</dt>
            <dd className="col-7 col-sm-8">{programme.fundingSource || '—'}</dd>
            <dt className="col-5 col-sm-4">{t('programmes.rules')}</dt>
            <dd className="col-7 col-sm-8">
              {programme.eligibleReasons.map((r) => t(`people.reasons.${r}`)).join('; ')}
              {programme.requireActiveCigs && `; ${t('programmes.fields.requireActiveCigs')}`}
            </dd>
          </dl>
        </div>
        <div className="col-12 col-lg-6">
          <h3 className="h6">{t('programmes.byState')}</h3>
          <BarChart
            title={t('programmes.byState')}
            data={ENROLLMENT_STATES.map((s) => ({ label: t(`programmes.states.${s}`), value: programme.counts[s] ?? 0 }))}
          />
        </div>
      </section>

      <section aria-labelledby="notices-h" className="mb-4">
        <h2 id="notices-h" className="h4">
          {t('programmes.notifications')}
        </h2>
        {notices.length === 0 ? (
          <p>{t('programmes.noNotifications')}</p>
        ) : (
          <ul className="list-group mb-2">
            {notices.slice(0, 5).map((n) => (
              <li key={n.id} className="list-group-item d-flex flex-wrap justify-content-between align-items-center gap-2">
                <span>
                  {!n.readAt && (
                    <Badge color="primary" className="me-2">
                      {t('programmes.unread')}
                    </Badge>
                  )}
                  {n.message} <span className="small text-muted">{formatDateTime(n.createdAt)}</span>
                </span>
                {!n.readAt && (
                  <Button size="xs" color="primary" outline onClick={() => void markRead(n)}>
                    {t('programmes.markRead')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="waiting-h" className="mb-4">
        <h2 id="waiting-h" className="h4">
          {t('programmes.waitingList')}{' '}
          <span className="small fw-normal">({t('programmes.waitingCount', { count: programme.waiting })})</span>
        </h2>
        {waiting && waiting.items.length === 0 && <p>{t('programmes.waitingEmpty')}</p>}
        {waiting && waiting.items.length > 0 && (
          <EnrollmentTable items={waiting.items} caption={t('programmes.waitingList')} waiting onMove={openMove} onHistory={setHistory} />
        )}
      </section>

      <section aria-labelledby="enrollments-h" className="mb-4">
        <h2 id="enrollments-h" className="h4">
          {t('programmes.enrollments')}
        </h2>
        <form role="search" onSubmit={search} className="row g-2 align-items-end">
          <SelectField
            className="col-12 col-md-4"
            label={t('programmes.filterState')}
            value={filter.state}
            onChange={(state) => {
              setLimit(PAGE);
              setFilter((f) => ({ ...f, state }));
            }}
            options={[
              { value: '', label: t('programmes.allStates') },
              ...ENROLLMENT_STATES.map((s) => ({ value: s, label: t(`programmes.states.${s}`) })),
            ]}
          />
          <TextField className="col-12 col-md-5" type="search" label={t('programmes.search')} value={q} onChange={setQ} />
          <div className="col-12 col-md-3 mb-3">
            <Button color="primary" outline type="submit">
              {t('programmes.searchButton')}
            </Button>
          </div>
        </form>
        {list && (
          <p className="small" aria-live="polite">
            {t('programmes.total', { count: list.total })}
          </p>
        )}
        {list && list.items.length > 0 && (
          <EnrollmentTable items={list.items} caption={t('programmes.enrollmentsCaption')} onMove={openMove} onHistory={setHistory} />
        )}
        {list && list.items.length < list.total && (
          <Button color="primary" outline onClick={() => setLimit((l) => Math.min(200, l + PAGE))}>
            {t('programmes.more')}
          </Button>
        )}
      </section>

      {move && <TransitionDialog move={move} onDone={done} onClose={() => setMove(null)} />}
      {history && <HistoryDialog enrollment={history} onClose={() => setHistory(null)} />}
    </>
  );
}
