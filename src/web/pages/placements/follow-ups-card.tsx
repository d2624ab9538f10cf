import { Card, CardBody, CardTitle, Col, Row } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { placementEndpoints } from '../../../shared/api/applications.endpoints';
import { ProblemAlert } from '../../components/problem-alert';
import { useApiQuery } from '../../hooks/use-api-query';
import { useSession } from '../../session/session-context';
import { formatDate } from '../workers/people-format';
import { followsOwnOnly } from './follow-ups-page';

/** The home page's reminder: the follow-ups after a hire due by today (a consultant's own). */
export function FollowUpsDueCard() {
  const { t } = useTranslation();
  const { session } = useSession();
  const mine = followsOwnOnly(session?.roles ?? []);
  const { data, error } = useApiQuery(placementEndpoints.followUpsDue, { query: { mine: mine ? 'true' : 'false' } }, [mine]);
  if (!error && !data) return null;
  return (
    <Row className="mb-4">
      <Col lg={6} className="mb-3">
        <Card className="card-bg h-100" tag="section" aria-labelledby="follow-ups-due-h">
          <CardBody>
            <CardTitle tag="h2" className="h5" id="follow-ups-due-h">
              {t('placements.followUps.homeTitle')}
            </CardTitle>
            <ProblemAlert error={error} />
            {data && data.items.length === 0 && <p>{t('placements.followUps.homeNone')}</p>}
            {data && data.items.length > 0 && (
              <>
                <p>{t('placements.followUps.homeCount', { count: data.items.length })}</p>
                <ul className="list-unstyled">
                  {data.items.slice(0, 8).map((f) => (
                    <li key={f.id} className="mb-2">
                      <Link to={`/assunzioni/${f.placementId}`}>{f.workerName}</Link>
                      <br />
                      <small>
                        {t('placements.followUp.line', {
                          count: f.months,
                          due: formatDate(f.dueOn),
                          employer: f.employerName,
                          vacancy: f.vacancyTitle,
                        })}
                      </small>
                    </li>
                  ))}
                </ul>
                <Link to="/assunzioni/verifiche">{t('placements.followUps.homeAll')}</Link>
              </>
            )}
          </CardBody>
        </Card>
      </Col>
    </Row>
  );
}
