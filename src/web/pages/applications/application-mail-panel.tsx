import { Alert, Badge, Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applicationEndpoints } from '../../../shared/api/applications.endpoints';
import { APPLICATION_REASONS, type ApplicationDetail, type EmployerMessage } from '../../../shared/schemas/applications.schema';
import { call } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatDateTime } from '../../i18n/i18n';

const STATUS_COLOR: Record<EmployerMessage['status'], string> = {
  sending: 'secondary',
  sent: 'success',
  failed: 'danger',
  no_address: 'warning',
};

/**
 * The employer's side of a sent application: every e-mail sent to the employer (when, to whom,
 * what, whether it left), the answers the employer gave through the outcome link, and — for the
 * office's matchers while the employer's answer is awaited — sending the candidate again.
 */
export function ApplicationMailPanel({ applicationId, onChanged }: { applicationId: string; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const { data, error } = useApiQuery(applicationEndpoints.get, { params: { id: applicationId } }, [applicationId]);
  const [detail, setDetail] = useState<ApplicationDetail | null>(null);
  const [sendError, setSendError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const a = detail ?? data;
  if (!a) return <ProblemAlert error={error} />;
  const resend = async () => {
    setBusy(true);
    setSendError(null);
    setDone('');
    try {
      setDetail(await call(applicationEndpoints.resend, { params: { id: applicationId }, body: { version: a.version } }));
      setDone(t('applications.mail.resent'));
      onChanged();
    } catch (err) {
      setSendError(err);
    } finally {
      setBusy(false);
    }
  };
  const messages = a.employerMessages;
  const answers = a.events.filter((e) => e.kind === 'employer_answer');
  const last = messages.filter((m) => m.kind === 'candidate').at(-1);
  const lastAttempt = last ? messages.filter((m) => m.kind === 'candidate' && m.sequence === last.sequence) : [];
  const what = (m: EmployerMessage) =>
    m.kind === 'candidate'
      ? `${t('applications.mail.kind.candidate')}${m.sequence > 1 ? ` (${t('applications.mail.attempt', { n: m.sequence })})` : ''}`
      : `${t('applications.mail.kind.reminder')} ${t('applications.mail.days', { n: m.sequence })}`;
  return (
    <div className="mt-2 border-top pt-2">
      <h4 className="h6">{t('applications.mail.title')}</h4>
      <div role="status" aria-live="polite">
        {done && <p className="alert alert-success">{done}</p>}
      </div>
      {lastAttempt.some((m) => m.status === 'no_address') && <Alert color="warning">{t('applications.mail.noAddress')}</Alert>}
      {lastAttempt.some((m) => m.status === 'failed') && <Alert color="danger">{t('applications.mail.failedHint')}</Alert>}
      {messages.length === 0 ? (
        <p>{t('applications.mail.none')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm">
            <thead>
              <tr>
                <th scope="col">{t('applications.mail.when')}</th>
                <th scope="col">{t('applications.mail.to')}</th>
                <th scope="col">{t('applications.mail.what')}</th>
                <th scope="col">{t('applications.mail.state')}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m, i) => (
                <tr key={`${m.kind}-${m.sequence}-${m.recipient}-${i}`}>
                  <td>{formatDateTime(m.sentAt ?? m.createdAt)}</td>
                  <td className="text-break">{m.recipient || '—'}</td>
                  <td>
                    {what(m)}
                    {m.attachmentName && <div className="small">{m.attachmentName}</div>}
                  </td>
                  <td>
                    <Badge color={STATUS_COLOR[m.status]}>{t(`applications.mail.status.${m.status}`)}</Badge>
                    {m.status === 'sent' && m.transport === 'outbox' && <div className="small">{t('applications.mail.outbox')}</div>}
                    {m.error && <div className="small text-break">{m.error}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {answers.length > 0 && (
        <>
          <h5 className="h6">{t('applications.mail.answers')}</h5>
          <ul className="list-unstyled">
            {answers.map((e) => (
              <li key={e.at + (e.reasonCode ?? '')} className="mb-1">
                <span className="small">{formatDateTime(e.at)}</span> ·{' '}
                {e.reasonCode === 'wants_interview'
                  ? t('applications.mail.answerInterview')
                  : t('applications.mail.answerRefused', {
                      reason: APPLICATION_REASONS.refusal[e.reasonCode ?? '']?.[lang] ?? e.reasonCode,
                    })}
                {e.note && <div className="small">«{e.note}»</div>}
              </li>
            ))}
          </ul>
        </>
      )}
      <ProblemAlert error={sendError} />
      {a.canResend && (
        <Button size="sm" color="primary" outline disabled={busy} onClick={() => void resend()}>
          {t('applications.mail.resend')}
        </Button>
      )}
    </div>
  );
}
