import { Button } from 'design-react-kit';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyOf, EndpointDefinition } from '../../../shared/api/endpoint';
import { planEndpoints } from '../../../shared/api/plans.endpoints';
import type { PlanDetail } from '../../../shared/schemas/plans.schema';
import { romeToday } from '../../../shared/time/rome-date';
import { call } from '../../api/client';
import { useFieldErrors, type FieldErrors } from '../../api/validate';
import { Dialog } from '../../components/dialog';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextAreaField, TextField } from '../../components/text-field';

type Signed = Awaited<ReturnType<typeof signPlan>>;
const signPlan = (planId: string, body: BodyOf<typeof planEndpoints.sign>) => call(planEndpoints.sign, { params: { planId }, body });

/** A dialog's form: checked against the endpoint's schema before sending, refusals beside their fields, one send at a time. */
function PlanForm<E extends EndpointDefinition, R>({
  title,
  endpoint,
  body,
  send,
  onDone,
  onClose,
  submit,
  children,
}: {
  title: string;
  endpoint: E;
  body: BodyOf<E>;
  send(body: BodyOf<E>): Promise<R>;
  onDone(result: R): void;
  onClose(): void;
  submit: string;
  children(errors: FieldErrors): ReactNode;
}) {
  const { t } = useTranslation();
  const fields = useFieldErrors();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || !fields.check(endpoint, body, event.currentTarget)) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await send(body));
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
      setBusy(false);
    }
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        {children(fields.errors)}
        <ProblemAlert error={error} shownBesideFields={fields.errors} />
        <div className="d-flex flex-wrap gap-2 justify-content-end">
          <Button color="secondary" outline type="button" onClick={onClose}>
            {t('plans.sign.keep')}
          </Button>
          <Button color="primary" type="submit" disabled={busy}>
            {submit}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** The signature: its date and how (on paper or in person; OTP waits for self-service). */
export function SignDialog({ plan, onDone, onClose }: { plan: PlanDetail; onDone(result: Signed): void; onClose(): void }) {
  const { t } = useTranslation();
  const [signedOn, setSignedOn] = useState(romeToday(new Date()));
  const [how, setHow] = useState<'paper' | 'in_person'>('paper');
  return (
    <PlanForm
      title={t('plans.sign.title')}
      endpoint={planEndpoints.sign}
      body={{ signedOn, how }}
      send={(body) => signPlan(plan.id, body)}
      onDone={onDone}
      onClose={onClose}
      submit={t('plans.sign.submit')}
    >
      {(errors) => (
        <>
          <p>{t('plans.sign.intro')}</p>
          <TextField
            label={t('plans.sign.signedOn')}
            type="date"
            value={signedOn}
            onChange={setSignedOn}
            required
            error={errors.signedOn}
          />
          <SelectField
            label={t('plans.sign.how')}
            value={how}
            onChange={(v) => setHow(v as 'paper' | 'in_person')}
            options={(['paper', 'in_person'] as const).map((value) => ({ value, label: t(`plans.signedHow.${value}`) }))}
            required
          />
        </>
      )}
    </PlanForm>
  );
}

export function ReviewDialog({ plan, onDone, onClose }: { plan: PlanDetail; onDone(plan: PlanDetail): void; onClose(): void }) {
  const { t } = useTranslation();
  const [reviewedOn, setReviewedOn] = useState(romeToday(new Date()));
  const [outcome, setOutcome] = useState<'confirmed' | 'revise'>('confirmed');
  const [note, setNote] = useState('');
  return (
    <PlanForm
      title={t('plans.review.title')}
      endpoint={planEndpoints.review}
      body={{ reviewedOn, outcome, note }}
      send={(body) => call(planEndpoints.review, { params: { planId: plan.id }, body })}
      onDone={onDone}
      onClose={onClose}
      submit={t('plans.review.submit')}
    >
      {(errors) => (
        <>
          <TextField
            label={t('plans.review.reviewedOn')}
            type="date"
            value={reviewedOn}
            onChange={setReviewedOn}
            required
            error={errors.reviewedOn}
          />
          <SelectField
            label={t('plans.review.outcome')}
            value={outcome}
            onChange={(v) => setOutcome(v as 'confirmed' | 'revise')}
            options={(['confirmed', 'revise'] as const).map((value) => ({ value, label: t(`plans.review.${value}`) }))}
            required
          />
          <TextAreaField
            label={t('plans.review.note')}
            value={note}
            onChange={setNote}
            rows={3}
            maxLength={4000}
            required
            error={errors.note}
          />
        </>
      )}
    </PlanForm>
  );
}

export function CloseDialog({ plan, onDone, onClose }: { plan: PlanDetail; onDone(plan: PlanDetail): void; onClose(): void }) {
  const { t } = useTranslation();
  const [closedOn, setClosedOn] = useState(romeToday(new Date()));
  const [outcomeSummary, setOutcomeSummary] = useState('');
  return (
    <PlanForm
      title={t('plans.close.title')}
      endpoint={planEndpoints.close}
      body={{ closedOn, outcomeSummary }}
      send={(body) => call(planEndpoints.close, { params: { planId: plan.id }, body })}
      onDone={onDone}
      onClose={onClose}
      submit={t('plans.close.submit')}
    >
      {(errors) => (
        <>
          <TextField
            label={t('plans.close.closedOn')}
            type="date"
            value={closedOn}
            onChange={setClosedOn}
            required
            error={errors.closedOn}
          />
          <TextAreaField
            label={t('plans.close.outcomeSummary')}
            help={t('plans.close.outcomeHelp')}
            value={outcomeSummary}
            onChange={setOutcomeSummary}
            rows={3}
            maxLength={4000}
            required
            error={errors.outcomeSummary}
          />
        </>
      )}
    </PlanForm>
  );
}
