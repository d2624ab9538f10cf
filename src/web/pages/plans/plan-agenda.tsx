import { Card, CardBody, CardTitle, Col, Row } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { planEndpoints } from '../../../shared/api/plans.endpoints';
import { ProblemAlert } from '../../components/problem-alert';
import { useApiQuery } from '../../hooks/use-api-query';
import { useSession } from '../../session/session-context';
import { formatDate } from '../workers/people-format';

/**
 * The consultant's home: the actions of their plans past their date, and the plans due for review.
 * A coordinator sees the whole office's.
 */
export function PlanAgendaCards() {
  const { t } = useTranslation();
  const { session } = useSession();
  const scope = session?.roles.some((r) => r === 'coordinator' || r === 'admin') ? 'office' : 'mine';
  const overdue = useApiQuery(planEndpoints.overdueActions, { query: { scope } }, [scope]);
  const reviews = useApiQuery(planEndpoints.dueReviews, { query: { scope } }, [scope]);
  return (
    <Row className="mb-4">
      <Col lg={6} className="mb-3">
        <Card className="card-bg h-100">
          <CardBody>
            <CardTitle tag="h2" className="h5">
              {t(scope === 'office' ? 'plans.overdue.officeTitle' : 'plans.overdue.title')}
            </CardTitle>
            <ProblemAlert error={overdue.error} />
            {overdue.data?.items.length === 0 && <p>{t('plans.overdue.none')}</p>}
            <ul className="list-unstyled mb-0">
              {overdue.data?.items.slice(0, 15).map((a) => (
                <li key={a.actionId} className="mb-2">
                  <Link to={`/lavoratori/${a.worker.id}/piano?patto=${a.planId}`}>{a.worker.name}</Link>
                  <br />
                  <small>
                    {t('plans.overdue.item', { description: a.description, date: formatDate(a.dueDate), days: a.daysOverdue })} ·{' '}
                    {t('plans.overdue.owner', { owner: t(`plans.actions.ownerValue.${a.owner}`) })}
                  </small>
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      </Col>
      <Col lg={6} className="mb-3">
        <Card className="card-bg h-100">
          <CardBody>
            <CardTitle tag="h2" className="h5">
              {t('plans.dueReviews.title')}
            </CardTitle>
            <ProblemAlert error={reviews.error} />
            {reviews.data?.items.length === 0 && <p>{t('plans.dueReviews.none')}</p>}
            <ul className="list-unstyled mb-0">
              {reviews.data?.items.slice(0, 15).map((r) => (
                <li key={r.planId} className="mb-2">
                  <Link to={`/lavoratori/${r.worker.id}/piano?patto=${r.planId}`}>{r.worker.name}</Link>{' '}
                  <small>· {t('plans.dueReviews.item', { date: formatDate(r.nextReviewOn) })}</small>
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      </Col>
    </Row>
  );
}

/** The worker page's "Patto di servizio": the worker's plans and the way to the plan's page. */
export function WorkerPlansSection({ workerId }: { workerId: string }) {
  const { t } = useTranslation();
  const list = useApiQuery(planEndpoints.listOfWorker, { params: { id: workerId } }, [workerId]);
  const items = list.data?.items ?? [];
  return (
    <section aria-labelledby="worker-plans-h" className="mb-4">
      <h2 id="worker-plans-h" className="h4">
        {t('plans.section')}
      </h2>
      <ProblemAlert error={list.error} />
      {list.data && items.length === 0 && <p>{t('plans.none')}</p>}
      {items.length > 0 && (
        <ul>
          {items.map((p) => (
            <li key={p.id}>
              <Link to={`/lavoratori/${workerId}/piano?patto=${p.id}`}>{t('plans.openPlanOf', { programme: p.programme.name })}</Link> ·{' '}
              {t(`plans.state.${p.state}`)}
              {p.nextReviewOn ? ` · ${t('plans.terms.nextReview')}: ${formatDate(p.nextReviewOn)}` : ''}
            </li>
          ))}
        </ul>
      )}
      <Link className="btn btn-outline-primary btn-sm" to={`/lavoratori/${workerId}/piano`}>
        {t('plans.open')}
      </Link>
    </section>
  );
}
