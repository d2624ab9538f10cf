import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField } from '../../components/text-field';
import { useSession } from '../../session/session-context';
import { ExceptionsEditor } from './exceptions-editor';
import { FeedPanel } from './feed-panel';
import { RoomsEditor } from './rooms-editor';
import { useAgendaSetup } from './use-agenda-setup';
import { WeeklyRulesEditor } from './weekly-rules-editor';

/**
 * Availability in the current office: a consultant edits their own weekly hours and absences and
 * gets their calendar feed; coordinators and administrators choose the consultant and edit rooms.
 */
export function AvailabilityPage() {
  const { t } = useTranslation();
  const { session, can } = useSession();
  const setup = useAgendaSetup();
  const manage = can('agenda.manage');
  const me = session?.user.id ?? '';
  const consultants = setup.data?.consultants ?? [];
  const isConsultant = consultants.some((c) => c.id === me);
  const [chosen, setChosen] = useState('');
  const consultantId = manage ? chosen || (isConsultant ? me : (consultants[0]?.id ?? '')) : isConsultant ? me : '';
  const name = consultants.find((c) => c.id === consultantId)?.fullName ?? '';

  return (
    <>
      <PageTitle lead={t('agenda.availability.lead')}>{t('agenda.availability.pageTitle')}</PageTitle>
      <p>
        <Link to="/agenda">{t('agenda.backToAgenda')}</Link>
      </p>
      <ProblemAlert error={setup.error} />
      {setup.data && (
        <>
          {manage && consultants.length > 0 && (
            <SelectField
              className="col-12 col-md-6"
              label={t('agenda.availability.consultant')}
              value={consultantId}
              onChange={setChosen}
              options={consultants.map((c) => ({ value: c.id, label: c.fullName }))}
            />
          )}
          {consultantId ? (
            <>
              {!manage && <p>{t('agenda.availability.own', { name })}</p>}
              <WeeklyRulesEditor key={`rules-${consultantId}-${setup.officeId}`} consultantId={consultantId} officeId={setup.officeId} />
              <ExceptionsEditor key={`exceptions-${consultantId}`} consultantId={consultantId} />
            </>
          ) : (
            <p>{manage ? t('agenda.availability.noConsultants') : t('agenda.availability.notConsultant')}</p>
          )}
          {isConsultant && <FeedPanel />}
          {manage && <RoomsEditor officeId={setup.officeId} rooms={setup.data.rooms} onSaved={setup.reload} />}
        </>
      )}
    </>
  );
}
