import { Button } from 'design-react-kit';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CIGS_REASONS, type CigsCase } from '../../../shared/schemas/companies.schema';
import { companyEndpoints } from '../../../shared/api/companies.endpoints';
import { call } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { useNotice } from '../../components/notice';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextField } from '../../components/text-field';

/** Records a CIGS episode; the shared schema's checks (an end before the start) run before sending. */
export function CigsCaseForm({ companyId, onAdded }: { companyId: string; onAdded(c: CigsCase): void }) {
  const { t } = useTranslation();
  const { show } = useNotice();
  const [form, setForm] = useState<{
    reason: (typeof CIGS_REASONS)[number];
    authorisationRef: string;
    startDate: string;
    endDate: string;
    workersInvolved: string;
  }>({ reason: 'cessazione_attivita', authorisationRef: '', startDate: '', endDate: '', workersInvolved: '' });
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const set = (field: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const body = {
      reason: form.reason,
      authorisationRef: form.authorisationRef,
      startDate: form.startDate,
      endDate: form.endDate,
      workersInvolved: form.workersInvolved ? Number(form.workersInvolved) : null,
    };
    if (!fields.check(companyEndpoints.addCigsCase, body, formRef.current)) return;
    try {
      const created = await call(companyEndpoints.addCigsCase, { params: { id: companyId }, body });
      show('success', t('people.company.caseAdded'));
      setForm({ reason: 'cessazione_attivita', authorisationRef: '', startDate: '', endDate: '', workersInvolved: '' });
      onAdded(created);
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
    }
  };
  return (
    <form ref={formRef} onSubmit={submit} className="mb-4" aria-labelledby="add-case-h" noValidate>
      <h3 id="add-case-h" className="h5">
        {t('people.company.addCase')}
      </h3>
      <div className="row g-2 align-items-end">
        <SelectField
          className="col-12 col-md-4"
          label={t('people.company.reason')}
          value={form.reason}
          onChange={set('reason')}
          options={CIGS_REASONS.map((r) => ({ value: r, label: t(`people.reasons.${r}`) }))}
        />
        <TextField
          className="col-12 col-md-4"
          label={t('people.company.authorisationRef')}
          value={form.authorisationRef}
          onChange={set('authorisationRef')}
          error={fields.errors.authorisationRef}
        />
        <TextField
          className="col-12 col-md-4"
          label={t('people.company.workersInvolved')}
          value={form.workersInvolved}
          onChange={set('workersInvolved')}
          type="number"
          min={0}
          error={fields.errors.workersInvolved}
        />
        <TextField
          className="col-6 col-md-4"
          label={t('people.company.startDate')}
          value={form.startDate}
          onChange={set('startDate')}
          type="date"
          required
          error={fields.errors.startDate}
        />
        <TextField
          className="col-6 col-md-4"
          label={t('people.company.endDate')}
          value={form.endDate}
          onChange={set('endDate')}
          type="date"
          required
          error={fields.errors.endDate}
        />
        <div className="col-12 col-md-4 mb-3">
          <Button color="primary" type="submit">
            {t('people.company.addCase')}
          </Button>
        </div>
      </div>
      <ProblemAlert error={error} shownBesideFields={fields.errors} />
    </form>
  );
}
