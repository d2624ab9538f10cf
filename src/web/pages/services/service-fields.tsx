import { useTranslation } from 'react-i18next';
import { SERVICE_CODES, type ServiceCode, type WorkerServices } from '../../../shared/schemas/services.schema';
import type { FieldErrors } from '../../api/validate';
import { SelectField, TextAreaField, TextField } from '../../components/text-field';
import { formatDate } from '../workers/people-format';

export interface ServiceFormValues {
  serviceCode: ServiceCode;
  deliveredOn: string;
  minutes: string;
  consultantId: string;
  programmeId: string;
  note: string;
}

/** The form's minutes as the API takes them: a whole number, or the text itself for the schema to refuse. */
export const minutesOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/** The fields of a service entered by hand (new or corrected), each with its message beside it. */
export function ServiceFields({
  values,
  onChange,
  errors,
  options,
}: {
  values: ServiceFormValues;
  onChange(values: ServiceFormValues): void;
  errors: FieldErrors;
  options: Pick<WorkerServices, 'programmes' | 'consultants' | 'today'>;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof ServiceFormValues>(key: K, value: ServiceFormValues[K]) => onChange({ ...values, [key]: value });
  return (
    <div className="row">
      <SelectField
        className="col-12"
        label={t('services.form.service')}
        value={values.serviceCode}
        onChange={(v) => set('serviceCode', v as ServiceCode)}
        options={SERVICE_CODES.map((code) => ({ value: code, label: t(`services.codes.${code}`) }))}
        error={errors.serviceCode}
        required
      />
      <TextField
        className="col-12 col-sm-6"
        type="date"
        label={t('services.form.date')}
        value={values.deliveredOn}
        max={options.today}
        onChange={(v) => set('deliveredOn', v)}
        help={t('services.form.dateHelp')}
        error={errors.deliveredOn}
        required
      />
      <TextField
        className="col-12 col-sm-6"
        type="number"
        inputMode="numeric"
        min={1}
        max={600}
        step={1}
        label={t('services.form.minutes')}
        value={values.minutes}
        onChange={(v) => set('minutes', v)}
        help={t('services.form.minutesHelp')}
        error={errors.minutes}
        required
      />
      <SelectField
        className="col-12 col-sm-6"
        label={t('services.form.consultant')}
        value={values.consultantId}
        onChange={(v) => set('consultantId', v)}
        options={options.consultants.map((c) => ({ value: c.id, label: c.name }))}
        error={errors.consultantId}
      />
      <SelectField
        className="col-12 col-sm-6"
        label={t('services.form.programme')}
        value={values.programmeId}
        onChange={(v) => set('programmeId', v)}
        options={[
          ...options.programmes.map((p) => ({
            value: p.id,
            label: p.to
              ? t('services.form.programmeFromTo', { name: p.name, from: formatDate(p.from), to: formatDate(p.to) })
              : t('services.form.programmeFrom', { name: p.name, from: formatDate(p.from) }),
          })),
          { value: '', label: t('services.form.noProgramme') },
        ]}
        error={errors.programmeId}
      />
      <TextAreaField
        className="col-12"
        label={t('services.form.note')}
        value={values.note}
        onChange={(v) => set('note', v)}
        maxLength={1000}
        rows={2}
        error={errors.note}
      />
    </div>
  );
}
