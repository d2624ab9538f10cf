import { Alert, Button, Spinner } from 'design-react-kit';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { setupEndpoints } from '../../shared/api/setup.endpoints';
import type { ResponseOf } from '../../shared/api/endpoint';
import { ApiError, call } from '../api/client';
import { fieldErrorsFromProblem, validateBody, type FieldErrors } from '../api/validate';
import { PageTitle } from '../components/page-title';
import { ProblemAlert } from '../components/problem-alert';
import { TextField } from '../components/text-field';

type Phase = 'checking' | 'open' | 'closed' | 'done';

/**
 * A real installation's first access (no account, no demo): the network, its first office and
 * its administrator, created once through the one-time link printed at the first start.
 */
export function SetupPage() {
  const { t } = useTranslation();
  // The token is after `#` in the link `serve` prints: never sent to the server as part of a URL.
  const location = useLocation();
  const navigate = useNavigate();
  const token = location.hash.replace(/^#/, '');
  const [phase, setPhase] = useState<Phase>(token ? 'checking' : 'closed');
  const [problem, setProblem] = useState<unknown>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ResponseOf<typeof setupEndpoints.complete> | null>(null);
  const [networkName, setNetworkName] = useState('');
  const [officeCode, setOfficeCode] = useState('');
  const [officeName, setOfficeName] = useState('');
  const [comune, setComune] = useState('');
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');

  useEffect(() => {
    if (!token) {
      setPhase((current) => (current === 'done' ? current : 'closed'));
      return;
    }
    setPhase('checking');
    setProblem(null);
    const controller = new AbortController();
    call(setupEndpoints.check, { body: { token }, signal: controller.signal })
      .then(() => setPhase('open'))
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setProblem(err);
        setPhase('closed');
      });
    return () => controller.abort();
  }, [token]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const body = {
      token,
      network: { name: networkName },
      office: { code: officeCode, name: officeName, comune },
      admin: { fullName, email, password },
    };
    const checked = validateBody(setupEndpoints.complete, body);
    const errors: FieldErrors = checked.ok ? {} : { ...checked.errors };
    if (password !== confirm) errors['admin/confirm'] = t('setup.mismatch');
    setFields(errors);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    try {
      const created = await call(setupEndpoints.complete, { body });
      setResult(created);
      setPhase('done');
      // The link has done its work: keep it out of the address bar and the history.
      navigate(location.pathname, { replace: true });
    } catch (err) {
      setFields(fieldErrorsFromProblem(err));
      setProblem(err);
      if (err instanceof ApiError && (err.status === 409 || err.status === 403)) setPhase('closed');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="col-lg-8 px-0">
      <PageTitle lead={phase === 'open' ? t('setup.lead') : undefined}>{t('setup.title')}</PageTitle>
      {phase === 'checking' && <Spinner active label={t('setup.checking')} />}
      {phase === 'closed' && (
        <>
          {problem ? <ProblemAlert error={problem} /> : <Alert color="warning">{t('setup.noToken')}</Alert>}
          <Link to="/accesso">{t('setup.goToSignIn')}</Link>
        </>
      )}
      {phase === 'done' && result && (
        <>
          <Alert color="success" role="status">
            {t('setup.done', { network: result.networkName, office: result.officeCode, email: result.email })}
          </Alert>
          <Link className="btn btn-primary" to="/accesso">
            {t('setup.goToSignIn')}
          </Link>
        </>
      )}
      {phase === 'open' && (
        <form onSubmit={submit} noValidate>
          <ProblemAlert error={problem} shownBesideFields={fields} />
          <fieldset className="mb-4">
            <legend className="h4">{t('setup.network')}</legend>
            <TextField
              label={t('setup.networkName')}
              required
              value={networkName}
              onChange={setNetworkName}
              help={t('setup.networkNameHelp')}
              error={fields['network/name']}
            />
          </fieldset>
          <fieldset className="mb-4">
            <legend className="h4">{t('setup.office')}</legend>
            <TextField
              label={t('setup.officeCode')}
              required
              value={officeCode}
              onChange={setOfficeCode}
              help={t('setup.officeCodeHelp')}
              error={fields['office/code']}
            />
            <TextField label={t('setup.officeName')} required value={officeName} onChange={setOfficeName} error={fields['office/name']} />
            <TextField
              label={t('setup.comune')}
              required
              value={comune}
              onChange={setComune}
              help={t('setup.comuneHelp')}
              error={fields['office/comune']}
            />
          </fieldset>
          <fieldset className="mb-4">
            <legend className="h4">{t('setup.admin')}</legend>
            <TextField
              label={t('setup.fullName')}
              required
              autoComplete="name"
              value={fullName}
              onChange={setFullName}
              error={fields['admin/fullName']}
            />
            <TextField
              label={t('setup.email')}
              type="email"
              required
              autoComplete="username"
              value={email}
              onChange={setEmail}
              error={fields['admin/email']}
            />
            <TextField
              label={t('setup.password')}
              type="password"
              required
              autoComplete="new-password"
              value={password}
              onChange={setPassword}
              help={t('setup.passwordHelp')}
              error={fields['admin/password']}
            />
            <TextField
              label={t('setup.confirm')}
              type="password"
              required
              autoComplete="new-password"
              value={confirm}
              onChange={setConfirm}
              error={fields['admin/confirm']}
            />
          </fieldset>
          <Button color="primary" type="submit" disabled={busy}>
            {busy ? t('setup.submitting') : t('setup.submit')}
          </Button>
        </form>
      )}
    </div>
  );
}
