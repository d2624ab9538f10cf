import { Badge } from 'design-react-kit';
import { romeToday } from '../../../shared/time/rome-date';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Worker } from '../../../shared/schemas/people.schema';
import { workerEndpoints } from '../../../shared/api/people.endpoints';
import { call } from '../../api/client';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { useSession } from '../../session/session-context';
import { daysLeftText, formatDate, formatPhone, urgency } from './people-format';
import { ConsentsSection, NotesSection, TimelineSection } from './worker-sections';
import { EnrolWorkerSection } from '../programmes/enrol-worker-section';
import { WorkerCoursesSection } from '../training/worker-courses-section';
import { WorkerAppointmentsSection } from '../agenda/worker-appointments-section';
import { WorkerProfileSection } from './profile/profile-page';
import { WorkerPlansSection } from '../plans/plan-agenda';
import { WorkerServicesSection } from '../services/worker-services-section';
import { SkillGapSection } from '../skillgap/skill-gap-section';
import { WorkerApplicationsSection } from '../applications/application-sections';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="col-12 col-sm-6 col-lg-4 mb-2">
      <dt className="small">{label}</dt>
      <dd className="mb-0">{children}</dd>
    </div>
  );
}

export function WorkerPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const [worker, setWorker] = useState<Worker | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (id) call(workerEndpoints.get, { params: { id } }).then(setWorker, setError);
  }, [id]);
  const canEdit = can('workers.edit');

  if (!worker)
    return (
      <>
        <PageTitle>{t('people.workers.title')}</PageTitle>
        <ProblemAlert error={error} />
      </>
    );
  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <PageTitle lead={worker.companyName ?? undefined}>{`${worker.lastName} ${worker.firstName}`}</PageTitle>
        <div className="d-flex flex-wrap gap-2">
          {can('cvs.read') && (
            <Link className="btn btn-outline-primary mb-3" to={`/lavoratori/${worker.id}/cv`}>
              {t('cv.open')}
            </Link>
          )}
          {can('cv.import') && (
            <Link className="btn btn-outline-primary mb-3" to={`/lavoratori/${worker.id}/profilo/importa-cv`}>
              {t('cvImport.title')}
            </Link>
          )}
          {canEdit && (
            <Link className="btn btn-outline-primary mb-3" to={`/lavoratori/${worker.id}/modifica`}>
              {t('people.worker.edit')}
            </Link>
          )}
        </div>
      </div>
      <section aria-labelledby="cigs-h" className="mb-4">
        <h2 id="cigs-h" className="h4">
          {t('people.worker.cigs')}
        </h2>
        {worker.cigsCaseId ? (
          <dl className="row">
            <Field label={t('people.workers.company')}>
              {worker.companyId ? <Link to={`/aziende/${worker.companyId}`}>{worker.companyName}</Link> : '—'}
            </Field>
            <Field label={t('people.company.reason')}>{worker.cigsReason ? t(`people.reasons.${worker.cigsReason}`) : '—'}</Field>
            <Field label={t('people.workers.cigsEnd')}>{formatDate(worker.effectiveCigsEndDate)}</Field>
            <Field label={t('people.worker.daysLeftLabel')}>
              <Badge color={urgency(worker.effectiveCigsEndDate)} pill>
                {daysLeftText(worker.effectiveCigsEndDate)}
              </Badge>
            </Field>
          </dl>
        ) : (
          <p>{t('people.worker.noCigs')}</p>
        )}
      </section>
      <section aria-labelledby="personal-h" className="mb-4">
        <h2 id="personal-h" className="h4">
          {t('people.worker.personal')}
        </h2>
        <dl className="row">
          <Field label={t('people.workers.codiceFiscale')}>
            <code>{worker.codiceFiscale ?? '—'}</code>
          </Field>
          <Field label={t('people.worker.birthDate')}>{formatDate(worker.birthDate)}</Field>
          <Field label={t('people.worker.sex')}>{worker.sex ? t(`people.sex.${worker.sex}`) : '—'}</Field>
          <Field label={t('people.worker.birthPlaceShown')}>{worker.birthPlaceName ?? worker.birthPlaceCode ?? '—'}</Field>
          <Field label={t('people.worker.citizenship')}>{worker.citizenship ?? '—'}</Field>
          <Field label={t('people.worker.residence')}>{worker.residenceComuneName ?? '—'}</Field>
          <Field label={t('people.worker.address')}>{[worker.address, worker.postalCode].filter(Boolean).join(', ') || '—'}</Field>
          <Field label={t('people.workers.phone')}>
            {worker.phone ? <a href={`tel:${worker.phone}`}>{formatPhone(worker.phone)}</a> : '—'}
            {worker.otherPhones.length > 0 && (
              <ul className="list-unstyled small mb-0 mt-1" aria-label={t('people.worker.otherPhones')}>
                {worker.otherPhones.map((p) => (
                  <li key={p.phone}>
                    <a href={`tel:${p.phone}`}>{formatPhone(p.phone)}</a>{' '}
                    {t('people.worker.otherPhoneSince', {
                      source: t(`people.worker.phoneSource.${p.source}`),
                      date: formatDate(romeToday(new Date(p.recordedAt))),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </Field>
          <Field label={t('people.worker.email')}>{worker.email ?? '—'}</Field>
          <Field label={t('people.workers.office')}>{worker.officeName}</Field>
        </dl>
      </section>
      <WorkerProfileSection workerId={worker.id} />
      {can('enrollments.register') && (
        <EnrolWorkerSection
          workerId={worker.id}
          workerName={`${worker.lastName} ${worker.firstName}`}
          onEnrolled={() => setVersion((v) => v + 1)}
        />
      )}
      {can('plans.work') && <WorkerPlansSection workerId={worker.id} />}
      <WorkerCoursesSection workerId={worker.id} workerName={`${worker.lastName} ${worker.firstName}`} />
      {can('agenda.use') && (
        <WorkerAppointmentsSection
          worker={{ id: worker.id, name: `${worker.lastName} ${worker.firstName}` }}
          onChanged={() => setVersion((v) => v + 1)}
        />
      )}
      <WorkerServicesSection
        worker={{ id: worker.id, name: `${worker.lastName} ${worker.firstName}` }}
        onChanged={() => setVersion((v) => v + 1)}
      />
      {can('skillGap.read') && <SkillGapSection workerId={worker.id} />}
      <WorkerApplicationsSection workerId={worker.id} />
      <ConsentsSection
        workerId={worker.id}
        consents={worker.consents}
        canEdit={canEdit}
        onChange={(consents) => {
          setWorker({ ...worker, consents });
          setVersion((v) => v + 1);
        }}
      />
      <div className="row">
        <div className="col-12 col-lg-7">
          <NotesSection workerId={worker.id} onAdded={() => setVersion((v) => v + 1)} />
        </div>
        <div className="col-12 col-lg-5">
          <TimelineSection workerId={worker.id} version={version} />
        </div>
      </div>
    </>
  );
}
