import { Icon } from 'design-react-kit';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { noticeEndpoints } from '../../shared/api/notices.endpoints';
import { useApiQuery } from '../hooks/use-api-query';
import { NOTICES_CHANGED } from '../pages/notices/notices-events';

/**
 * «Avvisi» in the slim header, beside the language and the account: the unread count, asked again on
 * every page change, every minute and when a notice is marked read (limit 0: counts only, nothing audited). At
 * 360 px only the bell and the count show; the word is for wider screens and for screen readers.
 */
export function NoticesLink() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { data, reload } = useApiQuery(noticeEndpoints.list, { query: { limit: 0 } }, [pathname]);
  useEffect(() => {
    window.addEventListener(NOTICES_CHANGED, reload);
    // A notice written meanwhile (a hire through another office) shows within a minute on a page left open.
    const every = window.setInterval(reload, 60_000);
    return () => {
      window.removeEventListener(NOTICES_CHANGED, reload);
      window.clearInterval(every);
    };
  }, [reload]);
  const unread = data?.unread ?? 0;
  return (
    // The name is the visible text («Avvisi 3», WCAG 2.5.3) followed by «da leggere» for screen readers.
    <NavLink to="/avvisi" className="notices-link text-white text-decoration-none d-inline-flex align-items-center me-2">
      <Icon icon="it-inbox" color="white" size="sm" aria-hidden />
      <span className="d-none d-md-inline ms-1">{t('notices.header')}</span>
      <span className="visually-hidden d-md-none">{t('notices.header')}</span>
      {unread > 0 && (
        <>
          <span className="badge bg-white text-primary ms-1" data-testid="notices-unread">
            {unread > 99 ? '99+' : unread}
          </span>
          <span className="visually-hidden"> {t('notices.headerUnread')}</span>
        </>
      )}
    </NavLink>
  );
}
