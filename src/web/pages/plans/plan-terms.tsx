import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { planEndpoints } from '../../../shared/api/plans.endpoints';
import type { PlanDetail } from '../../../shared/schemas/plans.schema';
import { call } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextAreaField, TextField } from '../../components/text-field';
import { formatDate } from '../workers/people-format';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="col-12 col-md-6 mb-2">
      <dt className="small">{label}</dt>
      <dd className="mb-0">{children}</dd>
    </div>
  );
}

const WILLINGNESS = ['willingActivities', 'willingTraining', 'acceptsCongruousOffers'] as const;

/**
 * What art. 20 of D.Lgs. 150/2015 asks the plan to say: the consultant of reference, the profiling
 * class, how often worker and consultant meet, how the search is shown, the worker's willingness.
 * Saved on the version read: someone else's change meanwhile is refused (409) and said.
 */
export function PlanTerms({ plan, editable, onSaved }: { plan: PlanDetail; editable: boolean; onSaved(plan: PlanDetail): void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const yesNo = (v: boolean) => t(v ? 'plans.terms.yes' : 'plans.terms.no');
  return (
    <section aria-labelledby="plan-terms-h" className="mb-4">
      <h2 id="plan-terms-h" className="h4">
        {t('plans.terms.title')}
      </h2>
      {editing ? (
        <TermsForm
          plan={plan}
          onCancel={() => setEditing(false)}
          onSaved={(p) => {
            setEditing(false);
            onSaved(p);
          }}
        />
      ) : (
        <>
          <dl className="row">
            <Row label={t('plans.terms.programme')}>{plan.programme.name}</Row>
            <Row label={t('plans.terms.consultant')}>{plan.consultant.name}</Row>
            <Row label={t('plans.terms.profilingClass')}>{plan.profilingClass || t('plans.terms.notProfiled')}</Row>
            <Row label={t('plans.terms.contactIntervalDays')}>{t('plans.terms.everyDays', { count: plan.contactIntervalDays })}</Row>
            <Row label={t('plans.terms.reviewIntervalDays')}>{t('plans.terms.everyDays', { count: plan.reviewIntervalDays })}</Row>
            <Row label={t('plans.terms.nextReview')}>{formatDate(plan.nextReviewOn)}</Row>
            <Row label={t('plans.terms.signed')}>
              {plan.signedOn && plan.signedHow
                ? t('plans.terms.signedOn', { date: formatDate(plan.signedOn), how: t(`plans.signedHow.${plan.signedHow}`) })
                : t('plans.terms.notSigned')}
            </Row>
            {plan.closedOn && (
              <Row label={t('plans.terms.outcome')}>
                {t('plans.terms.closed', { date: formatDate(plan.closedOn) })}: {plan.outcomeSummary}
              </Row>
            )}
            <Row label={t('plans.terms.searchEvidence')}>{plan.searchEvidence || '—'}</Row>
            {WILLINGNESS.map((key) => (
              <Row key={key} label={t(`plans.terms.${key}`)}>
                {yesNo(plan[key])}
              </Row>
            ))}
          </dl>
          {editable && (
            <Button color="primary" outline size="sm" onClick={() => setEditing(true)}>
              {t('plans.terms.edit')}
            </Button>
          )}
        </>
      )}
    </section>
  );
}

/** The office's consultants who may be of reference, and the current one even if no longer among them. */
function consultantOptions(plan: PlanDetail) {
  const choices = plan.consultantChoices.some((c) => c.id === plan.consultant.id)
    ? plan.consultantChoices
    : [plan.consultant, ...plan.consultantChoices];
  return choices.map((c) => ({ value: c.id, label: c.name }));
}

function TermsForm({ plan, onCancel, onSaved }: { plan: PlanDetail; onCancel(): void; onSaved(plan: PlanDetail): void }) {
  const { t } = useTranslation();
  const fields = useFieldErrors();
  const [form, setForm] = useState({
    consultantId: plan.consultant.id,
    profilingClass: plan.profilingClass,
    contactIntervalDays: String(plan.contactIntervalDays),
    reviewIntervalDays: String(plan.reviewIntervalDays),
    searchEvidence: plan.searchEvidence,
    willingActivities: plan.willingActivities,
    willingTraining: plan.willingTraining,
    acceptsCongruousOffers: plan.acceptsCongruousOffers,
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = {
      baseVersion: plan.version,
      ...form,
      // Only a new consultant is checked against the office's staff: a former one stays until replaced.
      consultantId: form.consultantId !== plan.consultant.id ? form.consultantId : undefined,
      contactIntervalDays: Number(form.contactIntervalDays),
      reviewIntervalDays: Number(form.reviewIntervalDays),
    };
    if (busy || !fields.check(planEndpoints.update, body, event.currentTarget)) return;
    setBusy(true);
    setError(null);
    try {
      onSaved(await call(planEndpoints.update, { params: { planId: plan.id }, body }));
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <div className="row">
        <SelectField
          className="col-md-6"
          label={t('plans.terms.consultant')}
          value={form.consultantId}
          onChange={(v) => setForm((f) => ({ ...f, consultantId: v }))}
          options={consultantOptions(plan)}
          error={fields.errors.consultantId}
        />
        <TextField
          className="col-md-6"
          label={t('plans.terms.profilingClass')}
          help={t('plans.terms.profilingClassHelp')}
          value={form.profilingClass}
          onChange={(v) => setForm((f) => ({ ...f, profilingClass: v }))}
          maxLength={80}
          error={fields.errors.profilingClass}
        />
        <TextField
          className="col-6 col-md-3"
          label={t('plans.terms.contactIntervalDays')}
          type="number"
          inputMode="numeric"
          min={7}
          max={180}
          value={form.contactIntervalDays}
          onChange={(v) => setForm((f) => ({ ...f, contactIntervalDays: v }))}
          error={fields.errors.contactIntervalDays}
        />
        <TextField
          className="col-6 col-md-3"
          label={t('plans.terms.reviewIntervalDays')}
          type="number"
          inputMode="numeric"
          min={14}
          max={365}
          value={form.reviewIntervalDays}
          onChange={(v) => setForm((f) => ({ ...f, reviewIntervalDays: v }))}
          error={fields.errors.reviewIntervalDays}
        />
      </div>
      <TextAreaField
        label={t('plans.terms.searchEvidence')}
        value={form.searchEvidence}
        onChange={(v) => setForm((f) => ({ ...f, searchEvidence: v }))}
        rows={2}
        maxLength={1000}
        error={fields.errors.searchEvidence}
      />
      {WILLINGNESS.map((key) => (
        <div key={key} className="form-check mb-2">
          <input
            id={`plan-${key}`}
            type="checkbox"
            className="form-check-input"
            checked={form[key]}
            onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.checked }))}
          />
          <label htmlFor={`plan-${key}`} className="form-check-label">
            {t(`plans.terms.${key}`)}
          </label>
        </div>
      ))}
      <ProblemAlert error={error} shownBesideFields={fields.errors} />
      <div className="d-flex gap-2 mt-3">
        <Button color="secondary" outline type="button" onClick={onCancel}>
          {t('plans.terms.cancel')}
        </Button>
        <Button color="primary" type="submit" disabled={busy}>
          {t('plans.terms.save')}
        </Button>
      </div>
    </form>
  );
}
