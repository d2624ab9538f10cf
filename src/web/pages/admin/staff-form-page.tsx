import { Alert, Button } from 'design-react-kit';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Office } from '../../../shared/schemas/office.schema';
import type { RoleAssignment, StaffAccount } from '../../../shared/schemas/staff.schema';
import { officeEndpoints, staffEndpoints } from '../../../shared/api/staff.endpoints';
import { call } from '../../api/client';
import { useNotice } from '../../components/notice';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { TextField } from '../../components/text-field';
import { RoleGrid } from './role-grid';

function TemporaryPassword({ password }: { password: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="info">
      <p className="mb-2">{t('staff.tempPasswordIntro')}</p>
      <p className="temp-password mb-0" data-testid="temporary-password">
        {password}
      </p>
    </Alert>
  );
}

function useOffices() {
  const [offices, setOffices] = useState<Office[]>([]);
  useEffect(() => {
    call(officeEndpoints.list).then(
      (r) => setOffices(r.items),
      () => setOffices([]),
    );
  }, []);
  return offices;
}

export function StaffNewPage() {
  const { t } = useTranslation();
  const offices = useOffices();
  const notice = useNotice();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [fullName, setFullName] = useState('');
  const [roles, setRoles] = useState<RoleAssignment[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<{ account: StaffAccount; temporaryPassword?: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const result = await call(staffEndpoints.create, { body: { email, fullName, roles } });
      setCreated(result);
      notice.show('success', t('staff.created'));
    } catch (err) {
      setError(err);
    }
  };

  if (created) {
    return (
      <>
        <PageTitle>{created.account.fullName}</PageTitle>
        {created.temporaryPassword && <TemporaryPassword password={created.temporaryPassword} />}
        <Button color="primary" onClick={() => navigate('/amministrazione/personale')}>
          {t('staff.back')}
        </Button>
      </>
    );
  }
  return (
    <>
      <p>
        <Link to="/amministrazione/personale">← {t('staff.back')}</Link>
      </p>
      <PageTitle>{t('staff.createTitle')}</PageTitle>
      <ProblemAlert error={error} />
      <form onSubmit={submit} noValidate>
        <div className="row">
          <TextField className="col-md-6" label={t('staff.name')} required autoComplete="off" value={fullName} onChange={setFullName} />
          <TextField
            className="col-md-6"
            label={t('staff.email')}
            type="email"
            required
            autoComplete="off"
            value={email}
            onChange={setEmail}
          />
        </div>
        <RoleGrid offices={offices} value={roles} onChange={setRoles} />
        <Button color="primary" type="submit">
          {t('staff.create')}
        </Button>
      </form>
    </>
  );
}

export function StaffEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const offices = useOffices();
  const notice = useNotice();
  const [account, setAccount] = useState<StaffAccount | null>(null);
  const [fullName, setFullName] = useState('');
  const [roles, setRoles] = useState<RoleAssignment[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);

  const load = (a: StaffAccount) => {
    setAccount(a);
    setFullName(a.fullName);
    setRoles(a.roles);
  };
  useEffect(() => {
    call(staffEndpoints.get, { params: { id: id! } }).then(load, setError);
  }, [id]);

  if (!account) return <ProblemAlert error={error} />;

  const run = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      load(await call(staffEndpoints.update, { params: { id: account.id }, body: { fullName, roles } }));
      notice.show('success', t('staff.saved'));
    });
  };
  const toggleDisabled = () =>
    run(async () => {
      if (!account.disabled && !window.confirm(t('staff.confirmDisable', { name: account.fullName }))) return;
      load(await call(account.disabled ? staffEndpoints.enable : staffEndpoints.disable, { params: { id: account.id } }));
      notice.show('success', account.disabled ? t('staff.enabledDone') : t('staff.disabledDone'));
    });
  const reset = () =>
    run(async () => {
      const result = await call(staffEndpoints.resetPassword, { params: { id: account.id } });
      setTemporaryPassword(result.temporaryPassword);
      notice.show('success', t('staff.resetDone'));
    });

  return (
    <>
      <p>
        <Link to="/amministrazione/personale">← {t('staff.back')}</Link>
      </p>
      <PageTitle lead={account.email}>{t('staff.editTitle', { name: account.fullName })}</PageTitle>
      <ProblemAlert error={error} />
      {temporaryPassword && <TemporaryPassword password={temporaryPassword} />}
      <form onSubmit={save} noValidate>
        <TextField className="col-md-6 px-0" label={t('staff.name')} required value={fullName} onChange={setFullName} />
        <RoleGrid offices={offices} value={roles} onChange={setRoles} />
        <div className="d-flex flex-wrap gap-2">
          <Button color="primary" type="submit">
            {t('staff.save')}
          </Button>
          <Button color="secondary" outline type="button" onClick={() => void reset()}>
            {t('staff.resetPassword')}
          </Button>
          <Button color={account.disabled ? 'success' : 'danger'} outline type="button" onClick={() => void toggleDisabled()}>
            {account.disabled ? t('staff.enable') : t('staff.disable')}
          </Button>
        </div>
      </form>
    </>
  );
}
