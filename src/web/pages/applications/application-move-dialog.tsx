import { Button } from 'design-react-kit';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { applicationEndpoints } from '../../../shared/api/applications.endpoints';
import { cvEndpoints } from '../../../shared/api/cv.endpoints';
import { vacancyEndpoints } from '../../../shared/api/vacancies.endpoints';
import {
  APPLICATION_REASONS,
  pickableReasons,
  type ApplicationActionName,
  type ApplicationSummary,
  type ReasonList,
} from '../../../shared/schemas/applications.schema';
import { CONTRACT_TYPES } from '../../../shared/schemas/vacancies.schema';
import { call } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { Dialog } from '../../components/dialog';
import { euroCents } from '../../components/euro-input';
import { useNotice } from '../../components/notice';
import { ProblemAlert } from '../../components/problem-alert';
import { Autocomplete } from '../../components/autocomplete';
import type { TaxonomyItem } from '../../components/taxonomy-search';
import { SelectField, TextAreaField, TextField } from '../../components/text-field';
import { useApiQuery } from '../../hooks/use-api-query';

export type MoveAction = Exclude<ApplicationActionName, 'expire'>;

const ccnlItem = (code: string): TaxonomyItem => ({
  id: `ccnl:${code}`,
  kind: 'ccnl' as TaxonomyItem['kind'],
  code,
  label: code,
  labelLanguage: 'it',
  fallback: false,
  matchedLabel: code,
  match: 'exact',
  detail: null,
});

const centsText = (cents: number | null | undefined) => (cents ? (cents / 100).toFixed(2).replace('.', ',') : '');
const numberOf = (text: string) => Number(text.trim().replace(',', '.'));

/** The worker's CVs to choose from for «Invia all’azienda». */
function CvPicker({ workerId, value, onChange, error }: { workerId: string; value: string; onChange(v: string): void; error?: string }) {
  const { t } = useTranslation();
  const { data } = useApiQuery(cvEndpoints.list, { params: { workerId } }, [workerId]);
  const items = data?.items ?? [];
  if (data && items.length === 0) return <p className="text-danger">{t('applications.move.noCv')}</p>;
  return (
    <SelectField
      label={t('applications.move.cv')}
      value={value}
      onChange={onChange}
      required
      error={error}
      options={[{ value: '', label: t('applications.move.chooseCv') }, ...items.map((c) => ({ value: c.id, label: c.title }))]}
    />
  );
}

/**
 * One move of an application: the reason of the list for the closing moves (with a note for
 * «Altro»), the CV to send, the interview's appointment, the hire's contract. The server's
 * refusals are shown beside their fields; the missing consent is the problem's own message.
 */
export function ApplicationMoveDialog({
  application,
  action,
  reasons,
  onClose,
  onDone,
}: {
  application: ApplicationSummary;
  action: MoveAction;
  reasons: ReasonList | null;
  onClose(): void;
  onDone(): void;
}) {
  const { t, i18n } = useTranslation();
  const { show } = useNotice();
  const fields = useFieldErrors();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [cvId, setCvId] = useState('');
  const [at, setAt] = useState('');
  const [place, setPlace] = useState('');
  const [contact, setContact] = useState('');
  const [contractType, setContractType] = useState<string>('permanent');
  const [startDate, setStartDate] = useState('');
  const [ccnl, setCcnl] = useState<TaxonomyItem | null>(null);
  const [offer, setOffer] = useState({ ccnlLevel: '', weeklyHours: '40', pay: '', probationDays: '', comuneCode: '' });
  const setOfferField = (k: keyof typeof offer) => (v: string) => setOffer((o) => ({ ...o, [k]: v }));
  // The offer's terms start from the vacancy's (contract, CCNL and level, hours, pay, comune).
  const { data: vacancy } = useApiQuery(vacancyEndpoints.get, { params: { id: application.vacancyId } }, [application.vacancyId], {
    enabled: action === 'offer',
  });
  useEffect(() => {
    if (!vacancy) return;
    setContractType(vacancy.contractType);
    setCcnl(vacancy.ccnlCode ? ccnlItem(vacancy.ccnlCode) : null);
    setOffer({
      ccnlLevel: vacancy.ccnlLevel,
      weeklyHours: vacancy.weeklyHours ? String(vacancy.weeklyHours).replace('.', ',') : '40',
      pay: centsText(vacancy.payMinCents),
      probationDays: '',
      comuneCode: vacancy.comuneCode,
    });
  }, [vacancy]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const body = {
        action,
        version: application.version,
        ...(reason ? { reason } : {}),
        ...(note.trim() ? { note } : {}),
        ...(action === 'send' && cvId ? { cvId } : {}),
        ...(action === 'interview' && at ? { interview: { at: new Date(at).toISOString(), place, ...(contact ? { contact } : {}) } } : {}),
        ...(action === 'hire' && startDate ? { hire: { contractType: contractType as (typeof CONTRACT_TYPES)[number], startDate } } : {}),
        ...(action === 'offer'
          ? {
              offer: {
                contractType: contractType as (typeof CONTRACT_TYPES)[number],
                ccnlCode: ccnl?.code ?? '',
                ccnlLevel: offer.ccnlLevel,
                weeklyHours: numberOf(offer.weeklyHours),
                monthlyGrossCents: euroCents(offer.pay) ?? 0,
                startDate,
                ...(offer.probationDays.trim() ? { probationDays: numberOf(offer.probationDays) } : {}),
                ...(offer.comuneCode.trim() ? { comuneCode: offer.comuneCode.trim() } : {}),
              },
            }
          : {}),
      };
      const updated = await call(applicationEndpoints.move, { params: { id: application.id }, body });
      // A pay below the CCNL minimum is accepted: the operator is told, as a warning, not an error.
      // An interview over another meeting of the worker is booked all the same: the operator is told to move that one.
      const overlap = updated.warnings.filter((w) => w.code === 'INTERVIEW_OVERLAPS_MEETING');
      if (action === 'interview' && overlap.length > 0)
        show('warning', t('applications.move.interviewWithWarning', { warning: overlap.map((w) => w.message).join(' ') }));
      else if (updated.warnings.length > 0)
        show('warning', t('applications.offer.savedWithWarning', { warning: updated.warnings.map((w) => w.message).join(' ') }));
      else show('success', t('applications.move.done', { state: t(`applications.state.${updated.state}`) }));
      onDone();
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const worker = `${application.worker.lastName} ${application.worker.firstName}`;
  return (
    <Dialog title={t(`applications.actions.${action}`)} onClose={onClose}>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <p>
          {worker} · {application.vacancyTitle}
        </p>
        {reasons && (
          <SelectField
            label={t('applications.move.reason')}
            value={reason}
            onChange={setReason}
            required
            error={fields.errors.reason}
            options={[
              { value: '', label: t('applications.move.chooseReason') },
              ...pickableReasons(reasons).map((code) => ({ value: code, label: APPLICATION_REASONS[reasons][code]![lang] })),
            ]}
          />
        )}
        {action === 'send' && <CvPicker workerId={application.worker.id} value={cvId} onChange={setCvId} error={fields.errors.cvId} />}
        {action === 'interview' && (
          <>
            <TextField
              label={t('applications.move.interviewAt')}
              type="datetime-local"
              value={at}
              onChange={setAt}
              required
              error={fields.errors.interview}
            />
            <TextField
              label={t('applications.move.place')}
              value={place}
              onChange={setPlace}
              required
              error={fields.errors['interview/place']}
            />
            <TextField label={t('applications.move.contact')} value={contact} onChange={setContact} />
          </>
        )}
        {action === 'hire' && (
          <>
            <SelectField
              label={t('applications.move.contractType')}
              value={contractType}
              onChange={setContractType}
              required
              options={CONTRACT_TYPES.map((c) => ({ value: c, label: t(`vacancies.contract.${c}`) }))}
            />
            <TextField
              label={t('applications.move.startDate')}
              type="date"
              value={startDate}
              onChange={setStartDate}
              required
              error={fields.errors.hire ?? fields.errors['hire/startDate']}
            />
          </>
        )}
        {action === 'offer' && (
          <>
            {vacancy && <p className="small">{t('applications.offer.prefilled')}</p>}
            <SelectField
              label={t('applications.move.contractType')}
              value={contractType}
              onChange={setContractType}
              required
              error={fields.errors['offer/contractType']}
              options={CONTRACT_TYPES.map((c) => ({ value: c, label: t(`vacancies.contract.${c}`) }))}
            />
            <div className="mb-3">
              <Autocomplete kind="ccnl" label={t('applications.offer.ccnl')} value={ccnl} onChange={setCcnl} required />
              {(fields.errors['offer/ccnlCode'] ?? fields.errors.offer) && (
                <div className="invalid-feedback d-block">{fields.errors['offer/ccnlCode'] ?? fields.errors.offer}</div>
              )}
            </div>
            <TextField
              label={t('applications.offer.ccnlLevel')}
              value={offer.ccnlLevel}
              onChange={setOfferField('ccnlLevel')}
              required
              error={fields.errors['offer/ccnlLevel']}
            />
            <TextField
              label={t('applications.offer.weeklyHours')}
              inputMode="decimal"
              value={offer.weeklyHours}
              onChange={setOfferField('weeklyHours')}
              required
              error={fields.errors['offer/weeklyHours']}
            />
            <TextField
              label={t('applications.offer.monthlyGross')}
              inputMode="decimal"
              value={offer.pay}
              onChange={setOfferField('pay')}
              required
              error={fields.errors['offer/monthlyGrossCents']}
            />
            <TextField
              label={t('applications.move.startDate')}
              type="date"
              value={startDate}
              onChange={setStartDate}
              required
              error={fields.errors['offer/startDate']}
            />
            <TextField
              label={t('applications.offer.probationDays')}
              inputMode="numeric"
              value={offer.probationDays}
              onChange={setOfferField('probationDays')}
              error={fields.errors['offer/probationDays']}
            />
            <TextField
              label={t('applications.offer.comuneCode')}
              inputMode="numeric"
              value={offer.comuneCode}
              onChange={setOfferField('comuneCode')}
              error={fields.errors['offer/comuneCode']}
            />
          </>
        )}
        <TextAreaField
          label={t('applications.move.note')}
          value={note}
          onChange={setNote}
          required={reason === 'other'}
          error={fields.errors.note}
        />
        <ProblemAlert error={error} shownBesideFields={fields.errors} />
        <div className="d-flex flex-wrap gap-2">
          <Button color="primary" type="submit" disabled={busy}>
            {t('applications.move.confirm')}
          </Button>
          <Button color="secondary" outline type="button" onClick={onClose}>
            {t('applications.move.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
