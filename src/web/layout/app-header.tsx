import {
  Collapse,
  Header,
  HeaderBrand,
  HeaderContent,
  HeaderRightZone,
  HeaderToggler,
  Headers,
  Icon,
  Nav,
  NavItem,
} from 'design-react-kit';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation, useNavigate } from 'react-router';
import { authEndpoints } from '../../shared/api/auth.endpoints';
import { call } from '../api/client';
import { LANGUAGES, setLanguage, type UiLanguage } from '../i18n/i18n';
import { useSession } from '../session/session-context';
import { MenuButton } from '../components/menu-button';
import { useNotice } from '../components/notice';
import { officeTag } from '../../shared/text/office-short-name';
import { NoticesLink } from './notices-link';

/** The work areas; `ready: false` marks one not built yet, shown as "in arrivo", never as a working screen. */
/**
 * The working areas, in the header and on the desk. An area whose screens need a capability is
 * shown only to who has it: a job matcher is not offered the agenda, a consultant not the reports.
 */
export const NAV_AREAS: ReadonlyArray<{ path: string; key: string; ready: boolean; capability?: string }> = [
  { path: '/lavoratori', key: 'workers', ready: true },
  { path: '/aziende', key: 'companies', ready: true },
  { path: '/programmi', key: 'programmes', ready: true },
  { path: '/agenda', key: 'agenda', ready: true, capability: 'agenda.use' },
  { path: '/centralino', key: 'hotline', ready: true, capability: 'hotline.use' },
  { path: '/contatti', key: 'outreach', ready: true, capability: 'outreach.manage' },
  { path: '/formazione', key: 'training', ready: true },
  // The job matcher's area: the vacancies, and the employers that hire, a tab of it (not in the header).
  { path: '/offerte', key: 'vacancies', ready: true },
  { path: '/aziende-che-assumono', key: 'employers', ready: true },
  { path: '/report', key: 'reports', ready: true, capability: 'reports.read' },
];

/** The areas this session may open. */
export function areasFor(can: (capability: string) => boolean) {
  return NAV_AREAS.filter((area) => !area.capability || can(area.capability));
}

/** Areas reached from another one's tabs rather than from the header (ten entries overflow it at 1280 px). */
const UNDER_AREA: Record<string, string> = { '/aziende-che-assumono': '/offerte' };

function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const choose = async (language: UiLanguage) => {
    await setLanguage(language);
    if (session) await call(authEndpoints.preferences, { body: { language } }).catch(() => undefined);
  };
  return (
    <MenuButton
      // The accessible name contains the visible code (WCAG 2.5.3 Label in Name): a voice user says "IT".
      label={t('language.button', { code: i18n.language.toUpperCase() })}
      content={<span lang={i18n.language}>{i18n.language.toUpperCase()}</span>}
      entries={LANGUAGES.map((language) => ({
        key: language,
        lang: language,
        label: t(`language.${language}`),
        current: i18n.language === language,
        onSelect: () => void choose(language),
      }))}
    />
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  if (!session) return null;
  return (
    <MenuButton
      label={t('user.menu', { name: session.user.fullName })}
      content={
        <>
          <Icon icon="it-user" color="white" size="sm" className="me-1" aria-hidden />
          <span className="d-none d-md-inline">{session.user.fullName}</span>
        </>
      }
      entries={[
        { key: 'password', label: t('user.changePassword'), onSelect: () => navigate('/account/password') },
        { key: 'sign-out', label: t('user.signOut'), onSelect: () => void signOut().then(() => navigate('/accesso')) },
      ]}
    />
  );
}

function OfficeSwitcher() {
  const { t } = useTranslation();
  const { session, switchOffice } = useSession();
  const notice = useNotice();
  const id = useId();
  if (!session) return null;
  if (session.offices.length === 0) return <span className="text-white">{t('office.none')}</span>;
  return (
    <div className="office-switcher">
      <label htmlFor={id}>{t('office.switcher')}</label>
      <select
        id={id}
        className="form-select"
        value={session.currentOfficeId ?? ''}
        onChange={async (event) => {
          const office = session.offices.find((o) => o.id === event.target.value);
          await switchOffice(event.target.value);
          if (office) notice.show('success', t('office.switched', { name: office.name }));
        }}
      >
        {session.offices.map((office) => (
          <option key={office.id} value={office.id}>
            {officeTag(office.name)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function AppHeader() {
  const { t } = useTranslation();
  const { session, can } = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const showAdmin = can('staff.manage') || can('offices.manage') || can('audit.read');
  const close = () => setMenuOpen(false);
  const { pathname } = useLocation();
  // The header's entry of an area stays marked on the pages of the areas under it.
  const inSubArea = (path: string) =>
    Object.entries(UNDER_AREA).some(([sub, parent]) => parent === path && (pathname === sub || pathname.startsWith(`${sub}/`)));
  return (
    <Headers shadow sticky={false}>
      <Header type="slim">
        <HeaderContent>
          <HeaderBrand href="/" tag="a">
            {t('app.network')} · {session?.offices.find((o) => o.id === session.currentOfficeId)?.name ?? 'Provincia di Modena'}
          </HeaderBrand>
          <HeaderRightZone>
            {session && session.offices.length > 0 && <NoticesLink />}
            <LanguageMenu />
            <UserMenu />
          </HeaderRightZone>
        </HeaderContent>
      </Header>
      <div className="it-nav-wrapper">
        <Header type="center">
          <HeaderContent>
            <HeaderBrand href="/" iconName="it-pa" iconAlt="">
              <h2>{t('app.name')}</h2>
              <h3 className="d-none d-md-block">{t('app.tagline')}</h3>
            </HeaderBrand>
            <HeaderRightZone>
              <OfficeSwitcher />
            </HeaderRightZone>
          </HeaderContent>
        </Header>
        {session && (
          <Header type="navbar" theme="">
            <HeaderContent expand="lg" megamenu={false} aria-label={t('nav.label')}>
              <HeaderToggler
                aria-controls="main-nav"
                aria-expanded={menuOpen}
                aria-label={t('nav.openMenu')}
                onClick={() => setMenuOpen(!menuOpen)}
              >
                <Icon icon="it-burger" aria-hidden />
              </HeaderToggler>
              <Collapse id="main-nav" isOpen={menuOpen} navbar header onOverlayClick={close} closeSrText={t('nav.closeMenu')}>
                <div className="menu-wrapper">
                  <Nav navbar tag="ul">
                    <NavItem>
                      <NavLink to="/" end className="nav-link" onClick={close}>
                        <span>{t('nav.home')}</span>
                      </NavLink>
                    </NavItem>
                    {areasFor(can)
                      .filter((area) => !(area.path in UNDER_AREA))
                      .map((area) => (
                        <NavItem key={area.path}>
                          {area.ready ? (
                            <NavLink
                              to={area.path}
                              className={({ isActive }) => `nav-link${isActive || inSubArea(area.path) ? ' active' : ''}`}
                              onClick={close}
                            >
                              <span>{t(`nav.${area.key}`)}</span>
                            </NavLink>
                          ) : (
                            // Not a link (an <a> without href has no link role and takes no focus): an area
                            // still to come is named, not offered as a screen; it keeps the menu's styling.
                            <a className="nav-link nav-link-soon" aria-disabled="true">
                              <span>{t(`nav.${area.key}`)}</span>
                              <span className="badge nav-soon-badge ms-2">{t('comingSoon.badge')}</span>
                            </a>
                          )}
                        </NavItem>
                      ))}
                    {showAdmin && (
                      <NavItem>
                        <NavLink to="/amministrazione" className="nav-link" onClick={close}>
                          <span>{t('nav.admin')}</span>
                        </NavLink>
                      </NavItem>
                    )}
                  </Nav>
                </div>
              </Collapse>
            </HeaderContent>
          </Header>
        )}
      </div>
    </Headers>
  );
}
