import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { applicationEndpoints } from '../../../shared/api/applications.endpoints';
import { cvEndpoints } from '../../../shared/api/cv.endpoints';
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
import { useNotice } from '../../components/notice';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextAreaField, TextField } from '../../components/text-field';
import { useApiQuery } from '../../hooks/use-api-query';

export type MoveAction = Exclude<ApplicationActionName, 'expire'>;

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
      };
      const updated = await call(applicationEndpoints.move, { params: { id: application.id }, body });
      show('success', t('applications.move.done', { state: t(`applications.state.${updated.state}`) }));
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
