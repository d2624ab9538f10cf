import { Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { trainingEndpoints } from '../../../shared/api/training.endpoints';
import type { Course } from '../../../shared/schemas/training.schema';
import { call } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { useNotice } from '../../components/notice';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextField } from '../../components/text-field';
import { useSession } from '../../session/session-context';
import { formatDate } from '../workers/people-format';
import { EnrolmentLog } from './enrolment-log';

/** On the worker's page: their courses, and "Iscrivi a un corso" among the open ones (a seat, or the waiting list). */
export function WorkerCoursesSection({ workerId, workerName }: { workerId: string; workerName: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { show } = useNotice();
  const { data, error, reload } = useApiQuery(trainingEndpoints.workerCourses, { params: { workerId } }, [workerId]);
  const [open, setOpen] = useState<Course[]>([]);
  const [courseId, setCourseId] = useState('');
  const [reason, setReason] = useState('');
  const [enrolError, setEnrolError] = useState<unknown>(null);
  const canEnrol = can('training.enrol');
  useEffect(() => {
    if (!canEnrol) return;
    call(trainingEndpoints.courses, { query: { status: 'open', limit: 200 } }).then((r) => setOpen(r.items), setEnrolError);
  }, [canEnrol]);

  async function enrol() {
    setEnrolError(null);
    try {
      const { enrolment } = await call(trainingEndpoints.enrol, {
        params: { id: courseId },
        body: { workerId, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      });
      const course = open.find((c) => c.id === courseId)?.title ?? '';
      show(
        'success',
        enrolment.state === 'enrolled'
          ? t('training.worker.enrolled', { name: workerName, course })
          : t('training.worker.waiting', { name: workerName, course, position: enrolment.waitingPosition }),
      );
      setCourseId('');
      setReason('');
      reload();
    } catch (err) {
      setEnrolError(err);
    }
  }

  return (
    <section className="mb-4" aria-labelledby="worker-courses-title">
      <h2 id="worker-courses-title" className="h4">
        {t('training.worker.title')}
      </h2>
      <ProblemAlert error={error} />
      {data && data.items.length === 0 && <p>{t('training.worker.none')}</p>}
      {data && data.items.length > 0 && (
        <ul>
          {data.items.map((c) => (
            <li key={c.id}>
              <Link to={`/formazione/corsi/${c.courseId}`}>{c.courseTitle}</Link> · {c.providerName} · {formatDate(c.startDate)} –{' '}
              {formatDate(c.endDate)} · {t(`training.state.${c.state}`)}
              {c.waitingPosition ? ` (${t('training.worker.positionShort', { position: c.waitingPosition })})` : ''}
              {c.state === 'completed' && c.certificateObtained ? ` · ${c.certificate}` : ''}
              <details className="mt-1 mb-2">
                <summary>{t('training.log.ofCourse', { course: c.courseTitle })}</summary>
                <EnrolmentLog caption={t('training.log.ofCourse', { course: c.courseTitle })} moves={c.moves} />
              </details>
            </li>
          ))}
        </ul>
      )}
      {canEnrol && (
        <form
          className="row g-2 align-items-end"
          onSubmit={(e) => {
            e.preventDefault();
            if (courseId) void enrol();
          }}
        >
          <h3 className="h5">{t('training.worker.enrol')}</h3>
          <div className="col-12 col-md-5">
            <SelectField
              label={t('training.worker.choose')}
              value={courseId}
              onChange={setCourseId}
              options={[
                { value: '', label: t('training.worker.chooseOne') },
                ...open.map((c) => ({
                  value: c.id,
                  label: `${c.title} · ${formatDate(c.startDate)} · ${t('training.seatsText', { left: c.seatsLeft, seats: c.seats })}`,
                })),
              ]}
            />
          </div>
          <div className="col-12 col-md-5">
            <TextField label={t('training.worker.reason')} value={reason} onChange={setReason} maxLength={500} />
          </div>
          <div className="col-12 col-md-2">
            <Button color="primary" type="submit" disabled={!courseId}>
              {t('training.worker.enrolButton')}
            </Button>
          </div>
          <ProblemAlert error={enrolError} />
        </form>
      )}
    </section>
  );
}
