import { Badge } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { skillGapEndpoints } from '../../../shared/api/skillgap.endpoints';
import type { SkillGapAnswer } from '../../../shared/schemas/skill-gap.schema';
import type { TaxonomyItem } from '../../../shared/schemas/taxonomy.schema';
import { Autocomplete } from '../../components/autocomplete';
import { ProblemAlert } from '../../components/problem-alert';
import { useApiQuery } from '../../hooks/use-api-query';
import { useSession } from '../../session/session-context';
import { formatDate } from '../workers/people-format';
import { CoursePlanAction, useOpenPlan } from './course-plan-action';

type Missing = SkillGapAnswer['missingEssential'][number];
type Labelled = { label: string; labelLanguage: 'it' | 'en' };

function SkillName({ skill }: { skill: Labelled }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <span lang={skill.labelLanguage !== i18n.language ? skill.labelLanguage : undefined}>{skill.label}</span>
      {skill.labelLanguage === 'en' && i18n.language === 'it' && (
        <Badge color="light" className="ms-1 text-dark border">
          {t('skillGap.english')}
        </Badge>
      )}
    </>
  );
}

function MissingList({ title, skills, id }: { title: string; skills: Missing[]; id: string }) {
  const { t } = useTranslation();
  return (
    <div className="col-12 col-lg-6 mb-3">
      <h3 id={id} className="h5">
        {title} ({skills.length})
      </h3>
      {skills.length === 0 ? (
        <p>{t('skillGap.noneMissing')}</p>
      ) : (
        <ul aria-labelledby={id} className="mb-0">
          {skills.map((s) => (
            <li key={s.uri} className="mb-1">
              <SkillName skill={s} />
              {s.near && (
                <div className="small">
                  <Badge color="success" className="me-1">
                    {t('skillGap.near')}
                  </Badge>
                  {t(s.near.relation === 'broader' ? 'skillGap.nearBroader' : 'skillGap.nearSibling', { skill: s.near.label })}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The worker page's "Divario di competenze": a target occupation, what is missing, the courses that close most of it. */
export function SkillGapSection({ workerId }: { workerId: string }) {
  const { t } = useTranslation();
  const [occupation, setOccupation] = useState<TaxonomyItem | null>(null);
  const uri = occupation?.kind === 'esco_occupation' ? occupation.id : null;
  const gap = useApiQuery(skillGapEndpoints.ofWorker, { params: { id: workerId }, query: { occupation: uri ?? '' } }, [workerId, uri], {
    enabled: uri !== null,
  });
  const data = gap.data;
  const { can } = useSession();
  const mayPlan = can('plans.work');
  const openPlan = useOpenPlan(workerId, mayPlan && uri !== null);
  return (
    <section aria-labelledby="skill-gap-h" className="mb-4">
      <h2 id="skill-gap-h" className="h4">
        {t('skillGap.title')}
      </h2>
      <p>{t('skillGap.lead')}</p>
      <Autocomplete
        kind="occupations"
        id="skill-gap-occupation"
        label={t('skillGap.occupation')}
        help={t('skillGap.occupationHelp')}
        value={occupation}
        onChange={setOccupation}
      />
      <ProblemAlert error={gap.error} />
      {mayPlan && <ProblemAlert error={openPlan.error} />}
      {!uri && <p className="text-muted">{t('skillGap.pick')}</p>}
      {uri && gap.loading && <p role="status">{t('skillGap.loading')}</p>}
      {uri && data && (
        <div aria-live="polite">
          <p>
            {t('skillGap.summary', {
              held: data.held.length,
              total: data.essentialTotal + data.optionalTotal,
              essentialTotal: data.essentialTotal,
            })}
          </p>
          <div className="row">
            <MissingList id="skill-gap-essential" title={t('skillGap.missingEssential')} skills={data.missingEssential} />
            <MissingList id="skill-gap-optional" title={t('skillGap.missingOptional')} skills={data.missingOptional} />
          </div>
          <h3 className="h5">{t('skillGap.courses')}</h3>
          {data.courses.length === 0 ? (
            <p>{t('skillGap.noCourses')}</p>
          ) : (
            <ol className="mb-0">
              {data.courses.map((c) => (
                <li key={c.id} className="mb-2">
                  <strong>{c.title}</strong> · {c.providerName} · {t('skillGap.hours', { hours: c.hours })}
                  {c.startDate && ` · ${t('skillGap.starts', { date: formatDate(c.startDate) })}`}
                  {c.enrolmentOpen && ` · ${t('skillGap.open')}`}
                  {c.seatsLeft === 0 && ` · ${t('skillGap.full')}`}
                  {mayPlan && openPlan.ready && (
                    <CoursePlanAction workerId={workerId} course={c} plan={openPlan.plan} onAdded={openPlan.setPlan} />
                  )}
                  <div className="small">
                    {t('skillGap.closes', {
                      count: c.closes.length,
                      essential: c.closesEssential,
                      skills: c.closes.map((s) => s.label).join('; '),
                    })}
                  </div>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
