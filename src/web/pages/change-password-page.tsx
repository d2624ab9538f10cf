import { Alert, Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { authEndpoints } from '../../shared/api/auth.endpoints';
import { ApiError, call } from '../api/client';
import { useNotice } from '../components/notice';
import { PageTitle } from '../components/page-title';
import { ProblemAlert } from '../components/problem-alert';
import { TextField } from '../components/text-field';
import { useSession } from '../session/session-context';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { session, refresh } = useSession();
  const notice = useNotice();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  // The server's refusal of the new password (too short, published, too easy) stands under the field.
  const newPasswordError = error instanceof ApiError ? error.errors.find((e) => e.path === 'body/newPassword')?.message : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setMismatch(next !== confirm);
    if (next !== confirm) return;
    try {
      await call(authEndpoints.changePassword, { body: { currentPassword: current, newPassword: next } });
      await refresh();
      notice.show('success', t('password.done'));
      navigate('/');
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="col-lg-6 px-0">
      <PageTitle>{t('password.title')}</PageTitle>
      {session?.user.mustChangePassword && <Alert color="warning">{t('password.mustChange')}</Alert>}
      <ProblemAlert error={error} shownBesideFields={newPasswordError ? { newPassword: newPasswordError } : undefined} />
      {mismatch && (
        <Alert color="danger" role="alert">
          {t('password.mismatch')}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('password.current')}
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={setCurrent}
        />
        <TextField
          label={t('password.new')}
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          value={next}
          onChange={setNext}
          help={t('password.help')}
          error={newPasswordError}
        />
        <TextField
          label={t('password.confirm')}
          type="password"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={setConfirm}
        />
        <Button color="primary" type="submit">
          {t('password.submit')}
        </Button>
      </form>
    </div>
  );
}
