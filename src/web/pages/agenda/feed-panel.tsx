import { Button } from 'design-react-kit';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agendaEndpoints } from '../../../shared/api/appointments.endpoints';
import { call } from '../../api/client';
import { useNotice } from '../../components/notice';
import { ProblemAlert } from '../../components/problem-alert';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatDateTime } from '../../i18n/i18n';

/** The signed-in consultant's private iCalendar feed: its address to copy into Outlook or Thunderbird, renewed or revoked. */
export function FeedPanel() {
  const { t } = useTranslation();
  const { show } = useNotice();
  const query = useApiQuery(agendaEndpoints.feed, {}, []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = useId();
  const feed = query.data;

  const act = async (endpoint: typeof agendaEndpoints.renewFeed | typeof agendaEndpoints.revokeFeed, message: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      query.setData(await call(endpoint));
      show('success', message);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    if (!feed?.url) return;
    try {
      await navigator.clipboard.writeText(feed.url);
      show('success', t('agenda.feed.copied'));
    } catch {
      // No clipboard (plain http, or refused): the address is selected for a manual copy.
      const input = document.getElementById(id) as HTMLInputElement | null;
      input?.focus();
      input?.select();
      show('info', t('agenda.feed.copyByHand'));
    }
  };

  return (
    <section aria-labelledby="feed-h" className="mb-5">
      <h2 id="feed-h" className="h4">
        {t('agenda.feed.title')}
      </h2>
      <p>{t('agenda.feed.help')}</p>
      <ProblemAlert error={error ?? query.error} />
      {feed?.url ? (
        <>
          <label htmlFor={id} className="form-label-static">
            {t('agenda.feed.url')}
          </label>
          <input id={id} className="form-control mb-2" readOnly value={feed.url} onFocus={(e) => e.target.select()} />
          {feed.createdAt && <p className="small">{t('agenda.feed.createdAt', { at: formatDateTime(feed.createdAt) })}</p>}
          <div className="d-flex flex-wrap gap-2">
            <Button color="primary" onClick={() => void copy()}>
              {t('agenda.feed.copy')}
            </Button>
            <Button color="primary" outline disabled={busy} onClick={() => void act(agendaEndpoints.renewFeed, t('agenda.feed.renewed'))}>
              {t('agenda.feed.renew')}
            </Button>
            <Button color="danger" outline disabled={busy} onClick={() => void act(agendaEndpoints.revokeFeed, t('agenda.feed.revoked'))}>
              {t('agenda.feed.revoke')}
            </Button>
          </div>
        </>
      ) : (
        feed && (
          <>
            <p>{t('agenda.feed.none')}</p>
            <Button color="primary" disabled={busy} onClick={() => void act(agendaEndpoints.renewFeed, t('agenda.feed.created'))}>
              {t('agenda.feed.create')}
            </Button>
          </>
        )
      )}
    </section>
  );
}
