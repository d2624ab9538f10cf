import { Button } from 'design-react-kit';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../components/charts/scroll-region';
import type { Enrollment } from '../../../shared/schemas/programmes.schema';
import { programmeEndpoints } from '../../../shared/api/programmes.endpoints';
import { call } from '../../api/client';
import { formatDateTime } from '../../i18n/i18n';
import { ProblemAlert } from '../../components/problem-alert';
import { Dialog } from '../../components/dialog';

export type Move = { enrollment: Enrollment; option: Enrollment['allowed'][number] };

export function TransitionDialog({
  move,
  onDone,
  onClose,
}: {
  move: Move;
  onDone(result: { promoted: Array<{ workerId: string }> }): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const reasonId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = reason.trim() ? { to: move.option.to, reason: reason.trim() } : { to: move.option.to };
      onDone(await call(programmeEndpoints.transition, { params: { id: move.enrollment.id }, body }));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={t('programmes.moveTitle', { action: t(`programmes.actions.${move.option.action}`), name: move.enrollment.workerName })}
      onClose={onClose}
    >
      <form onSubmit={submit}>
        <p>
          {t(`programmes.states.${move.enrollment.state}`)} → <strong>{t(`programmes.states.${move.option.to}`)}</strong>
        </p>
        <ProblemAlert error={error} />
        <div className="mb-3">
          <label htmlFor={reasonId} className="form-label-static">
            {t('programmes.reasonLabel')}
            {move.option.reasonRequired ? <span aria-hidden="true"> *</span> : ` (${t('programmes.reasonOptional')})`}
          </label>
          <textarea
            id={reasonId}
            className="form-control"
            rows={3}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required={move.option.reasonRequired}
            aria-describedby={move.option.reasonRequired ? `${reasonId}-h` : undefined}
          />
          {move.option.reasonRequired && (
            <small id={`${reasonId}-h`} className="form-text">
              {t('programmes.reasonRequired')}
            </small>
          )}
        </div>
        <div className="d-flex gap-2 justify-content-end">
          <Button color="secondary" outline type="button" onClick={onClose}>
            {t('programmes.cancel')}
          </Button>
          <Button color="primary" type="submit" disabled={busy || (move.option.reasonRequired && reason.trim() === '')}>
            {t('programmes.confirm')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

interface LogEntry {
  id: number;
  from: string | null;
  to: string;
  at: string;
  actorName: string | null;
  reason: string;
  channel: string | null;
}

export function HistoryDialog({ enrollment, onClose }: { enrollment: Enrollment; onClose(): void }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<LogEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    call(programmeEndpoints.transitionLog, { params: { id: enrollment.id } }).then((r) => setItems(r.items), setError);
  }, [enrollment.id]);
  return (
    <Dialog title={t('programmes.historyOf', { name: enrollment.workerName })} onClose={onClose}>
      <ProblemAlert error={error} />
      {items && (
        <ScrollRegion label={t('programmes.historyCaption')}>
          <table className="table table-sm">
            <caption className="visually-hidden">{t('programmes.historyCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('programmes.at')}</th>
                <th scope="col">{t('programmes.to')}</th>
                <th scope="col">{t('programmes.who')}</th>
                <th scope="col">{t('programmes.why')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((l) => (
                <tr key={l.id}>
                  <td>{formatDateTime(l.at)}</td>
                  <td>
                    {l.from ? `${t(`programmes.states.${l.from}`)} → ` : ''}
                    {t(`programmes.states.${l.to}`)}
                  </td>
                  <td>{l.actorName ?? t('programmes.system')}</td>
                  <td>{l.reason || (l.channel ? t(`programmes.channels.${l.channel}`) : '—')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <div className="text-end">
        <Button color="primary" outline onClick={onClose}>
          {t('programmes.close')}
        </Button>
      </div>
    </Dialog>
  );
}
