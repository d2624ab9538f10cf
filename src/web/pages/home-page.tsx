import { Badge, Card, CardBody, CardText, CardTitle, Col, Row } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Office } from '../../shared/schemas/office.schema';
import { officeEndpoints } from '../../shared/api/staff.endpoints';
import { call } from '../api/client';
import { PageTitle } from '../components/page-title';
import { OpeningHours } from '../components/opening-hours';
import { areasFor } from '../layout/app-header';
import { useSession } from '../session/session-context';
import { PlanAgendaCards } from './plans/plan-agenda';
import { FollowUpsDueCard } from './placements/follow-ups-card';

export function HomePage() {
  const { t } = useTranslation();
  const { session, can } = useSession();
  const [office, setOffice] = useState<Office | null>(null);
  const officeId = session?.currentOfficeId;

  useEffect(() => {
    if (!officeId) return;
    let live = true;
    call(officeEndpoints.get, { params: { id: officeId } }).then(
      (o) => live && setOffice(o),
      () => live && setOffice(null),
    );
    return () => {
      live = false;
    };
  }, [officeId]);

  if (!session) return null;
  return (
    <>
      <PageTitle>{t('home.title', { name: session.user.fullName })}</PageTitle>
      {!officeId && <p>{t('home.noOffice')}</p>}
      {office && (
        <Row className="mb-4">
          <Col lg={6} className="mb-3">
            <Card className="card-bg h-100">
              <CardBody>
                <CardTitle tag="h2" className="h5">
                  {t('home.currentOffice')}
                </CardTitle>
                <p className="fw-semibold mb-1">{office.name}</p>
                <p className="mb-1">
                  {office.address}, {office.postalCode} {office.comune} ({office.province})
                </p>
                <p className="mb-3">
                  <a href={`tel:${office.phone.replace(/\s/g, '')}`}>{office.phone}</a> ·{' '}
                  <a href={`mailto:${office.email}`}>{office.email}</a>
                </p>
                <h3 className="h6">{t('home.yourRoles')}</h3>
                <p>
                  {session.roles.map((role) => (
                    <Badge key={role} color="primary" className="me-2">
                      {t(`roles.${role}`)}
                    </Badge>
                  ))}
                </p>
              </CardBody>
            </Card>
          </Col>
          <Col lg={6} className="mb-3">
            <Card className="card-bg h-100">
              <CardBody>
                <CardTitle tag="h2" className="h5">
                  {t('home.hours')}
                </CardTitle>
                <OpeningHours slots={office.openingHours} />
              </CardBody>
            </Card>
          </Col>
        </Row>
      )}
      {officeId && can('plans.work') && <PlanAgendaCards />}
      {officeId && can('placements.work') && <FollowUpsDueCard />}
      <h2 className="h4">{t('home.areas')}</h2>
      <Row>
        {areasFor(can).map((area) => (
          <Col key={area.path} md={6} lg={4} className="mb-3">
            <Card className="card-bg h-100">
              <CardBody>
                <CardTitle tag="h3" className="h5">
                  {area.ready ? (
                    <Link to={area.path}>{t(`nav.${area.key}`)}</Link>
                  ) : (
                    <>
                      {t(`nav.${area.key}`)}
                      <Badge color="secondary" className="ms-2">
                        {t('comingSoon.badge')}
                      </Badge>
                    </>
                  )}
                </CardTitle>
                <CardText>{t(`areas.${area.key}`)}</CardText>
              </CardBody>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
