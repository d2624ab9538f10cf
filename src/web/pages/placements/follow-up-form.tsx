import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { placementEndpoints } from '../../../shared/api/applications.endpoints';
import type { FollowUp } from '../../../shared/schemas/applications.schema';
import { call } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextAreaField } from '../../components/text-field';

/**
 * The answer to a follow-up after a hire, as the consultant hears it from the worker: still
 * employed?, how satisfied (1 to 5, optional), what they need. Saved once; the list then shows it.
 */
export function FollowUpForm({ followUp, onAnswered }: { followUp: FollowUp; onAnswered(answered: FollowUp): void }) {
  const { t } = useTranslation();
  const [stillEmployed, setStillEmployed] = useState<'' | 'yes' | 'no'>('');
  const [satisfaction, setSatisfaction] = useState('');
  const [needs, setNeeds] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [saving, setSaving] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!stillEmployed) {
      setMissing(true);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const answered = await call(placementEndpoints.answerFollowUp, {
        params: { id: followUp.id },
        body: {
          stillEmployed: stillEmployed === 'yes',
          ...(satisfaction ? { satisfaction: Number(satisfaction) } : {}),
          ...(needs.trim() ? { needs: needs.trim() } : {}),
        },
      });
      onAnswered(answered);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };
  const legendId = `follow-up-${followUp.id}-employed`;
  return (
    <form
      onSubmit={submit}
      className="mt-2"
      aria-label={t('placements.followUp.formFor', { count: followUp.months, name: followUp.workerName })}
    >
      <fieldset className="mb-3" aria-describedby={missing ? `${legendId}-error` : undefined}>
        <legend id={legendId} className="h6 mb-1">
          {t('placements.followUp.stillEmployed')}
        </legend>
        {(['yes', 'no'] as const).map((v) => (
          <div key={v} className="form-check form-check-inline">
            <input
              id={`${legendId}-${v}`}
              type="radio"
              name={legendId}
              checked={stillEmployed === v}
              onChange={() => {
                setStillEmployed(v);
                setMissing(false);
              }}
            />
            <label htmlFor={`${legendId}-${v}`}>{t(`placements.followUp.${v}`)}</label>
          </div>
        ))}
        {missing && (
          <p id={`${legendId}-error`} className="small text-danger mb-0" role="alert">
            {t('placements.followUp.stillEmployedRequired')}
          </p>
        )}
      </fieldset>
      <SelectField
        label={t('placements.followUp.satisfaction')}
        value={satisfaction}
        onChange={setSatisfaction}
        options={[
          { value: '', label: t('placements.followUp.satisfactionNone') },
          ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`placements.followUp.satisfactionValues.${n}`) })),
        ]}
      />
      <TextAreaField label={t('placements.followUp.needs')} value={needs} onChange={setNeeds} rows={2} />
      <ProblemAlert error={error} />
      <button type="submit" className="btn btn-primary btn-sm" disabled={saving}>
        {t('placements.followUp.save')}
      </button>
    </form>
  );
}

/** What a follow-up's answer said, in a line. */
export function FollowUpAnswer({ followUp }: { followUp: FollowUp }) {
  const { t } = useTranslation();
  if (!followUp.answeredAt) return null;
  return (
    <p className="small mb-0">
      {followUp.stillEmployed ? t('placements.followUp.answeredEmployed') : t('placements.followUp.answeredNotEmployed')}
      {followUp.satisfaction !== null &&
        ` · ${t('placements.followUp.satisfactionShown', { value: t(`placements.followUp.satisfactionValues.${followUp.satisfaction}`) })}`}
      {followUp.needs && ` · ${t('placements.followUp.needsShown', { needs: followUp.needs })}`}
    </p>
  );
}

/**
 * One follow-up in a list: what it is (`children`), its answer once given, and — while it is open
 * and `canRecord` — the button that opens the answer form in place.
 */
export function FollowUpEntry({
  followUp,
  canRecord,
  onAnswered,
  children,
}: {
  followUp: FollowUp;
  canRecord: boolean;
  onAnswered(answered: FollowUp): void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const recordable = canRecord && !followUp.answeredAt;
  return (
    <li className="list-group-item">
      <div className="d-flex flex-wrap justify-content-between gap-2">
        <div>{children}</div>
        {recordable && (
          <button
            type="button"
            className="btn btn-sm btn-outline-primary align-self-start"
            aria-expanded={open}
            onClick={() => setOpen((v) => !v)}
          >
            {t('placements.followUp.record')}
          </button>
        )}
      </div>
      <FollowUpAnswer followUp={followUp} />
      {open && recordable && (
        <FollowUpForm
          followUp={followUp}
          onAnswered={(a) => {
            setOpen(false);
            onAnswered(a);
          }}
        />
      )}
    </li>
  );
}
