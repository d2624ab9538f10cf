import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECIPIENT_STATUSES, type Campaign } from '../../../shared/schemas/outreach.schema';
import { campaignEndpoints } from '../../../shared/api/outreach.endpoints';
import { call } from '../../api/client';
import { SelectField } from '../../components/text-field';
import { formatDateTime } from '../../i18n/i18n';

type Recipient = {
  id: string;
  name: string;
  cigsEndDate: string | null;
  status: string;
  remindersSent: number;
  lastMessageAt: string | null;
};

/** A campaign's recipients, most urgent first, filterable by outreach status. */
export function RecipientsPanel({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const [data, setData] = useState<{ items: Recipient[]; total: number } | null>(null);
  useEffect(() => {
    call(campaignEndpoints.recipients, {
      params: { id: campaign.id },
      query: { limit: 100, status: (status || undefined) as (typeof RECIPIENT_STATUSES)[number] | undefined },
    }).then(setData, () => setData(null));
  }, [campaign.id, campaign.counts, status]);
  return (
    <section aria-labelledby="recipients-title" className="mt-4">
      <h2 id="recipients-title" className="h4">
        {t('outreach.recipientsOf', { name: campaign.name })}
      </h2>
      <SelectField
        className="col-md-4"
        label={t('outreach.filter')}
        value={status}
        onChange={setStatus}
        options={[
          { value: '', label: t('outreach.all') },
          ...RECIPIENT_STATUSES.map((s) => ({ value: s, label: `${t(`outreach.recipientStatus.${s}`)} (${campaign.counts[s]})` })),
        ]}
      />
      {data && (
        <div className="table-responsive">
          <table className="table table-sm align-middle">
            <caption>{t('outreach.shown', { shown: data.items.length, total: data.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outreach.rcol.name')}</th>
                <th scope="col">{t('outreach.rcol.cigsEnd')}</th>
                <th scope="col">{t('outreach.rcol.status')}</th>
                <th scope="col">{t('outreach.rcol.reminders')}</th>
                <th scope="col">{t('outreach.rcol.last')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.name}</th>
                  <td>{r.cigsEndDate?.split('-').reverse().join('/') ?? '—'}</td>
                  <td>{t(`outreach.recipientStatus.${r.status}`)}</td>
                  <td>{r.remindersSent}</td>
                  <td>{formatDateTime(r.lastMessageAt) || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
