import { Badge, Button } from 'design-react-kit';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agendaEndpoints } from '../../../shared/api/appointments.endpoints';
import { agendaMessageExample } from '../../../shared/messages/agenda-example';
import { placeholdersIn } from '../../../shared/messages/placeholders';
import { countSms } from '../../../shared/messages/sms-segments';
import type { z } from 'zod';
import type { agendaTemplateSchema } from '../../../shared/schemas/appointments.schema';
import { call } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { PlaceholderButtons, SmsCountText } from '../../components/message-parts';
import { useNotice } from '../../components/notice';
import { ProblemAlert } from '../../components/problem-alert';
import { TextAreaField, TextField } from '../../components/text-field';

export type AgendaTemplate = z.infer<typeof agendaTemplateSchema>;

/**
 * One agenda message on one channel: the e-mail's subject and body, or the SMS's text; the
 * placeholders to insert at the cursor; the example as a worker reads it and, for an SMS, its size,
 * both as one types (the same computation as the server's); save, and back to the national default.
 * The server's refusals (an unknown placeholder) are said beside the field. Read-only without the
 * right to change the network's texts.
 */
export function MessageTemplateEditor({
  template,
  placeholders,
  editable,
  onSaved,
}: {
  template: AgendaTemplate;
  placeholders: readonly string[];
  editable: boolean;
  onSaved(t: AgendaTemplate): void;
}) {
  const { t } = useTranslation();
  const { show } = useNotice();
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const exampleId = useId();
  const sms = template.channel === 'sms';
  useEffect(() => {
    setSubject(template.subject);
    setBody(template.body);
  }, [template]);

  const sample = agendaMessageExample(template.channel, body);
  const count = sms ? countSms(sample) : null;
  const unknown = [...placeholdersIn(body), ...placeholdersIn(subject)].filter((p) => !placeholders.includes(p));
  const changed = subject !== template.subject || body !== template.body;
  const label = t(`agenda.channels.${template.channel}`);

  const run = async (action: () => Promise<AgendaTemplate>, done: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    fields.clear();
    try {
      const saved = await action();
      show('success', done);
      onSaved(saved);
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const params = { kind: template.kind, channel: template.channel };
  const save = () => {
    const payload = { subject: sms ? '' : subject.trim(), body: body.trim() };
    if (!fields.check(agendaEndpoints.updateTemplate, payload, null)) return;
    void run(
      () => call(agendaEndpoints.updateTemplate, { params, body: payload }),
      t('agenda.templates.saved', { kind: t(`agenda.messageKinds.${template.kind}`), channel: label }),
    );
  };
  const reset = () =>
    void run(
      () => call(agendaEndpoints.resetTemplate, { params }),
      t('agenda.templates.resetDone', { kind: t(`agenda.messageKinds.${template.kind}`), channel: label }),
    );

  return (
    <section className="col-12 col-lg-6 mb-4" aria-labelledby={`${exampleId}-h`}>
      <h3 id={`${exampleId}-h`} className="h5 d-flex flex-wrap align-items-center gap-2">
        <span className="text-capitalize-first d-inline-block">{label}</span>
        <Badge color={template.custom ? 'primary' : 'secondary'} pill className="agenda-status">
          {template.custom ? t('agenda.templates.custom') : t('agenda.templates.default')}
        </Badge>
      </h3>
      <ProblemAlert error={error} shownBesideFields={fields.errors} />
      {!sms && (
        <TextField
          label={t('agenda.templates.subject')}
          value={subject}
          onChange={setSubject}
          error={fields.errors.subject}
          maxLength={200}
          readOnly={!editable}
        />
      )}
      <TextAreaField
        ref={bodyRef}
        label={sms ? t('agenda.templates.smsText') : t('agenda.templates.body')}
        value={body}
        onChange={setBody}
        error={fields.errors.body}
        rows={sms ? 4 : 9}
        maxLength={4000}
        readOnly={!editable}
        aria-describedby={`${exampleId}-count`}
        required
      />
      {editable && <PlaceholderButtons names={placeholders} target={bodyRef} text={body} onChange={setBody} />}
      <div id={`${exampleId}-count`} aria-live="polite">
        {count && <SmsCountText sms={count} />}
        {unknown.length > 0 && <p className="small text-danger mb-1">{t('outreach.unknown', { list: unknown.join(', ') })}</p>}
      </div>
      <h4 className="h6 mt-2">{t('agenda.templates.example')}</h4>
      <div className="border rounded p-3 bg-light mb-3" data-testid={`example-${template.channel}`}>
        {!sms && <p className="fw-semibold">{agendaMessageExample('email', subject)}</p>}
        <p className="mb-0" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {sample}
        </p>
      </div>
      {editable && (
        <div className="d-flex flex-wrap gap-2">
          <Button color="primary" type="button" disabled={busy || !changed} onClick={save}>
            {t('agenda.templates.save')}
            <span className="visually-hidden"> ({label})</span>
          </Button>
          {template.custom && (
            <Button color="secondary" outline type="button" disabled={busy} onClick={reset}>
              {t('agenda.templates.reset')}
              <span className="visually-hidden"> ({label})</span>
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
