import { Alert, Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign, StartPreview } from '../../../shared/schemas/outreach.schema';
import { campaignEndpoints } from '../../../shared/api/outreach.endpoints';
import { call } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { ProblemAlert } from '../../components/problem-alert';
import { formatItalianDate } from '../../../shared/time/rome-date';

/**
 * "Avvia" asks first: the recipients and their count, who is left out and why, the messages (and
 * billed SMS parts) it will send, who has no address, and a warning when the programme is full.
 * Nothing is sent until the operator confirms.
 */
export function StartDialog({ campaign, onStarted, onClose }: { campaign: Campaign; onStarted(updated: Campaign): void; onClose(): void }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<StartPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    call(campaignEndpoints.startPreview, { params: { id: campaign.id } }).then(setPreview, setError);
  }, [campaign.id]);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      onStarted(await call(campaignEndpoints.start, { params: { id: campaign.id } }));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const p = preview;
  const excludedTotal = p ? p.excluded.registered + p.excluded.declined + p.excluded.recentlyReached : 0;
  return (
    <Dialog title={t('outreach.confirmStart.title', { name: campaign.name })} onClose={onClose}>
      <ProblemAlert error={error} />
      {!p && !error && <p role="status">{t('outreach.confirmStart.loading')}</p>}
      {p && (
        <>
          {p.programme?.full && (
            <Alert color="warning">{t('outreach.confirmStart.full', { name: p.programme.name, capacity: p.programme.capacity })}</Alert>
          )}
          {p.programme && !p.programme.full && (
            <p>
              {t('outreach.confirmStart.placesFree', {
                name: p.programme.name,
                free: p.programme.placesFree,
                capacity: p.programme.capacity,
              })}
            </p>
          )}
          <ul>
            <li>
              <strong>{t('outreach.confirmStart.recipients', { count: p.recipients })}</strong>
            </li>
            <li>
              {t(campaign.channel === 'letter' ? 'outreach.confirmStart.letters' : 'outreach.confirmStart.messages', { count: p.messages })}
            </li>
            {p.smsParts !== null && <li>{t('outreach.confirmStart.smsParts', { count: p.smsParts })}</li>}
            {p.unreachable > 0 && <li>{t('outreach.confirmStart.unreachable', { count: p.unreachable })}</li>}
          </ul>
          <h3 className="h6">{t('outreach.confirmStart.excludedTitle')}</h3>
          {excludedTotal === 0 ? (
            <p>{t('outreach.confirmStart.excludedNone')}</p>
          ) : (
            <ul>
              {p.excluded.registered > 0 && <li>{t('outreach.confirmStart.registered', { count: p.excluded.registered })}</li>}
              {p.excluded.declined > 0 && <li>{t('outreach.confirmStart.declined', { count: p.excluded.declined })}</li>}
              {p.excluded.recentlyReached > 0 && (
                <li>{t('outreach.confirmStart.recentlyReached', { count: p.excluded.recentlyReached, days: p.excludeReachedDays })}</li>
              )}
            </ul>
          )}
          {p.recipients === 0 ? (
            <Alert color="info">{t('outreach.confirmStart.empty')}</Alert>
          ) : (
            <>
              <h3 className="h6">{t('outreach.confirmStart.first')}</h3>
              <ol className="small">
                {p.sample.slice(0, 10).map((r) => (
                  <li key={r.workerId}>
                    {r.name}
                    {r.cigsEndDate ? ` — ${formatItalianDate(r.cigsEndDate)}` : ''}
                    {!r.reachable && ` (${t('outreach.confirmStart.noAddress')})`}
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
      <div className="d-flex flex-wrap gap-2 justify-content-end">
        <Button color="secondary" outline type="button" onClick={onClose}>
          {t('outreach.confirmStart.cancel')}
        </Button>
        <Button color="primary" type="button" disabled={!p || p.recipients === 0 || busy} onClick={() => void confirm()}>
          {t('outreach.confirmStart.confirm')}
        </Button>
      </div>
    </Dialog>
  );
}
