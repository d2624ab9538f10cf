import { Button } from 'design-react-kit';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Callback, HotlineStatus, IntakeResponse, WorkerCandidate } from '../../../shared/schemas/outreach.schema';
import { hotlineEndpoints } from '../../../shared/api/outreach.endpoints';
import { call } from '../../api/client';
import { useNotice } from '../../components/notice';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { TextField } from '../../components/text-field';
import { useSession } from '../../session/session-context';
import { CallbackQueue } from './callback-queue';
import { HotlineStatusPanel } from './hotline-status';
import { HoursEditor } from './hours-editor';

const EMPTY = { name: '', phone: '', codiceFiscale: '', birthDate: '', company: '' };
type Caller = typeof EMPTY;
const NEW = 'new';

function matchBody(c: Caller) {
  return { name: c.name.trim(), phone: c.phone.trim(), ...(c.codiceFiscale.trim() && { codiceFiscale: c.codiceFiscale.trim() }), ...(c.birthDate && { birthDate: c.birthDate }) };
}
const keyOf = (c: Caller) => JSON.stringify(matchBody(c));
const searchable = (c: Caller) => c.name.trim().length >= 3 && c.phone.replace(/\D/g, '').length >= 6;

/**
 * The front-office screen: one form (name has the focus, Enter saves), known workers shown
 * inline as the operator types, and the callback queue below. If Enter comes before the matches
 * for what was typed are on screen, the first Enter shows them and the second confirms — so a
 * known worker is never created twice by typing fast.
 */
export function HotlinePage() {
  const { t } = useTranslation();
  const { show } = useNotice();
  const { session, can } = useSession();
  const [status, setStatus] = useState<HotlineStatus | null>(null);
  const [queue, setQueue] = useState<Callback[]>([]);
  const [caller, setCaller] = useState<Caller>(EMPTY);
  const [candidates, setCandidates] = useState<WorkerCandidate[]>([]);
  const [shownKey, setShownKey] = useState('');
  const [choice, setChoice] = useState(NEW);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const officeId = session?.currentOfficeId;

  const reload = useCallback(() => {
    call(hotlineEndpoints.status).then(setStatus, setError);
    call(hotlineEndpoints.callbacks).then((r) => setQueue(r.items), setError);
  }, []);
  useEffect(reload, [reload, officeId]);

  const fetchMatches = useCallback(async (c: Caller) => {
    const r = await call(hotlineEndpoints.matches, { body: matchBody(c) });
    setCandidates(r.candidates);
    setChoice(r.candidates.find((x) => x.inScope)?.id ?? NEW);
    setShownKey(keyOf(c));
    return r.candidates;
  }, []);

  useEffect(() => {
    if (!searchable(caller) || keyOf(caller) === shownKey) return;
    const timer = setTimeout(() => void fetchMatches(caller).catch(() => undefined), 300);
    return () => clearTimeout(timer);
  }, [caller, shownKey, fetchMatches]);

  async function submit(action: 'register' | 'callback', event?: FormEvent) {
    event?.preventDefault();
    setError(null);
    if (busy) return;
    setBusy(true);
    try {
      if (keyOf(caller) !== shownKey) {
        const found = await fetchMatches(caller);
        if (found.length > 0) return; // let the operator see and confirm
      }
      const body = {
        name: caller.name.trim(),
        phone: caller.phone.trim(),
        ...(caller.codiceFiscale.trim() && { codiceFiscale: caller.codiceFiscale.trim() }),
        ...(caller.birthDate && { birthDate: caller.birthDate }),
        ...(caller.company.trim() && { company: caller.company.trim() }),
        ...(choice !== NEW && { workerId: choice }),
        action,
      };
      const result = await call(hotlineEndpoints.recordCall, { body });
      const reasons = result.outcome === 'not_eligible' && result.eligibility ? ` ${result.eligibility.reasons.join('; ')}` : '';
      show(result.outcome === 'not_eligible' ? 'warning' : 'success', `${t(`hotline.outcome.${result.outcome}`, { name: body.name })}${reasons}${result.workerCreated ? ` ${t('hotline.created')}` : ''}`);
      setCaller(EMPTY);
      setCandidates([]);
      setShownKey('');
      setChoice(NEW);
      formRef.current?.querySelector('input')?.focus();
      reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const set = (field: keyof Caller) => (value: string) => setCaller({ ...caller, [field]: value });
  const shown = keyOf(caller) === shownKey;
  const italianDate = (d: string | null) => (d ? d.split('-').reverse().join('/') : '');

  return (
    <>
      <PageTitle lead={t('hotline.lead')}>{t('hotline.title')}</PageTitle>
      {status && <HotlineStatusPanel status={status} />}
      <ProblemAlert error={error} />
      <form ref={formRef} onSubmit={(e) => void submit('register', e)} aria-labelledby="intake-title" noValidate>
        <h2 id="intake-title" className="h4">{t('hotline.form')}</h2>
        <div className="row">
          <TextField className="col-md-6" label={t('hotline.name')} value={caller.name} onChange={set('name')} required autoFocus autoComplete="off" />
          <TextField className="col-md-6" label={t('hotline.phone')} value={caller.phone} onChange={set('phone')} required type="tel" inputMode="tel" autoComplete="off" />
        </div>
        <details className="mb-3">
          <summary>{t('hotline.more')}</summary>
          <div className="row mt-2">
            <TextField className="col-md-4" label={t('hotline.codiceFiscale')} value={caller.codiceFiscale} onChange={set('codiceFiscale')} maxLength={16} autoComplete="off" />
            <TextField className="col-md-4" label={t('hotline.birthDate')} value={caller.birthDate} onChange={set('birthDate')} type="date" />
            <TextField className="col-md-4" label={t('hotline.company')} value={caller.company} onChange={set('company')} autoComplete="off" />
          </div>
        </details>
        {shown && (
          <fieldset className="mb-3" aria-live="polite">
            <legend className="h6">{t('hotline.matches')}</legend>
            {candidates.length === 0 && <p className="mb-1">{t('hotline.noMatches')}</p>}
            {candidates.map((c) => (
              <div className="form-check" key={c.id}>
                <input className="form-check-input" type="radio" name="match" id={`m-${c.id}`} value={c.id} checked={choice === c.id} disabled={!c.inScope} onChange={() => setChoice(c.id)} />
                <label className="form-check-label" htmlFor={`m-${c.id}`}>
                  <strong>{c.firstName} {c.lastName}</strong>
                  {c.inScope ? (
                    <>
                      {c.phone && ` · ${c.phone}`}
                      {c.companyName && ` · ${c.companyName}`}
                      {c.cigsEndDate && ` · ${t('hotline.cigsEnd', { date: italianDate(c.cigsEndDate) })}`}
                    </>
                  ) : (
                    ` · ${t('hotline.otherOffice', { office: c.officeName })}`
                  )}
                  {' · '}
                  <span className="text-muted">{c.matchedOn.map((m) => t(`hotline.matchedOn.${m}`)).join(', ')}</span>
                </label>
              </div>
            ))}
            {candidates.length > 0 && (
              <div className="form-check">
                <input className="form-check-input" type="radio" name="match" id="m-new" value={NEW} checked={choice === NEW} onChange={() => setChoice(NEW)} />
                <label className="form-check-label" htmlFor="m-new">{t('hotline.newWorker', { name: caller.name })}</label>
              </div>
            )}
          </fieldset>
        )}
        <div className="d-flex flex-wrap gap-2">
          <Button color="primary" type="submit" disabled={busy}>{busy ? t('hotline.saving') : t('hotline.register')}</Button>
          <Button color="secondary" outline type="button" disabled={busy} onClick={() => void submit('callback')}>{t('hotline.callbackOnly')}</Button>
        </div>
      </form>
      <CallbackQueue items={queue} onChanged={reload} />
      {status && can('hotline.manage') && <HoursEditor status={status} onSaved={reload} />}
    </>
  );
}
