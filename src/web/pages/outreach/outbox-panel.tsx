import { Badge, Button } from 'design-react-kit';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign, OutboxMessage } from '../../../shared/schemas/outreach.schema';
import { campaignEndpoints } from '../../../shared/api/outreach.endpoints';
import { call } from '../../api/client';
import { useNotice } from '../../components/notice';
import { ProblemAlert } from '../../components/problem-alert';
import { formatDateTime } from '../../i18n/i18n';

type Outcome = 'registered' | 'declined' | 'unreachable';
const OUTCOMES: readonly Outcome[] = ['registered', 'declined', 'unreachable'];

/** The outcomes a recipient's state allows (the server's recipient state machine: recipient-states.ts). */
function allowedOutcomes(status: OutboxMessage['recipientStatus']): Outcome[] {
  if (status === 'registered') return [];
  if (status === 'declined' || status === 'unreachable') return ['registered'];
  return [...OUTCOMES];
}

/**
 * The outbox of a campaign: each message exactly as it went out (or was recorded in the local
 * outbox when no real transport is configured), per recipient, and the recipient's outcome,
 * recordable by hand (a reply by phone, a letter come back).
 */
export function OutboxPanel({ campaign, onChanged }: { campaign: Campaign; onChanged(): void }) {
  const { t } = useTranslation();
  const { show } = useNotice();
  const [data, setData] = useState<{ items: OutboxMessage[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const load = useCallback(() => {
    call(campaignEndpoints.outbox, { params: { id: campaign.id }, query: { limit: 100 } }).then(setData, setError);
  }, [campaign.id]);
  useEffect(load, [load]);

  async function record(m: OutboxMessage, outcome: Outcome) {
    setError(null);
    try {
      await call(campaignEndpoints.setRecipientStatus, {
        params: { id: campaign.id, recipientId: m.recipientId },
        body: { status: outcome },
      });
      show('success', t('outreach.outcomeSaved', { name: m.workerName, outcome: t(`outreach.recipientStatus.${outcome}`) }));
      load();
      onChanged();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section aria-labelledby="outbox-title" className="mt-4">
      <h2 id="outbox-title" ref={heading} tabIndex={-1} className="h4">
        {t('outreach.outboxOf', { name: campaign.name })}
      </h2>
      <ProblemAlert error={error} />
      {data && (
        <div className="table-responsive">
          <table className="table table-sm align-top">
            <caption>{t('outreach.outboxCaption', { shown: data.items.length, total: data.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outreach.ocol.recipient')}</th>
                <th scope="col">{t('outreach.ocol.to')}</th>
                <th scope="col">{t('outreach.ocol.message')}</th>
                <th scope="col">{t('outreach.ocol.sent')}</th>
                <th scope="col">{t('outreach.ocol.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.workerName}</th>
                  <td className="text-nowrap">{m.to}</td>
                  <td>
                    {m.subject && <p className="fw-semibold mb-1">{m.subject}</p>}
                    {/* The text as sent, line breaks kept. */}
                    <p className="mb-0" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {m.body}
                    </p>
                  </td>
                  <td className="small">
                    <Badge color={m.status === 'failed' ? 'danger' : m.status === 'sent' ? 'success' : 'secondary'}>
                      {t(`outreach.messageStatus.${m.status}`)}
                    </Badge>
                    <div>{formatDateTime(m.sentAt ?? m.createdAt)}</div>
                    <div className="text-muted">{m.transport}</div>
                    {m.error && <div className="text-danger">{m.error}</div>}
                  </td>
                  <td>
                    <p className="mb-1">{t(`outreach.recipientStatus.${m.recipientStatus}`)}</p>
                    <div className="d-flex flex-wrap gap-1">
                      {allowedOutcomes(m.recipientStatus).map((o) => (
                        <Button
                          key={o}
                          size="sm"
                          color="secondary"
                          outline
                          onClick={() => void record(m, o)}
                          aria-label={t('outreach.record', { outcome: t(`outreach.recipientStatus.${o}`), name: m.workerName })}
                        >
                          {t(`outreach.recipientStatus.${o}`)}
                        </Button>
                      ))}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
