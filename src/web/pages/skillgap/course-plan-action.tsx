import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { planEndpoints } from '../../../shared/api/plans.endpoints';
import type { PlanDetail } from '../../../shared/schemas/plans.schema';
import type { SkillGapAnswer } from '../../../shared/schemas/skill-gap.schema';
import { romeToday } from '../../../shared/time/rome-date';
import { call } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import { useNotice } from '../../components/notice';
import { useApiQuery } from '../../hooks/use-api-query';
import { i18n } from '../../i18n/i18n';
import { formatDate } from '../workers/people-format';

type Course = SkillGapAnswer['courses'][number];

/** The plan's theme for the courses the skill gap adds (found by title, or added, by the plans domain). */
const TRAINING_THEME_KEY = 'skillGap.plan.theme';

/**
 * The action "attend course X" as the plan says it: always in Italian, whatever the interface
 * language, because the plan is the document the worker signs and the same course must read the
 * same to be recognised as already in it.
 */
export function courseActionText(course: Pick<Course, 'title' | 'providerName' | 'startDate'>): string {
  const it = i18n.getFixedT('it');
  return course.startDate
    ? it('skillGap.plan.action', { course: course.title, provider: course.providerName, date: formatDate(course.startDate) })
    : it('skillGap.plan.actionNoDate', { course: course.title, provider: course.providerName });
}

/**
 * The worker's open plan (draft, signed or under review: the plans a change may still go into),
 * with its actions, for the buttons beside the skill gap's courses.
 */
export function useOpenPlan(workerId: string, enabled: boolean) {
  const list = useApiQuery(planEndpoints.listOfWorker, { params: { id: workerId } }, [workerId], { enabled });
  const open = list.data?.items.find((p) => p.state !== 'closed') ?? null;
  const detail = useApiQuery(planEndpoints.get, { params: { planId: open?.id ?? '' } }, [open?.id], { enabled: open !== null });
  return {
    ready: list.data !== undefined && (open === null || detail.data !== undefined),
    error: list.error ?? detail.error,
    plan: detail.data ?? null,
    setPlan: (plan: PlanDetail) => detail.setData(plan),
  };
}

export function plannedDescriptions(plan: PlanDetail | null): Set<string> {
  return new Set(plan?.themes.flatMap((th) => th.objectives.flatMap((o) => o.actions.map((a) => a.description))) ?? []);
}

/** "Aggiungi al patto" beside a course; "Nel patto" once the plan holds it; "Crea il patto" without an open plan. */
export function CoursePlanAction({
  workerId,
  course,
  plan,
  onAdded,
}: {
  workerId: string;
  course: Course;
  plan: PlanDetail | null;
  onAdded(plan: PlanDetail): void;
}) {
  const { t } = useTranslation();
  const { show } = useNotice();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!plan) {
    return (
      <Link className="btn btn-outline-primary btn-xs ms-2" to={`/lavoratori/${workerId}/piano`}>
        {t('skillGap.plan.create')}
        <span className="visually-hidden"> {t('skillGap.plan.forCourse', { course: course.title })}</span>
      </Link>
    );
  }
  const description = courseActionText(course);
  const inPlan = plannedDescriptions(plan).has(description);
  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      const updated = await call(planEndpoints.addAction, {
        params: { planId: plan.id },
        body: {
          themeTitle: i18n.getFixedT('it')(TRAINING_THEME_KEY),
          description,
          owner: 'worker',
          dueDate: course.startDate ?? romeToday(new Date()),
        },
      });
      onAdded(updated);
      show('success', t('skillGap.plan.added', { course: course.title }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        color="primary"
        outline={inPlan}
        size="xs"
        className="ms-2"
        disabled={inPlan || busy}
        aria-label={inPlan ? t('skillGap.plan.inPlanOf', { course: course.title }) : t('skillGap.plan.addOf', { course: course.title })}
        onClick={() => void add()}
      >
        {inPlan ? t('skillGap.plan.inPlan') : t('skillGap.plan.add')}
      </Button>
      <ProblemAlert error={error} />
    </>
  );
}
