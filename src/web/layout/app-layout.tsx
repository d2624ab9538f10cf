import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NoticeRegion } from '../components/notice';
import { AppHeader } from './app-header';

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      {/*
        First focusable element (WCAG 2.4.1). Written by hand: design-react-kit's <Skiplink> drops its
        children unless in `nav` mode, so the link never reached the page. It moves focus itself,
        since a fragment link only scrolls to an element that cannot take focus.
      */}
      <div className="skiplinks">
        <a
          className="visually-hidden-focusable"
          href="#main"
          onClick={(event) => {
            event.preventDefault();
            const main = document.getElementById('main');
            main?.focus();
            main?.scrollIntoView();
          }}
        >
          {t('app.skipToContent')}
        </a>
      </div>
      <AppHeader />
      <main id="main" className="container app-main" tabIndex={-1}>
        <NoticeRegion />
        {children}
      </main>
      <footer className="it-footer">
        <div className="it-footer-small-prints clearfix">
          <div className="container">
            <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
              <li className="list-inline-item">{t('app.footer')}</li>
              <li className="list-inline-item">
                <Link to="/informazioni">{t('app.about')}</Link>
              </li>
              <li className="list-inline-item">
                <Link to="/dati-di-riferimento">{t('taxonomy.title')}</Link>
              </li>
              <li className="list-inline-item">
                <a href="/api/docs">{t('app.apiDocs')}</a>
              </li>
            </ul>
          </div>
        </div>
      </footer>
    </>
  );
}
