import { Button } from 'design-react-kit';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Callback, HotlineStatus, WorkerCandidate } from '../../../shared/schemas/outreach.schema';
import { hotlineEndpoints } from '../../../shared/api/outreach.endpoints';
import { call } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { useNotice } from '../../components/notice';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextField } from '../../components/text-field';
import { useSession } from '../../session/session-context';
import { CallbackQueue } from './callback-queue';
import { callOutcomeText } from './call-outcome';
import { HotlineStatusPanel } from './hotline-status';
import { HoursEditor } from './hours-editor';
import { MatchList, NEW, strongMatch } from './match-list';
import { BookButton } from '../agenda/book-button';

const EMPTY = { name: '', phone: '', codiceFiscale: '', birthDate: '', company: '' };
type Caller = typeof EMPTY;
type Action = 'register' | 'callback' | 'handover';

function matchBody(c: Caller) {
  return {
    name: c.name.trim(),
    phone: c.phone.trim(),
    ...(c.codiceFiscale.trim() && { codiceFiscale: c.codiceFiscale.trim() }),
    ...(c.birthDate && { birthDate: c.birthDate }),
  };
}
const keyOf = (c: Caller) => JSON.stringify(matchBody(c));
const searchable = (c: Caller) => c.name.trim().length >= 3 && !/\d/.test(c.name) && c.phone.replace(/\D/g, '').length >= 6;
const isEmpty = (c: Caller) => Object.values(c).every((v) => v === '');

/**
 * The front-office screen: one form (the name has the focus when the screen opens and after each
 * call; Enter saves), known workers shown inline as the operator types, and the callback queue
 * below. If Enter comes before the matches for what was typed are on screen, the first Enter shows
 * them and the second confirms — so a known worker is never created twice by typing fast; a match
 * on the name only must be chosen (or "new worker") explicitly.
 */
export function HotlinePage() {
  const { t } = useTranslation();
  const { show, clear: clearNotice } = useNotice();
  const { session, can } = useSession();
  const [status, setStatus] = useState<HotlineStatus | null>(null);
  const [queue, setQueue] = useState<Callback[]>([]);
  const [caller, setCaller] = useState<Caller>(EMPTY);
  const [candidates, setCandidates] = useState<WorkerCandidate[]>([]);
  const [shownKey, setShownKey] = useState('');
  const [choice, setChoice] = useState(NEW);
  const [choiceError, setChoiceError] = useState('');
  const [programmeId, setProgrammeId] = useState('');
  const [busy, setBusy] = useState(false);
  // The last call recorded for a worker of this office: the front office books the first meeting during the call.
  const [lastCall, setLastCall] = useState<{ callId: string; workerId: string; name: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const officeId = session?.currentOfficeId;

  const focusName = () => formRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  // After the page title took the focus (it does on every navigation): the operator types the name at once.
  useEffect(() => focusName(), []);

  const reload = useCallback(async () => {
    await Promise.all([
      call(hotlineEndpoints.status).then((s) => {
        setStatus(s);
        // The office's default (first) programme unless the operator chose another still open.
        setProgrammeId((current) => (s.programmes.some((p) => p.id === current) ? current : (s.programmes[0]?.id ?? '')));
      }, setError),
      call(hotlineEndpoints.callbacks).then((r) => setQueue(r.items), setError),
    ]);
  }, []);
  useEffect(() => void reload(), [reload, officeId]);

  const fetchMatches = useCallback(async (c: Caller) => {
    const r = await call(hotlineEndpoints.matches, { body: matchBody(c) });
    setCandidates(r.candidates);
    setChoice(r.candidates.length === 0 ? NEW : strongMatch(r.candidates));
    setChoiceError('');
    setShownKey(keyOf(c));
    return r.candidates;
  }, []);

  useEffect(() => {
    if (!searchable(caller) || keyOf(caller) === shownKey) return;
    const timer = setTimeout(() => void fetchMatches(caller).catch(() => undefined), 300);
    return () => clearTimeout(timer);
  }, [caller, shownKey, fetchMatches]);

  async function submit(action: Action, event?: FormEvent, handover?: { candidate: WorkerCandidate; reason: string }) {
    event?.preventDefault();
    setError(null);
    if (busy) return;
    const body = {
      name: caller.name.trim(),
      phone: caller.phone.trim(),
      ...(caller.codiceFiscale.trim() && { codiceFiscale: caller.codiceFiscale.trim() }),
      ...(caller.birthDate && { birthDate: caller.birthDate }),
      ...(caller.company.trim() && { company: caller.company.trim() }),
      action,
    };
    if (!fields.check(hotlineEndpoints.recordCall, body, formRef.current)) return;
    setBusy(true);
    try {
      let target = handover ? handover.candidate.id : choice;
      if (!handover && keyOf(caller) !== shownKey) {
        const found = await fetchMatches(caller);
        if (found.length > 0) return; // let the operator see and confirm
        target = NEW;
      }
      if (!handover && target === '') {
        setChoiceError(t('hotline.chooseMatch'));
        formRef.current?.querySelector<HTMLInputElement>('input[name="match"]')?.focus();
        return;
      }
      const full = {
        ...body,
        ...(target !== NEW && { workerId: target }),
        ...(action === 'register' && programmeId && { programmeId }),
        ...(handover?.reason && { reason: handover.reason }),
      };
      const result = await call(hotlineEndpoints.recordCall, { body: full });
      const notice = callOutcomeText(t, body.name, result);
      show(notice.tone, notice.text);
      setLastCall(result.outcome === 'handed_over' ? null : { callId: result.callId, workerId: result.workerId, name: body.name });
      setCaller(EMPTY);
      setCandidates([]);
      setShownKey('');
      setChoice(NEW);
      setChoiceError('');
      // Each call starts from the office's default programme: a choice made for one caller is not carried to the next.
      setProgrammeId(status?.programmes[0]?.id ?? '');
      fields.clear();
      focusName();
      void reload();
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const set = (field: keyof Caller) => (value: string) => {
    // A new call starts: the previous call's confirmation no longer applies.
    if (isEmpty(caller) && value !== '') clearNotice();
    // A message beside a field is about what was sent: it goes once the operator corrects it.
    if (fields.errors[field]) fields.clear();
    setCaller({ ...caller, [field]: value });
  };
  const shown = keyOf(caller) === shownKey;
  const programmes = status?.programmes ?? [];

  return (
    <>
      <PageTitle lead={t('hotline.lead')}>{t('hotline.title')}</PageTitle>
      {status && <HotlineStatusPanel status={status} />}
      <ProblemAlert error={error} shownBesideFields={fields.errors} />
      <form ref={formRef} onSubmit={(e) => void submit('register', e)} aria-labelledby="intake-title" noValidate>
        <h2 id="intake-title" className="h4">
          {t('hotline.form')}
        </h2>
        <div className="row">
          <TextField
            className="col-md-6"
            label={t('hotline.name')}
            value={caller.name}
            onChange={set('name')}
            error={fields.errors.name}
            required
            autoComplete="off"
          />
          <TextField
            className="col-md-6"
            label={t('hotline.phone')}
            value={caller.phone}
            onChange={set('phone')}
            error={fields.errors.phone}
            required
            type="tel"
            inputMode="tel"
            autoComplete="off"
          />
        </div>
        <details className="mb-3" open={Boolean(fields.errors.codiceFiscale || fields.errors.birthDate) || undefined}>
          <summary>{t('hotline.more')}</summary>
          <div className="row mt-2">
            <TextField
              className="col-md-4"
              label={t('hotline.codiceFiscale')}
              value={caller.codiceFiscale}
              onChange={set('codiceFiscale')}
              error={fields.errors.codiceFiscale}
              maxLength={16}
              autoComplete="off"
            />
            <TextField
              className="col-md-4"
              label={t('hotline.birthDate')}
              value={caller.birthDate}
              onChange={set('birthDate')}
              error={fields.errors.birthDate}
              type="date"
            />
            <TextField
              className="col-md-4"
              label={t('hotline.company')}
              value={caller.company}
              onChange={set('company')}
              error={fields.errors.company}
              autoComplete="off"
            />
          </div>
        </details>
        {programmes.length > 1 && (
          <SelectField
            className="col-md-6"
            label={t('hotline.programme')}
            value={programmeId}
            onChange={setProgrammeId}
            options={programmes.map((p, i) => ({ value: p.id, label: i === 0 ? t('hotline.programmeDefault', { name: p.name }) : p.name }))}
          />
        )}
        {programmes.length === 1 && <p className="mb-3">{t('hotline.programmeOnly', { name: programmes[0]!.name })}</p>}
        {shown && (
          <MatchList
            candidates={candidates}
            callerName={caller.name}
            choice={choice}
            onChoose={(id) => {
              setChoice(id);
              setChoiceError('');
            }}
            error={choiceError}
            busy={busy}
            onHandOver={(candidate, reason) => void submit('handover', undefined, { candidate, reason })}
          />
        )}
        <div className="d-flex flex-wrap gap-2">
          <Button color="primary" type="submit" disabled={busy}>
            {busy ? t('hotline.saving') : t('hotline.register')}
          </Button>
          <Button color="secondary" outline type="button" disabled={busy} onClick={() => void submit('callback')}>
            {t('hotline.callbackOnly')}
          </Button>
        </div>
      </form>
      {lastCall && (
        <div className="mt-3">
          <BookButton
            key={lastCall.callId}
            worker={{ id: lastCall.workerId, name: lastCall.name }}
            bookedVia="hotline"
            sourceId={lastCall.callId}
          />
        </div>
      )}
      <CallbackQueue items={queue} onChanged={reload} />
      {status && can('hotline.manage') && <HoursEditor status={status} onSaved={() => void reload()} />}
    </>
  );
}
