import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { workerEndpoints } from '../../../shared/api/people.endpoints';
import type { WorkerSummary } from '../../../shared/schemas/people.schema';
import { call } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import { TextField } from '../../components/text-field';

export const workerName = (w: Pick<WorkerSummary, 'firstName' | 'lastName'>) => `${w.lastName} ${w.firstName}`;

/**
 * Finds workers by name, codice fiscale or phone through the workers' list (the same search as
 * the Lavoratori page, so "D'Angelo" and "Nicolò D'Angelo" find the same person) and renders each
 * match with the caller's action beside it. Asks after a pause in typing; an older answer is dropped.
 */
export function WorkerSearch({ action }: { action(worker: WorkerSummary): ReactNode }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<WorkerSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const q = text.trim();
  useEffect(() => {
    if (q.length < 2) {
      setMatches(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      call(workerEndpoints.list, { query: { q, limit: 10 } }).then(
        (r) => {
          if (!live) return;
          setMatches(r.items);
          setError(null);
        },
        (err: unknown) => {
          if (!live) return;
          setMatches([]);
          setError(err);
        },
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  return (
    <div>
      <TextField
        type="search"
        label={t('agenda.workshops.search.label')}
        help={t('agenda.workshops.search.help')}
        value={text}
        onChange={setText}
        autoComplete="off"
      />
      <ProblemAlert error={error} />
      <p role="status" className={matches ? 'small' : 'visually-hidden'}>
        {matches &&
          (matches.length === 0
            ? t('agenda.workshops.search.none', { query: q })
            : t('agenda.workshops.search.found', { count: matches.length }))}
      </p>
      {matches && matches.length > 0 && (
        <ul className="list-unstyled mb-3">
          {matches.map((w) => (
            <li key={w.id} className="d-flex flex-wrap align-items-center justify-content-between gap-2 border-bottom py-2">
              <span>
                <span className="fw-semibold">{workerName(w)}</span>
                <span className="small d-block">{[w.codiceFiscale, w.companyName, w.officeName].filter(Boolean).join(' · ')}</span>
              </span>
              {action(w)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
