import { Alert } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** Shows an API problem: its Italian (or English) detail and, for validation, each field's message. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', t('errors.generic'));
  return (
    <Alert color="danger" role="alert">
      <p className="mb-1">{problem.detail}</p>
      {problem.errors.length > 0 && (
        <>
          <p className="mb-1">{t('errors.fieldErrors')}</p>
          <ul className="mb-0">
            {problem.errors.map((e) => (
              <li key={`${e.path}:${e.message}`}>
                <code>{e.path.replace(/^body\//, '')}</code>: {e.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </Alert>
  );
}
