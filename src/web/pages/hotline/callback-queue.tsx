import { Badge, Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTEMPT_OUTCOMES, type Callback } from '../../../shared/schemas/outreach.schema';
import { hotlineEndpoints } from '../../../shared/api/outreach.endpoints';
import { call } from '../../api/client';
import { useNotice } from '../../components/notice';
import { ProblemAlert } from '../../components/problem-alert';
import { formatDateTime } from '../../i18n/i18n';
import { BookButton } from '../agenda/book-button';
import { formatPhone } from '../workers/people-format';

const italianDate = (d: string | null) => (d ? d.split('-').reverse().join('/') : '—');
type Outcome = (typeof ATTEMPT_OUTCOMES)[number];

/** The visible one of a row's two renderings (cards below 768 px, the table above). */
function visibleSelect(id: string): HTMLSelectElement | undefined {
  return [...document.querySelectorAll<HTMLSelectElement>(`select[data-callback="${id}"]`)].find((el) => el.offsetParent !== null);
}

/**
 * The callback queue: due first, then soonest CIGS end; one outcome select and button per row.
 * The outcome has no preselected value (an unchosen "no answer" would count as an attempt); after
 * an outcome is recorded the focus goes to the next row, so the operator works down the list.
 */
export function CallbackQueue({ items, onChanged }: { items: Callback[]; onChanged(): Promise<void> }) {
  const { t } = useTranslation();
  const { show } = useNotice();
  const [outcomes, setOutcomes] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<string | null>(null);
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!focusNext) return;
    const target = items.find((i) => i.id === focusNext) ?? items[0];
    (target ? visibleSelect(target.id) : document.getElementById('callbacks-title'))?.focus();
    setFocusNext(null);
  }, [items, focusNext]);

  async function record(cb: Callback) {
    setError(null);
    const outcome = outcomes[cb.id] as Outcome | undefined;
    if (!outcome) {
      setMissing(cb.id);
      visibleSelect(cb.id)?.focus();
      return;
    }
    setMissing(null);
    const index = items.findIndex((i) => i.id === cb.id);
    const next = items[index + 1]?.id ?? items[index - 1]?.id ?? '';
    try {
      const updated = await call(hotlineEndpoints.recordAttempt, { params: { id: cb.id }, body: { outcome } });
      show(
        'success',
        updated.closedAs
          ? t('hotline.attemptClosed', { name: cb.name, closed: t(`hotline.closedAs.${updated.closedAs}`) })
          : t('hotline.attemptSaved', { name: cb.name }),
      );
      setOutcomes(({ [cb.id]: _, ...rest }) => rest);
      await onChanged();
      setFocusNext(next || 'none');
    } catch (err) {
      setError(err);
    }
  }

  const controls = (cb: Callback, where: 'card' | 'row') => (
    <div className="d-flex flex-wrap gap-2 align-items-start">
      <div>
        <select
          className={`form-select form-select-sm${missing === cb.id ? ' is-invalid' : ''}`}
          style={{ minWidth: '10rem' }}
          data-callback={cb.id}
          aria-label={t('hotline.attemptFor', { name: cb.name })}
          aria-invalid={missing === cb.id ? true : undefined}
          aria-describedby={missing === cb.id ? `cb-missing-${where}-${cb.id}` : undefined}
          value={outcomes[cb.id] ?? ''}
          onChange={(e) => {
            setOutcomes({ ...outcomes, [cb.id]: e.target.value });
            setMissing(null);
          }}
        >
          <option value="">{t('hotline.chooseOutcome')}</option>
          {ATTEMPT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`hotline.attemptOutcome.${o}`)}
            </option>
          ))}
        </select>
        {missing === cb.id && (
          <div id={`cb-missing-${where}-${cb.id}`} className="invalid-feedback d-block" role="alert">
            {t('hotline.chooseOutcome')}
          </div>
        )}
      </div>
      <Button color="primary" size="sm" onClick={() => void record(cb)} aria-label={`${t('hotline.recordAttempt')}: ${cb.name}`}>
        {t('hotline.recordAttempt')}
      </Button>
      {cb.workerId && (
        <BookButton
          worker={{ id: cb.workerId, name: cb.name }}
          bookedVia="callback"
          sourceId={cb.id}
          size="sm"
          onBooked={() => void onChanged()}
        >
          {t('agenda.bookShort')}
          <span className="visually-hidden"> {cb.name}</span>
        </BookButton>
      )}
    </div>
  );

  return (
    <section aria-labelledby="callbacks-title" className="mt-5">
      <h2 id="callbacks-title" className="h4" tabIndex={-1}>
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
                <p className="fw-semibold mb-1">
                  {cb.name} {cb.due && <Badge color="danger">{t('hotline.due')}</Badge>}
                </p>
                <p className="mb-1">
                  {cb.phone ? <a href={`tel:${cb.phone}`}>{formatPhone(cb.phone)}</a> : '—'} · {t('hotline.col.cigsEnd')}{' '}
                  {italianDate(cb.cigsEndDate)}
                </p>
                <p className="mb-1 small">
                  {cb.reason} · {t('hotline.col.attempts')}: {cb.attempts} · {formatDateTime(cb.nextAttemptAt)}
                </p>
                {controls(cb, 'card')}
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
                    <td>{cb.phone ? <a href={`tel:${cb.phone}`}>{formatPhone(cb.phone)}</a> : '—'}</td>
                    <td>{italianDate(cb.cigsEndDate)}</td>
                    <td>{cb.reason}</td>
                    <td>
                      {cb.attempts}
                      {cb.lastOutcome ? ` (${t(`hotline.attemptOutcome.${cb.lastOutcome}`)})` : ''}
                    </td>
                    <td>
                      {formatDateTime(cb.nextAttemptAt)} {cb.due && <Badge color="danger">{t('hotline.due')}</Badge>}
                    </td>
                    <td>{controls(cb, 'row')}</td>
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
