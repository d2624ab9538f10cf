import { Button, Card, CardBody } from 'design-react-kit';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ProblemAlert } from '../components/problem-alert';
import { PageTitle } from '../components/page-title';
import { TextField } from '../components/text-field';
import { useSession } from '../session/session-context';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../shared/schemas/auth.schema';

/**
 * Whether the server runs the demo, from /api/health (its 503 "starting" answer says it too).
 * Anything else — no answer, no field — is not the demo: its accounts are never shown by default.
 */
function useDemoMode(starting: boolean): boolean {
  const [demo, setDemo] = useState(false);
  // Asked again once a starting server is ready: it may learn only then that it runs the demo.
  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/health', { signal: controller.signal, headers: { accept: 'application/json' } })
      .then((response) => response.json() as Promise<{ demo?: unknown }>)
      .then((health) => setDemo(health.demo === true))
      .catch(() => setDemo(false));
    return () => controller.abort();
  }, [starting]);
  return demo;
}

function DemoAccounts() {
  const { t } = useTranslation();
  return (
    <section className="callout note mt-4 mb-0" aria-labelledby="demo-accounts-title">
      <div className="callout-title">
        <h2 id="demo-accounts-title" className="h6 mb-0">
          {t('signIn.demoTitle')}
        </h2>
      </div>
      <p className="small mb-2">
        {t('signIn.demoHint')} <code>{DEMO_PASSWORD}</code>
      </p>
      <ul className="small mb-0 list-unstyled">
        {DEMO_ACCOUNTS.map((account) => (
          <li key={account.email}>
            <code>{account.email}</code> — {t(`roles.${account.role}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function SignInPage() {
  const { t } = useTranslation();
  const { session, signIn, starting } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const demo = useDemoMode(starting);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (session) return <Navigate to={(location.state as { from?: string } | null)?.from ?? '/'} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password, remember);
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
          <div className="form-check mb-4">
            <input
              id="sign-in-remember"
              type="checkbox"
              className="form-check-input"
              checked={remember}
              onChange={(e) => setRemember(e.target.checked)}
              aria-describedby="sign-in-remember-help"
            />
            <label htmlFor="sign-in-remember" className="form-check-label">
              {t('signIn.remember')}
            </label>
            <small id="sign-in-remember-help" className="form-text d-block">
              {t('signIn.rememberHelp')}
            </small>
          </div>
          <Button color="primary" type="submit" disabled={busy} className="w-100">
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </Button>
        </form>
        <p className="small mt-4 mb-0">{t('signIn.spidSoon')}</p>
        {demo && <DemoAccounts />}
      </CardBody>
    </Card>
  );
}
