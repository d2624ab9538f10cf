import { Alert } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/**
 * Shows an API problem: its detail in the interface language and, for validation, each field's
 * human message (never the field's path). `shownBesideFields` lists the fields whose message the
 * form already shows under the field, so it is not said twice.
 */
export function ProblemAlert({ error, shownBesideFields }: { error: unknown; shownBesideFields?: Record<string, string> }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', t('errors.generic'));
  const others = problem.errors.filter((e) => !shownBesideFields?.[e.path.replace(/^body\//, '')]);
  return (
    <Alert color="danger" role="alert">
      <p className="mb-1">{problem.detail}</p>
      {others.length > 0 && (
        <>
          <p className="mb-1">{t('errors.fieldErrors')}</p>
          <ul className="mb-0">
            {others.map((e) => (
              <li key={`${e.path}:${e.message}`}>{e.message}</li>
            ))}
          </ul>
        </>
      )}
    </Alert>
  );
}
