import { Badge, Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTEMPT_OUTCOMES, type Callback } from '../../../shared/schemas/outreach.schema';
import { hotlineEndpoints } from '../../../shared/api/outreach.endpoints';
import { call } from '../../api/client';
import { useNotice } from '../../components/notice';
import { ProblemAlert } from '../../components/problem-alert';
import { formatDateTime } from '../../i18n/i18n';

const italianDate = (d: string | null) => (d ? d.split('-').reverse().join('/') : '—');

/** The callback queue: due first, then soonest CIGS end; one outcome select and button per row. */
export function CallbackQueue({ items, onChanged }: { items: Callback[]; onChanged(): void }) {
  const { t } = useTranslation();
  const { show } = useNotice();
  const [outcomes, setOutcomes] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);

  async function record(cb: Callback) {
    setError(null);
    try {
      await call(hotlineEndpoints.recordAttempt, { params: { id: cb.id }, body: { outcome: (outcomes[cb.id] ?? 'no_answer') as (typeof ATTEMPT_OUTCOMES)[number] } });
      show('success', t('hotline.attemptSaved', { name: cb.name }));
      onChanged();
    } catch (err) {
      setError(err);
    }
  }

  const controls = (cb: Callback) => (
    <div className="d-flex gap-2 align-items-center">
      <select
        className="form-select form-select-sm"
        style={{ minWidth: '10rem' }}
        aria-label={t('hotline.attemptFor', { name: cb.name })}
        value={outcomes[cb.id] ?? 'no_answer'}
        onChange={(e) => setOutcomes({ ...outcomes, [cb.id]: e.target.value })}
      >
        {ATTEMPT_OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {t(`hotline.attemptOutcome.${o}`)}
          </option>
        ))}
      </select>
      <Button color="primary" size="sm" onClick={() => void record(cb)} aria-label={`${t('hotline.recordAttempt')}: ${cb.name}`}>
        {t('hotline.recordAttempt')}
      </Button>
    </div>
  );

  return (
    <section aria-labelledby="callbacks-title" className="mt-5">
      <h2 id="callbacks-title" className="h4">
        {t('hotline.queue')} <Badge color="primary">{items.length}</Badge>
      </h2>
      <p className="small text-muted">{t('hotline.rule')}</p>
      <ProblemAlert error={error} />
      {items.length === 0 ? (
        <p>{t('hotline.queueEmpty')}</p>
      ) : (
        <>
        {/* Phones get one card per callback; wider screens the table. */}
        <ul className="list-unstyled d-md-none">
          {items.map((cb) => (
            <li key={cb.id} className="border-bottom py-3">
              <p className="fw-semibold mb-1">{cb.name} {cb.due && <Badge color="danger">{t('hotline.due')}</Badge>}</p>
              <p className="mb-1">{cb.phone ? <a href={`tel:${cb.phone}`}>{cb.phone}</a> : '—'} · {t('hotline.col.cigsEnd')} {italianDate(cb.cigsEndDate)}</p>
              <p className="mb-1 small">{cb.reason} · {t('hotline.col.attempts')}: {cb.attempts} · {formatDateTime(cb.nextAttemptAt)}</p>
              {controls(cb)}
            </li>
          ))}
        </ul>
        <div className="table-responsive d-none d-md-block">
          <table className="table align-middle">
            <caption className="visually-hidden">{t('hotline.queue')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hotline.col.name')}</th>
                <th scope="col">{t('hotline.col.phone')}</th>
                <th scope="col">{t('hotline.col.cigsEnd')}</th>
                <th scope="col">{t('hotline.col.reason')}</th>
                <th scope="col">{t('hotline.col.attempts')}</th>
                <th scope="col">{t('hotline.col.next')}</th>
                <th scope="col">{t('hotline.col.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((cb) => (
                <tr key={cb.id}>
                  <th scope="row">{cb.name}</th>
                  <td>{cb.phone ? <a href={`tel:${cb.phone}`}>{cb.phone}</a> : '—'}</td>
                  <td>{italianDate(cb.cigsEndDate)}</td>
                  <td>{cb.reason}</td>
                  <td>
                    {cb.attempts}
                    {cb.lastOutcome ? ` (${t(`hotline.attemptOutcome.${cb.lastOutcome}`)})` : ''}
                  </td>
                  <td>
                    {formatDateTime(cb.nextAttemptAt)} {cb.due && <Badge color="danger">{t('hotline.due')}</Badge>}
                  </td>
                  <td>{controls(cb)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        </>
      )}
    </section>
  );
}
