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
import { HomePage } from './pages/home-page';
import { SignInPage } from './pages/sign-in-page';
import { SessionProvider, useSession } from './session/session-context';

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
              <Route path="/" element={guarded(<HomePage />)} />
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
              <Route path="/account/password" element={guarded(<ChangePasswordPage />)} />
              <Route path="/informazioni" element={<AboutPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </AppLayout>
        </NoticeProvider>
      </SessionProvider>
    </BrowserRouter>
  );
}
