import { useTranslation } from 'react-i18next';
import type { EnrolmentMove } from '../../../shared/schemas/training.schema';

const dateTime = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'it-IT', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Rome',
  }).format(new Date(iso));

export interface LoggedMove extends EnrolmentMove {
  /** Named when the log mixes several workers (the course page). */
  workerName?: string;
}

/** An enrolment log: each move with when, from and to, who made it (or the system) and why; oldest first. */
export function EnrolmentLog({ moves, caption }: { moves: readonly LoggedMove[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const withWorker = moves.some((m) => m.workerName !== undefined);
  if (moves.length === 0) return <p>{t('training.log.none')}</p>;
  return (
    <div className="table-responsive" tabIndex={0} role="region" aria-label={caption}>
      <table className="table table-sm">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('training.log.when')}</th>
            {withWorker && <th scope="col">{t('training.detail.worker')}</th>}
            <th scope="col">{t('training.log.move')}</th>
            <th scope="col">{t('training.log.who')}</th>
            <th scope="col">{t('training.log.why')}</th>
          </tr>
        </thead>
        <tbody>
          {moves.map((m, i) => (
            <tr key={`${m.at}-${m.workerName ?? ''}-${i}`}>
              <td>{dateTime(m.at, i18n.language)}</td>
              {withWorker && <td>{m.workerName}</td>}
              <td>
                {m.from ? `${t(`training.state.${m.from}`)} → ` : ''}
                {t(`training.state.${m.to}`)}
              </td>
              <td>{m.actorName ?? t('training.log.system')}</td>
              <td>{m.reason || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
