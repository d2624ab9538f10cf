import { Badge } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { placementEndpoints } from '../../../shared/api/applications.endpoints';
import type { FollowUp } from '../../../shared/schemas/applications.schema';
import { addDays } from '../../../shared/time/rome-date';
import { romeToday } from '../../../shared/time/rome-time';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField } from '../../components/text-field';
import { useApiQuery } from '../../hooks/use-api-query';
import { useSession } from '../../session/session-context';
import { formatDate } from '../workers/people-format';
import { FollowUpEntry } from './follow-up-form';

/** Consultants follow their own hires; coordinators, administrators and matchers see the office's. */
export function followsOwnOnly(roles: readonly string[]): boolean {
  return roles.includes('consultant') && !roles.some((r) => r === 'coordinator' || r === 'admin' || r === 'matcher');
}

/** One follow-up due: who, where they were hired, which check and when; the answer form opens in place. */
export function FollowUpItem({ f, onAnswered }: { f: FollowUp; onAnswered(answered: FollowUp): void }) {
  const { t } = useTranslation();
  const today = romeToday(new Date());
  return (
    <FollowUpEntry followUp={f} canRecord onAnswered={onAnswered}>
      <Link to={`/lavoratori/${f.workerId}`}>{f.workerName}</Link>{' '}
      {!f.answeredAt && f.dueOn < today && (
        <Badge color="danger" className="ms-1">
          {t('placements.followUp.late')}
        </Badge>
      )}
      <div className="small">
        {t('placements.followUp.line', {
          count: f.months,
          due: formatDate(f.dueOn),
          employer: f.employerName,
          vacancy: f.vacancyTitle,
        })}
        {f.consultantName && ` · ${t('placements.followUp.consultant', { name: f.consultantName })}`}
      </div>
      <div className="small">
        <Link to={`/assunzioni/${f.placementId}`}>{t('placements.open')}</Link>
      </div>
    </FollowUpEntry>
  );
}

/**
 * /assunzioni/verifiche: the follow-ups after a hire (1, 3 and 6 months) due in the office, the
 * oldest first, each answered in place. A consultant sees their own by default.
 */
export function FollowUpsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [horizon, setHorizon] = useState('0');
  const [whose, setWhose] = useState(followsOwnOnly(session?.roles ?? []) ? 'mine' : 'office');
  const dueBy = addDays(romeToday(new Date()), Number(horizon));
  const { data, error, setData } = useApiQuery(
    placementEndpoints.followUpsDue,
    { query: { dueBy, mine: whose === 'mine' ? 'true' : 'false' } },
    [dueBy, whose],
  );
  const answered = (a: FollowUp) => setData((prev) => ({ items: (prev?.items ?? []).map((f) => (f.id === a.id ? a : f)) }));
  return (
    <>
      <PageTitle lead={t('placements.followUps.lead')}>{t('placements.followUps.title')}</PageTitle>
      <div className="row">
        <div className="col-12 col-md-6">
          <SelectField
            label={t('placements.followUps.horizon')}
            value={horizon}
            onChange={setHorizon}
            options={['0', '7', '30'].map((d) => ({ value: d, label: t(`placements.followUps.horizons.${d}`) }))}
          />
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            label={t('placements.followUps.whose')}
            value={whose}
            onChange={setWhose}
            options={['mine', 'office'].map((w) => ({ value: w, label: t(`placements.followUps.whoseValues.${w}`) }))}
          />
        </div>
      </div>
      <ProblemAlert error={error} />
      {data && data.items.length === 0 && <p>{t('placements.followUps.none')}</p>}
      {data && data.items.length > 0 && (
        <ul className="list-group mb-4" aria-label={t('placements.followUps.title')}>
          {data.items.map((f) => (
            <FollowUpItem key={f.id} f={f} onAnswered={answered} />
          ))}
        </ul>
      )}
    </>
  );
}
