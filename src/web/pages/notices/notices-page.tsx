import { Badge, Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { noticeEndpoints } from '../../../shared/api/notices.endpoints';
import { officeTag } from '../../../shared/text/office-short-name';
import { call } from '../../api/client';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatDateTime } from '../../i18n/i18n';
import { announceNoticesChanged, noticePath } from './notices-events';

const PAGE = 20;

/** /avvisi: the signed-in member of staff's notices across their offices and roles, newest first. */
export function NoticesPage() {
  const { t, i18n } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [offset, setOffset] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const { data, error, reload } = useApiQuery(
    noticeEndpoints.list,
    { query: { unread: unreadOnly ? 'true' : undefined, limit: PAGE, offset } },
    [unreadOnly, offset],
  );
  const markRead = async (id: string) => {
    try {
      await call(noticeEndpoints.markRead, { params: { id } });
      setFailure(null);
      reload();
      announceNoticesChanged();
    } catch (e) {
      setFailure(e);
    }
  };
  const language = i18n.language === 'en' ? 'en' : 'it';
  return (
    <>
      <PageTitle>{t('notices.title')}</PageTitle>
      <p>{t('notices.intro')}</p>
      <div className="form-check mb-3">
        <input
          id="notices-unread-only"
          type="checkbox"
          className="form-check-input"
          checked={unreadOnly}
          onChange={(e) => {
            setUnreadOnly(e.target.checked);
            setOffset(0);
          }}
        />
        <label htmlFor="notices-unread-only" className="form-check-label">
          {t('notices.unreadOnly')}
        </label>
      </div>
      <ProblemAlert error={error ?? failure} />
      {data && (
        <>
          {/* With nothing at all, one sentence says so; the unread count is for a list that has notices. */}
          {(data.items.length > 0 || data.unread > 0) && <p aria-live="polite">{t('notices.unreadCount', { count: data.unread })}</p>}
          {data.items.length === 0 ? (
            <p>{unreadOnly ? t('notices.noneUnread') : t('notices.none')}</p>
          ) : (
            <ul className="list-unstyled" data-testid="notices-list">
              {data.items.map((n) => (
                <li key={n.id} className={`border-bottom py-3${n.readAt ? '' : ' fw-semibold'}`}>
                  <div className="small text-muted">
                    {formatDateTime(n.createdAt)} · {officeTag(n.officeName)}{' '}
                    {!n.readAt && (
                      <Badge color="primary" className="ms-1">
                        {t('notices.new')}
                      </Badge>
                    )}
                  </div>
                  <p className="mb-2" lang={language}>
                    {n.text[language]}
                  </p>
                  <div className="d-flex flex-wrap gap-2">
                    {n.link && (
                      <Link to={noticePath(n.link)} className="btn btn-outline-primary btn-sm">
                        {t(`notices.open.${n.link.to}`)}
                      </Link>
                    )}
                    {!n.readAt && (
                      <Button color="primary" size="sm" onClick={() => void markRead(n.id)}>
                        {t('notices.markRead')}
                      </Button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
          {data.total > PAGE && (
            <nav aria-label={t('notices.pages')} className="d-flex gap-2 align-items-center">
              <Button color="secondary" outline size="sm" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                {t('notices.previous')}
              </Button>
              <span>{t('notices.range', { from: offset + 1, to: Math.min(offset + PAGE, data.total), total: data.total })}</span>
              <Button color="secondary" outline size="sm" disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
                {t('notices.next')}
              </Button>
            </nav>
          )}
        </>
      )}
    </>
  );
}
