import { Skiplink, SkiplinkItem } from 'design-react-kit';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NoticeRegion } from '../components/notice';
import { AppHeader } from './app-header';

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <Skiplink>
        <SkiplinkItem href="#main">{t('app.skipToContent')}</SkiplinkItem>
      </Skiplink>
      <AppHeader />
      <main id="main" className="container app-main">
        <NoticeRegion />
        {children}
      </main>
      <footer className="it-footer">
        <div className="it-footer-small-prints clearfix">
          <div className="container">
            <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
              <li className="list-inline-item">{t('app.footer')}</li>
              <li className="list-inline-item"><Link to="/informazioni">{t('app.about')}</Link></li>
              <li className="list-inline-item"><Link to="/dati-di-riferimento">{t('taxonomy.title')}</Link></li>
              <li className="list-inline-item"><a href="/api/docs">{t('app.apiDocs')}</a></li>
            </ul>
          </div>
        </div>
      </footer>
    </>
  );
}
