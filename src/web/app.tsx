import { CvPage } from './pages/cv/cv-page';
import { SkillLabelsPage } from './pages/admin/skill-labels-page';
import { CcnlMinimumsPage } from './pages/admin/ccnl-minimums-page';
import { Spinner } from 'design-react-kit';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { NoticeProvider } from './components/notice';
import { PageTitle } from './components/page-title';
import { AppLayout } from './layout/app-layout';
import { NAV_AREAS } from './layout/app-header';
import { AboutPage } from './pages/about-page';
import { AdminHomePage } from './pages/admin/admin-home-page';
import { AuditPage } from './pages/admin/audit-page';
import { OfficeEditPage } from './pages/admin/office-edit-page';
import { OfficesPage } from './pages/admin/offices-page';
import { StaffEditPage, StaffNewPage } from './pages/admin/staff-form-page';
import { StaffPage } from './pages/admin/staff-page';
import { ChangePasswordPage } from './pages/change-password-page';
import { ComingSoonPage } from './pages/coming-soon-page';
import { CataloguePage } from './pages/training/catalogue-page';
import { CatalogueImportPage } from './pages/training/catalogue-import-page';
import { CourseFormPage } from './pages/training/course-form-page';
import { CoursePage } from './pages/training/course-page';
import { ProvidersPage } from './pages/training/providers-page';
import { VacanciesPage } from './pages/vacancies/vacancies-page';
import { VacancyBoardPage } from './pages/vacancies/vacancy-board-page';
import { VacancyFormPage } from './pages/vacancies/vacancy-form-page';
import { VacancyCandidatesPage } from './pages/vacancies/vacancy-candidates-page';
import { VacancyPage } from './pages/vacancies/vacancy-page';
import { HomePage } from './pages/home-page';
import { CompaniesPage } from './pages/companies/companies-page';
import { CompanyFormPage } from './pages/companies/company-form-page';
import { CompanyPage } from './pages/companies/company-page';
import { EmployersPage } from './pages/employers/employers-page';
import { EmployerFormPage } from './pages/employers/employer-form-page';
import { EmployerPage } from './pages/employers/employer-page';
import { WorkerFormPage } from './pages/workers/worker-form-page';
import { CvImportPage } from './pages/profiles/cv-import-page';
import { WorkerPage } from './pages/workers/worker-page';
import { FollowUpsPage } from './pages/placements/follow-ups-page';
import { PlacementPage } from './pages/placements/placement-page';
import { ProfilePage } from './pages/workers/profile/profile-page';
import { PlanPage } from './pages/plans/plan-page';
import { WorkersPage } from './pages/workers/workers-page';
import { ReferenceDataPage } from './pages/reference-data-page';
import { WorkerImportPage } from './pages/imports/worker-import-page';
import { ProgrammeFormPage } from './pages/programmes/programme-form-page';
import { ProgrammePage } from './pages/programmes/programme-page';
import { ProgrammesPage } from './pages/programmes/programmes-page';
import { DashboardPage } from './pages/reports/dashboard-page';
import { ServiceTotalsPage } from './pages/reports/service-totals-page';
import { HotlinePage } from './pages/hotline/hotline-page';
import { CampaignsPage } from './pages/outreach/campaigns-page';
import { AgendaPage } from './pages/agenda/agenda-page';
import { AvailabilityPage } from './pages/agenda/availability-page';
import { MessageTemplatesPage } from './pages/agenda/message-templates-page';
import { PublicAppointmentPage } from './pages/agenda/public-appointment-page';
import { PublicCandidateOutcomePage } from './pages/applications/public-candidate-outcome-page';
import { PublicWorkshopPage } from './pages/agenda/public-workshop-page';
import { WorkshopPage } from './pages/agenda/workshop-page';
import { WorkshopsPage } from './pages/agenda/workshops-page';
import { SetupPage } from './pages/setup-page';
import { SignInPage } from './pages/sign-in-page';
import { SessionProvider, useSession } from './session/session-context';
import { NoticesPage } from './pages/notices/notices-page';

/** Pages behind sign-in; a temporary password must be replaced before anything else. */
function RequireSession({ children }: { children: ReactNode }) {
  const { session, loading } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (loading) return <Spinner active label={t('app.loading')} />;
  if (!session) return <Navigate to="/accesso" replace state={{ from: location.pathname }} />;
  if (session.user.mustChangePassword && location.pathname !== '/account/password') {
    return <Navigate to="/account/password" replace />;
  }
  return <>{children}</>;
}

function RequireCapability({ capability, children }: { capability: string; children: ReactNode }) {
  const { can } = useSession();
  const { t } = useTranslation();
  if (!can(capability)) return <p role="alert">{t('errors.forbidden')}</p>;
  return <>{children}</>;
}

function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('errors.notFound')}</PageTitle>
      <p>{t('errors.notFoundText')}</p>
      <Link to="/">{t('common.backHome')}</Link>
    </>
  );
}

const guarded = (node: ReactNode, capability?: string) => (
  <RequireSession>{capability ? <RequireCapability capability={capability}>{node}</RequireCapability> : node}</RequireSession>
);

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <NoticeProvider>
          <AppLayout>
            <Routes>
              <Route path="/accesso" element={<SignInPage />} />
              <Route path="/primo-accesso" element={<SetupPage />} />
              {/* The worker's link from a message: no sign-in, like the sign-in page itself. */}
              <Route path="/appuntamento/:token" element={<PublicAppointmentPage />} />
              <Route path="/incontro/:token" element={<PublicWorkshopPage />} />
              {/* The employer's link from the candidate's e-mail: no account. */}
              <Route path="/esito-candidato/:token" element={<PublicCandidateOutcomePage />} />
              <Route path="/" element={guarded(<HomePage />)} />
              {/* Workers and companies: declared before the NAV_AREAS placeholders, so they take precedence. */}
              <Route path="/lavoratori" element={guarded(<WorkersPage />)} />
              <Route path="/lavoratori/importa" element={guarded(<WorkerImportPage />, 'workers.import')} />
              <Route path="/lavoratori/nuovo" element={guarded(<WorkerFormPage />, 'workers.edit')} />
              <Route path="/lavoratori/:id" element={guarded(<WorkerPage />)} />
              <Route path="/lavoratori/:id/modifica" element={guarded(<WorkerFormPage />, 'workers.edit')} />
              <Route path="/lavoratori/:id/profilo" element={guarded(<ProfilePage />)} />
              <Route path="/lavoratori/:id/piano" element={guarded(<PlanPage />, 'plans.work')} />
              <Route path="/lavoratori/:id/cv" element={guarded(<CvPage />, 'cvs.read')} />
              <Route path="/lavoratori/:id/profilo/importa-cv" element={guarded(<CvImportPage />, 'cv.import')} />
              <Route path="/aziende" element={guarded(<CompaniesPage />)} />
              <Route path="/aziende/nuova" element={guarded(<CompanyFormPage />, 'companies.manage')} />
              <Route path="/aziende/:id" element={guarded(<CompanyPage />)} />
              <Route path="/aziende/:id/modifica" element={guarded(<CompanyFormPage />, 'companies.manage')} />
              <Route path="/aziende-che-assumono" element={guarded(<EmployersPage />)} />
              <Route path="/aziende-che-assumono/nuova" element={guarded(<EmployerFormPage />, 'employers.manage')} />
              <Route path="/aziende-che-assumono/:id" element={guarded(<EmployerPage />)} />
              <Route path="/aziende-che-assumono/:id/modifica" element={guarded(<EmployerFormPage />, 'employers.manage')} />
              <Route path="/programmi" element={guarded(<ProgrammesPage />)} />
              <Route path="/programmi/nuovo" element={guarded(<ProgrammeFormPage />, 'programmes.manage')} />
              <Route path="/programmi/:id" element={guarded(<ProgrammePage />)} />
              <Route path="/programmi/:id/modifica" element={guarded(<ProgrammeFormPage />, 'programmes.manage')} />
              <Route path="/report" element={guarded(<DashboardPage />, 'reports.read')} />
              <Route path="/report/servizi" element={guarded(<ServiceTotalsPage />, 'reports.read')} />
              <Route path="/centralino" element={guarded(<HotlinePage />, 'hotline.use')} />
              <Route path="/contatti" element={guarded(<CampaignsPage />, 'outreach.manage')} />
              <Route path="/agenda" element={guarded(<AgendaPage />, 'agenda.use')} />
              <Route path="/agenda/disponibilita" element={guarded(<AvailabilityPage />, 'agenda.use')} />
              <Route path="/agenda/messaggi" element={guarded(<MessageTemplatesPage />, 'agenda.use')} />
              <Route path="/agenda/incontri" element={guarded(<WorkshopsPage />, 'agenda.use')} />
              <Route path="/agenda/incontri/:id" element={guarded(<WorkshopPage />, 'agenda.use')} />
              <Route path="/formazione" element={guarded(<CataloguePage />)} />
              <Route path="/formazione/corsi/nuovo" element={guarded(<CourseFormPage />, 'training.manage')} />
              <Route path="/formazione/corsi/:id" element={guarded(<CoursePage />)} />
              <Route path="/formazione/corsi/:id/modifica" element={guarded(<CourseFormPage />, 'training.manage')} />
              <Route path="/formazione/enti" element={guarded(<ProvidersPage />, 'training.manage')} />
              <Route path="/formazione/importa" element={guarded(<CatalogueImportPage />, 'training.manage')} />
              <Route path="/offerte" element={guarded(<VacanciesPage />)} />
              <Route path="/offerte/bacheca" element={guarded(<VacancyBoardPage />)} />
              <Route path="/offerte/nuova" element={guarded(<VacancyFormPage />, 'vacancies.write')} />
              <Route path="/offerte/:id" element={guarded(<VacancyPage />)} />
              <Route path="/offerte/:id/candidati" element={guarded(<VacancyCandidatesPage />, 'candidates.search')} />
              <Route path="/offerte/:id/modifica" element={guarded(<VacancyFormPage />, 'vacancies.write')} />
              <Route path="/assunzioni/verifiche" element={guarded(<FollowUpsPage />, 'placements.work')} />
              <Route path="/assunzioni/:id" element={guarded(<PlacementPage />, 'placements.work')} />
              {NAV_AREAS.map((area) => (
                <Route key={area.path} path={area.path} element={guarded(<ComingSoonPage area={area.key} />)} />
              ))}
              <Route path="/amministrazione" element={guarded(<AdminHomePage />)} />
              <Route path="/amministrazione/sedi" element={guarded(<OfficesPage />, 'offices.manage')} />
              <Route path="/amministrazione/sedi/:id" element={guarded(<OfficeEditPage />, 'offices.manage')} />
              <Route path="/amministrazione/personale" element={guarded(<StaffPage />, 'staff.manage')} />
              <Route path="/amministrazione/personale/nuovo" element={guarded(<StaffNewPage />, 'staff.manage')} />
              <Route path="/amministrazione/personale/:id" element={guarded(<StaffEditPage />, 'staff.manage')} />
              <Route path="/amministrazione/registro" element={guarded(<AuditPage />, 'audit.read')} />
              <Route path="/amministrazione/traduzioni-competenze" element={guarded(<SkillLabelsPage />, 'skillLabels.manage')} />
              <Route path="/amministrazione/minimi-ccnl" element={guarded(<CcnlMinimumsPage />, 'ccnlMinimums.manage')} />
              <Route path="/avvisi" element={guarded(<NoticesPage />)} />
              <Route path="/account/password" element={guarded(<ChangePasswordPage />)} />
              <Route path="/dati-di-riferimento" element={guarded(<ReferenceDataPage />)} />
              <Route path="/informazioni" element={<AboutPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </AppLayout>
        </NoticeProvider>
      </SessionProvider>
    </BrowserRouter>
  );
}
