import { Button } from 'design-react-kit';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../shared/schemas/plans.schema';
import { fieldErrorsFromProblem } from '../../api/validate';
import { TextField } from '../../components/text-field';

/**
 * A title or wording of the plan corrected in place (a theme, an objective, an action): the text
 * with a "Modifica" beside it, or the same text in a field with Salva and Annulla. A refusal is
 * shown under the field (`body/title`, `body/description`); the saved plan replaces the one shown.
 */
export function InlineRename({
  value,
  label,
  maxLength,
  field,
  editable,
  children,
  save,
  onSaved,
}: {
  value: string;
  /** The field's label, naming what is renamed («Titolo del tema «Formazione»»). */
  label: string;
  maxLength: number;
  /** The body field whose refusal is shown under the input. */
  field: 'title' | 'description';
  editable: boolean;
  /** The text as shown when not editing. */
  children: ReactNode;
  save(value: string): Promise<PlanDetail>;
  onSaved(plan: PlanDetail): void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!text.trim()) {
      setError(t('plans.rename.required'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const plan = await save(text.trim());
      setEditing(false);
      onSaved(plan);
    } catch (err) {
      const fields = fieldErrorsFromProblem(err);
      setError(fields[field] ?? (err instanceof Error ? err.message : String(err)));
    } finally {
      setBusy(false);
    }
  };
  if (!editing)
    return (
      <div className="d-flex flex-wrap align-items-baseline gap-2">
        {children}
        {editable && (
          <Button
            color="link"
            size="sm"
            className="p-0 align-baseline"
            aria-label={t('plans.rename.editOf', { what: label })}
            onClick={() => {
              setText(value);
              setError(undefined);
              setEditing(true);
            }}
          >
            {t('plans.rename.edit')}
          </Button>
        )}
      </div>
    );
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="d-flex flex-wrap align-items-start gap-2 mb-2">
      <TextField className="flex-grow-1 mb-0" label={label} value={text} onChange={setText} maxLength={maxLength} required error={error} />
      <div className="d-flex gap-2 align-self-end mb-1">
        <Button color="primary" size="sm" type="submit" disabled={busy}>
          {t('plans.rename.save')}
        </Button>
        <Button color="secondary" outline size="sm" type="button" onClick={() => setEditing(false)}>
          {t('plans.rename.cancel')}
        </Button>
      </div>
    </form>
  );
}
