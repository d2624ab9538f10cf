import { Card, CardBody, CardTitle, Col, Row } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { useSession } from '../../session/session-context';

export function AdminHomePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const sections = [
    { to: '/amministrazione/sedi', label: t('admin.offices'), allowed: can('offices.manage') },
    { to: '/amministrazione/personale', label: t('admin.staff'), allowed: can('staff.manage') },
    { to: '/amministrazione/registro', label: t('admin.audit'), allowed: can('audit.read') },
    { to: '/amministrazione/traduzioni-competenze', label: t('admin.skillLabels'), allowed: can('skillLabels.manage') },
    { to: '/amministrazione/minimi-ccnl', label: t('admin.ccnlMinimums'), allowed: can('ccnlMinimums.manage') },
  ].filter((s) => s.allowed);
  return (
    <>
      <PageTitle lead={t('admin.intro')}>{t('admin.title')}</PageTitle>
      <Row>
        {sections.map((s) => (
          <Col key={s.to} md={4} className="mb-3">
            <Card className="card-bg h-100">
              <CardBody>
                <CardTitle tag="h2" className="h5">
                  <Link to={s.to}>{s.label}</Link>
                </CardTitle>
              </CardBody>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
