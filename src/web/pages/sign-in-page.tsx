import { Button, Card, CardBody } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ProblemAlert } from '../components/problem-alert';
import { PageTitle } from '../components/page-title';
import { TextField } from '../components/text-field';
import { useSession } from '../session/session-context';

export function SignInPage() {
  const { t } = useTranslation();
  const { session, signIn, starting } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (session) return <Navigate to={(location.state as { from?: string } | null)?.from ?? '/'} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
      navigate((location.state as { from?: string } | null)?.from ?? '/', { replace: true });
    } catch (err) {
      setError(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="sign-in-card shadow-sm">
      <CardBody>
        <PageTitle lead={t('signIn.intro')}>{t('signIn.title')}</PageTitle>
        {starting && (
          <div className="alert alert-info" role="status">
            {t('signIn.starting')}
          </div>
        )}
        <ProblemAlert error={error} />
        <form onSubmit={submit} noValidate>
          <TextField label={t('signIn.email')} type="email" autoComplete="username" required value={email} onChange={setEmail} />
          <TextField
            label={t('signIn.password')}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={setPassword}
          />
          <Button color="primary" type="submit" disabled={busy} className="w-100">
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </Button>
        </form>
        <p className="small mt-4 mb-1">{t('signIn.spidSoon')}</p>
        <p className="small text-muted mb-0">{t('signIn.demoHint')}</p>
      </CardBody>
    </Card>
  );
}
