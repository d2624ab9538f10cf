import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { profileEndpoints } from '../../../../shared/api/profiles.endpoints';
import { workerEndpoints } from '../../../../shared/api/people.endpoints';
import type { ProfileVersionSummary } from '../../../../shared/schemas/profile-api.schema';
import type { Worker } from '../../../../shared/schemas/people.schema';
import { call } from '../../../api/client';
import { PageTitle } from '../../../components/page-title';
import { ProblemAlert } from '../../../components/problem-alert';
import { formatDateTime } from '../../../i18n/i18n';
import { useSession } from '../../../session/session-context';
import { useProfileEditor } from './profile-editor';
import {
  AvailabilityMobilitySection,
  CertificatesSection,
  DesiredOccupationsSection,
  EducationSection,
  LanguagesSection,
  LicencesSection,
  SkillsSection,
  SummarySection,
  WorkSection,
} from './profile-sections';

/** The completeness bar and what is still missing, named by section. */
export function CompletenessBar({ percent, missing }: { percent: number; missing: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <div className="mb-3">
      <p className="mb-1" id="profile-completeness-label">
        {t('profiles.completenessValue', { percent })}
      </p>
      <div className="progress" style={{ height: '0.75rem' }}>
        <div
          className="progress-bar bg-primary"
          role="progressbar"
          style={{ width: `${percent}%` }}
          aria-valuenow={percent}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-labelledby="profile-completeness-label"
        />
      </div>
      {missing.length > 0 ? (
        <p className="small mt-1 mb-0">
          {t('profiles.missing')} {missing.map((s) => t(`profiles.sections.${s}`)).join(', ')}
        </p>
      ) : (
        <p className="small mt-1 mb-0">{t('profiles.complete')}</p>
      )}
    </div>
  );
}

function VersionHistory({ workerId, changes }: { workerId: string; changes: number }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<ProfileVersionSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    call(profileEndpoints.versions, { params: { workerId } }).then((r) => setItems(r.items), setError);
  }, [workerId, changes]);
  return (
    <section aria-labelledby="profile-history-h" className="mb-4">
      <h2 id="profile-history-h" className="h4">
        {t('profiles.history.title')}
      </h2>
      <ProblemAlert error={error} />
      {items && items.length === 0 && <p>{t('profiles.noVersion')}</p>}
      {items && items.length > 0 && (
        <div className="table-responsive">
          <table className="table table-sm">
            <thead>
              <tr>
                <th scope="col">{t('profiles.history.version')}</th>
                <th scope="col">{t('profiles.history.when')}</th>
                <th scope="col">{t('profiles.history.who')}</th>
                <th scope="col">{t('profiles.history.what')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((v) => (
                <tr key={v.version}>
                  <td>{v.version}</td>
                  <td>{formatDateTime(v.createdAt)}</td>
                  <td>{v.createdBy?.name ?? t('profiles.history.system')}</td>
                  <td>
                    {v.sections.map((s) => t(`profiles.sections.${s}`)).join(', ')}{' '}
                    <span className="small text-secondary">({t(`profiles.history.reasons.${v.reason}`)})</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The worker's professional profile, section by section, with its completeness and its versions. */
export function ProfilePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const language = i18n.language === 'en' ? 'en' : 'it';
  const editor = useProfileEditor(id, language);
  const [worker, setWorker] = useState<Worker | null>(null);
  useEffect(() => {
    call(workerEndpoints.get, { params: { id } }).then(setWorker, () => setWorker(null));
  }, [id]);
  const canEdit = can('profiles.edit');
  const name = worker ? `${worker.lastName} ${worker.firstName}` : '';
  const { profile } = editor;

  return (
    <>
      <PageTitle lead={name ? t('profiles.lead', { name }) : undefined}>{t('profiles.title')}</PageTitle>
      {worker && (
        <p>
          <Link to={`/lavoratori/${id}`}>{t('profiles.backToWorker', { name })}</Link>
        </p>
      )}
      <ProblemAlert error={editor.error} shownBesideFields={editor.fieldErrors} />
      {editor.stale && (
        <button type="button" className="btn btn-outline-primary mb-3" onClick={editor.reload}>
          {t('profiles.reload')}
        </button>
      )}
      {profile && (
        <>
          <section aria-labelledby="profile-completeness-h" className="mb-4">
            <h2 id="profile-completeness-h" className="h4">
              {t('profiles.completeness')}
            </h2>
            <CompletenessBar percent={profile.completeness.percent} missing={profile.completeness.missing} />
            <p className="small" role="status">
              {profile.version === 0
                ? t('profiles.noVersion')
                : `${t('profiles.version', { version: profile.version })} · ${t('profiles.lastChange', {
                    when: formatDateTime(profile.updatedAt),
                    who: profile.updatedBy?.name ?? t('profiles.history.system'),
                  })}`}
            </p>
            {!canEdit && <p className="small">{t('profiles.readOnly')}</p>}
          </section>
          <SummarySection editor={editor} doc={profile.document} canEdit={canEdit} />
          <WorkSection
            editor={editor}
            doc={profile.document}
            canEdit={canEdit}
            company={worker?.companyId && worker.companyName ? { id: worker.companyId, name: worker.companyName } : null}
          />
          <EducationSection editor={editor} doc={profile.document} canEdit={canEdit} />
          <SkillsSection editor={editor} doc={profile.document} canEdit={canEdit} />
          <LanguagesSection editor={editor} doc={profile.document} canEdit={canEdit} />
          <LicencesSection editor={editor} doc={profile.document} canEdit={canEdit} />
          <CertificatesSection editor={editor} doc={profile.document} canEdit={canEdit} />
          <AvailabilityMobilitySection editor={editor} doc={profile.document} canEdit={canEdit} />
          <DesiredOccupationsSection editor={editor} doc={profile.document} canEdit={canEdit} />
          <VersionHistory workerId={id} changes={editor.changes} />
        </>
      )}
    </>
  );
}

/** On the worker's page: how complete the profile is, and the way to it. */
export function WorkerProfileSection({ workerId }: { workerId: string }) {
  const { t } = useTranslation();
  const [completeness, setCompleteness] = useState<{ percent: number; missing: string[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    call(profileEndpoints.completeness, { params: { workerId } }).then(setCompleteness, setError);
  }, [workerId]);
  return (
    <section aria-labelledby="worker-profile-h" className="mb-4">
      <h2 id="worker-profile-h" className="h4">
        {t('profiles.title')}
      </h2>
      <ProblemAlert error={error} />
      {completeness && <CompletenessBar percent={completeness.percent} missing={completeness.missing} />}
      <Link className="btn btn-outline-primary btn-sm" to={`/lavoratori/${workerId}/profilo`}>
        {t('profiles.open')}
      </Link>
    </section>
  );
}
