import { Button } from 'design-react-kit';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { BodyOf, EndpointDefinition } from '../../../shared/api/endpoint';
import { useFieldErrors, type FieldErrors } from '../../api/validate';
import { Dialog } from '../../components/dialog';
import { ProblemAlert } from '../../components/problem-alert';
import { TextAreaField } from '../../components/text-field';

/**
 * The agenda's one dialog for a change that needs a reason (cancel a meeting, move it by dragging,
 * change or cancel a workshop): what is about to happen, any other fields, the reason, and
 * "keep" / "confirm". The body is checked against the endpoint's schema before it is sent; the
 * server's refusals are said beside their fields (the reason's own message replaces the schema's),
 * the rest above them. Once sent, the button stays disabled so a double click changes nothing twice.
 */
export function ReasonDialog<E extends EndpointDefinition, R>({
  title,
  endpoint,
  body,
  send,
  onDone,
  onClose,
  reason: text,
  keep,
  confirm,
  danger = false,
  children,
}: {
  title: string;
  /** The endpoint the body goes to: its schema checks the form before sending. */
  endpoint: E;
  body(reason: string): BodyOf<E>;
  send(body: BodyOf<E>): Promise<R>;
  onDone(result: R): void;
  onClose(): void;
  reason: { label: string; required: string; help?: string; rows?: number };
  keep: string;
  confirm: string;
  /** A cancellation: the confirm button is red. */
  danger?: boolean;
  /** What is about to happen, and any other fields (handed the field errors of the last check). */
  children?: ReactNode | ((errors: FieldErrors) => ReactNode);
}) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const payload = body(reason.trim());
    if (!fields.check(endpoint, payload, event.currentTarget)) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await send(payload));
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
      setBusy(false);
    }
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {typeof children === 'function' ? children(fields.errors) : children}
        <ProblemAlert error={error} shownBesideFields={fields.errors} />
        <TextAreaField
          label={text.label}
          value={reason}
          onChange={setReason}
          error={fields.errors.reason ? text.required : undefined}
          help={text.help}
          rows={text.rows ?? 3}
          maxLength={300}
          required
        />
        <div className="d-flex flex-wrap gap-2 justify-content-end">
          <Button color="secondary" outline type="button" onClick={onClose}>
            {keep}
          </Button>
          <Button color={danger ? 'danger' : 'primary'} type="submit" disabled={busy}>
            {confirm}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
