import { Badge, Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { trainingEndpoints } from '../../../shared/api/training.endpoints';
import type { TrainingEnrolment } from '../../../shared/schemas/training.schema';
import { romeToday } from '../../../shared/time/rome-time';
import { call } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { useNotice } from '../../components/notice';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { TextField } from '../../components/text-field';
import { useSession } from '../../session/session-context';
import { formatDate } from '../workers/people-format';
import { COURSE_STATUS_COLOR } from './catalogue-page';
import { EnrolmentLog } from './enrolment-log';

/** A course: its details, the enrolled (hours, completion, withdrawal) and the waiting list in order. */
export function CoursePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const { data: course, error, reload } = useApiQuery(trainingEndpoints.course, { params: { id } }, [id]);
  if (!course) return <ProblemAlert error={error} />;
  const enrolled = course.enrolments.filter((e) => e.state === 'enrolled' || e.state === 'completed');
  const waiting = course.enrolments.filter((e) => e.state === 'waiting');
  const left = course.enrolments.filter((e) => e.state === 'withdrawn' || e.state === 'dropped');
  const manage = can('training.enrol');
  return (
    <>
      <p>
        <Link to="/formazione">{t('training.title')}</Link>
      </p>
      <PageTitle lead={course.providerName}>{course.title}</PageTitle>
      {can('training.manage') && (
        <p>
          <Link className="btn btn-outline-primary btn-sm" to={`/formazione/corsi/${course.id}/modifica`}>
            {t('training.form.editLink')}
          </Link>
        </p>
      )}
      <p>
        <Badge color={COURSE_STATUS_COLOR[course.status]}>{t(`training.status.${course.status}`)}</Badge>{' '}
        {t('training.seatsText', { left: course.seatsLeft, seats: course.seats })} · {t('training.waitingText', { count: course.waiting })}
      </p>
      {course.description && <p>{course.description}</p>}
      <dl className="row">
        <dt className="col-sm-3">{t('training.dates')}</dt>
        <dd className="col-sm-9">
          {formatDate(course.startDate)} – {formatDate(course.endDate)} · {t('training.hours', { count: course.hours })}
        </dd>
        <dt className="col-sm-3">{t('training.detail.place')}</dt>
        <dd className="col-sm-9">
          {t(`training.deliveries.${course.delivery}`)}
          {course.place ? ` · ${course.place}` : ''}
        </dd>
        {course.schedule && (
          <>
            <dt className="col-sm-3">{t('training.detail.schedule')}</dt>
            <dd className="col-sm-9">{course.schedule}</dd>
          </>
        )}
        <dt className="col-sm-3">{t('training.detail.funding')}</dt>
        <dd className="col-sm-9">
          {t(`training.funding.${course.funding}`)} ·{' '}
          {course.costEur > 0
            ? new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' }).format(course.costEur)
            : t('training.detail.free')}
        </dd>
        <dt className="col-sm-3">{t('training.detail.deadline')}</dt>
        <dd className="col-sm-9">{formatDate(course.enrolmentDeadline)}</dd>
        <dt className="col-sm-3">{t('training.detail.certificate')}</dt>
        <dd className="col-sm-9">{course.certificate || t('training.detail.noCertificate')}</dd>
        <dt className="col-sm-3">{t('training.detail.skills')}</dt>
        <dd className="col-sm-9">
          <ul className="mb-0">
            {course.skills.map((s) => (
              <li key={s.uri} lang={s.labelLanguage}>
                {s.label}
              </li>
            ))}
          </ul>
        </dd>
      </dl>

      <h2 className="h4">{t('training.detail.enrolled')}</h2>
      {enrolled.length === 0 ? (
        <p>{t('training.detail.noEnrolled')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('training.detail.worker')}</th>
                <th scope="col">{t('training.detail.hoursAttended')}</th>
                {manage && <th scope="col">{t('training.detail.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {enrolled.map((e) => (
                <tr key={e.id}>
                  <td>
                    <Link to={`/lavoratori/${e.workerId}`}>{e.workerName}</Link>
                    <div className="small">
                      {t(`training.state.${e.state}`)}
                      {e.completedOn ? ` · ${formatDate(e.completedOn)}` : ''}
                    </div>
                  </td>
                  <td>{e.hoursAttended}</td>
                  {manage && (
                    <td>
                      {e.state === 'enrolled' && (
                        <EnrolmentActions enrolment={e} hasCertificate={course.certificate !== ''} onDone={reload} />
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 className="h4">{t('training.detail.waiting')}</h2>
      {waiting.length === 0 ? (
        <p>{t('training.detail.noWaiting')}</p>
      ) : (
        <ol>
          {waiting.map((e) => (
            <li key={e.id}>
              <Link to={`/lavoratori/${e.workerId}`}>{e.workerName}</Link>{' '}
              <span className="small">({t('training.worker.positionShort', { position: e.waitingPosition })})</span>
              {manage && <WithdrawForm enrolment={e} onDone={reload} />}
            </li>
          ))}
        </ol>
      )}
      {course.otherOfficesEnrolled > 0 && <p>{t('training.detail.otherOffices', { count: course.otherOfficesEnrolled })}</p>}
      {left.length > 0 && (
        <>
          <h2 className="h4">{t('training.detail.left')}</h2>
          <ul>
            {left.map((e) => (
              <li key={e.id}>
                {e.workerName} · {t(`training.state.${e.state}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 className="h4" id="course-log-title">
        {t('training.log.title')}
      </h2>
      <EnrolmentLog
        caption={t('training.log.title')}
        moves={course.enrolments
          .flatMap((e) => e.moves.map((m) => ({ ...m, workerName: e.workerName })))
          .sort((a, b) => a.at.localeCompare(b.at))}
      />
    </>
  );
}

function EnrolmentActions({
  enrolment,
  hasCertificate,
  onDone,
}: {
  enrolment: TrainingEnrolment;
  hasCertificate: boolean;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const { show } = useNotice();
  const [hours, setHours] = useState(String(enrolment.hoursAttended));
  const [certificate, setCertificate] = useState(hasCertificate);
  const [error, setError] = useState<unknown>(null);
  const name = enrolment.workerName;
  const run = async (action: () => Promise<unknown>, message: string) => {
    setError(null);
    try {
      await action();
      show('success', message);
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  const value = Number(hours.replace(',', '.'));
  return (
    <div>
      <TextField label={t('training.actions.hours', { name })} value={hours} onChange={setHours} inputMode="decimal" />
      <div className="d-flex flex-wrap gap-2 align-items-center">
        <Button
          size="sm"
          color="primary"
          outline
          onClick={() =>
            void run(
              () => call(trainingEndpoints.attendance, { params: { id: enrolment.id }, body: { hoursAttended: value } }),
              t('training.actions.hoursSaved', { name }),
            )
          }
        >
          {t('training.actions.saveHours')}
        </Button>
        {hasCertificate && (
          <div className="form-check mb-0">
            <input id={`cert-${enrolment.id}`} type="checkbox" checked={certificate} onChange={(e) => setCertificate(e.target.checked)} />
            <label htmlFor={`cert-${enrolment.id}`}>{t('training.actions.certificate')}</label>
          </div>
        )}
        <Button
          size="sm"
          color="primary"
          onClick={() =>
            void run(
              () =>
                call(trainingEndpoints.complete, {
                  params: { id: enrolment.id },
                  body: { completedOn: romeToday(new Date()), hoursAttended: value, certificateObtained: hasCertificate && certificate },
                }),
              t('training.actions.completed', { name }),
            )
          }
        >
          {t('training.actions.complete')}
        </Button>
      </div>
      <WithdrawForm enrolment={enrolment} onDone={onDone} />
      <ProblemAlert error={error} />
    </div>
  );
}

function WithdrawForm({ enrolment, onDone }: { enrolment: TrainingEnrolment; onDone(): void }) {
  const { t } = useTranslation();
  const { show } = useNotice();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const name = enrolment.workerName;
  async function withdraw() {
    setError(null);
    try {
      const r = await call(trainingEndpoints.withdraw, { params: { id: enrolment.id }, body: { reason } });
      show('success', t('training.actions.withdrawn', { name }));
      if (r.promoted.length > 0) show('info', t('training.actions.promoted', { names: r.promoted.map((p) => p.workerName).join(', ') }));
      onDone();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form
      className="d-flex flex-wrap gap-2 align-items-end mt-2"
      onSubmit={(e) => {
        e.preventDefault();
        void withdraw();
      }}
    >
      <TextField label={t('training.actions.reason', { name })} value={reason} onChange={setReason} required />
      <Button size="sm" color="danger" outline type="submit">
        {t('training.actions.withdraw')}
      </Button>
      <ProblemAlert error={error} />
    </form>
  );
}
