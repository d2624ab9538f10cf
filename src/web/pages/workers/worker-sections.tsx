import { Button } from 'design-react-kit';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CONSENT_CHANNELS, CONSENT_PURPOSES, type Consent, type Note, type TimelineEvent } from '../../../shared/schemas/people.schema';
import { workerEndpoints } from '../../../shared/api/people.endpoints';
import { call } from '../../api/client';
import { useNotice } from '../../components/notice';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField } from '../../components/text-field';
import { formatDateTime } from '../../i18n/i18n';

/** Current consent per purpose, and a form to record a new one (the operator is recorded). */
export function ConsentsSection({
  workerId,
  consents,
  canEdit,
  onChange,
}: {
  workerId: string;
  consents: Consent[];
  canEdit: boolean;
  onChange(c: Consent[]): void;
}) {
  const { t } = useTranslation();
  const { show } = useNotice();
  const [form, setForm] = useState<{
    purpose: (typeof CONSENT_PURPOSES)[number];
    granted: string;
    channel: (typeof CONSENT_CHANNELS)[number];
  }>({ purpose: 'programme', granted: 'true', channel: 'phone' });
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const r = await call(workerEndpoints.recordConsent, {
        params: { id: workerId },
        body: { purpose: form.purpose, granted: form.granted === 'true', channel: form.channel },
      });
      onChange(r.items);
      show('success', t('people.worker.consentSaved'));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="consents-h" className="mb-4">
      <h2 id="consents-h" className="h4">
        {t('people.worker.consents')}
      </h2>
      {consents.length === 0 ? (
        <p>{t('people.worker.consentNone')}</p>
      ) : (
        <ul className="list-unstyled">
          {consents.map((c) => (
            <li key={c.purpose} className="mb-1">
              <strong>{t(`people.purposes.${c.purpose}`)}</strong>:{' '}
              {c.granted ? t('people.worker.consentGranted') : t('people.worker.consentWithdrawn')}{' '}
              <span className="small">
                ({t(`people.channels.${c.channel}`)}, {formatDateTime(c.recordedAt)}
                {c.recordedBy ? `, ${t('people.worker.recordedBy', { name: c.recordedBy })}` : ''})
              </span>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form onSubmit={submit} className="row g-2 align-items-end">
          <SelectField
            className="col-12 col-md-4"
            label={t('people.worker.purpose')}
            value={form.purpose}
            onChange={(v) => setForm({ ...form, purpose: v as typeof form.purpose })}
            options={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`people.purposes.${p}`) }))}
          />
          <SelectField
            className="col-6 col-md-3"
            label={t('people.worker.granted')}
            value={form.granted}
            onChange={(v) => setForm({ ...form, granted: v })}
            options={[
              { value: 'true', label: t('people.worker.grant') },
              { value: 'false', label: t('people.worker.withdraw') },
            ]}
          />
          <SelectField
            className="col-6 col-md-3"
            label={t('people.worker.channel')}
            value={form.channel}
            onChange={(v) => setForm({ ...form, channel: v as typeof form.channel })}
            options={CONSENT_CHANNELS.map((c) => ({ value: c, label: t(`people.channels.${c}`) }))}
          />
          <div className="col-12 col-md-2 mb-3">
            <Button color="primary" outline type="submit">
              {t('people.worker.recordConsent')}
            </Button>
          </div>
        </form>
      )}
      <ProblemAlert error={error} />
    </section>
  );
}

export function NotesSection({ workerId, onAdded }: { workerId: string; onAdded(): void }) {
  const { t } = useTranslation();
  const { show } = useNotice();
  const id = useId();
  const [notes, setNotes] = useState<Note[]>([]);
  const [body, setBody] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    call(workerEndpoints.notes, { params: { id: workerId } }).then((r) => setNotes(r.items), setError);
  }, [workerId]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const note = await call(workerEndpoints.addNote, { params: { id: workerId }, body: { body } });
      setNotes((n) => [note, ...n]);
      setBody('');
      show('success', t('people.worker.noteAdded'));
      onAdded();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="notes-h" className="mb-4">
      <h2 id="notes-h" className="h4">
        {t('people.worker.notes')}
      </h2>
      <form onSubmit={submit} className="mb-3">
        <label htmlFor={id} className="form-label-static">
          {t('people.worker.noteBody')}
        </label>
        <textarea
          id={id}
          className="form-control mb-2"
          rows={3}
          value={body}
          maxLength={5000}
          onChange={(e) => setBody(e.target.value)}
          required
        />
        <Button color="primary" type="submit">
          {t('people.worker.addNote')}
        </Button>
      </form>
      <ProblemAlert error={error} />
      {notes.length === 0 ? (
        <p>{t('people.worker.noNotes')}</p>
      ) : (
        <ul className="list-unstyled">
          {notes.map((n) => (
            <li key={n.id} className="border-start border-3 ps-3 mb-3">
              <p className="mb-1" style={{ whiteSpace: 'pre-wrap' }}>
                {n.body}
              </p>
              <small>
                {n.authorName} · {formatDateTime(n.createdAt)}
              </small>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Timeline kinds come from every domain; enrollment states reuse the programmes' labels. */
function eventLabel(t: TFunction, kind: string): string {
  const [domain, rest] = kind.split(/\.(.*)/s);
  if (domain === 'enrollment' && rest)
    return `${t('people.worker.events.enrollment')}: ${t(`programmes.states.${rest}`, { defaultValue: rest })}`;
  return t(`people.worker.events.${kind}`, { defaultValue: kind });
}

export function TimelineSection({ workerId, version }: { workerId: string; version: number }) {
  const { t } = useTranslation();
  const [events, setEvents] = useState<TimelineEvent[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    call(workerEndpoints.timeline, { params: { id: workerId } }).then((r) => setEvents(r.items), setError);
  }, [workerId, version]);
  return (
    <section aria-labelledby="timeline-h" className="mb-4">
      <h2 id="timeline-h" className="h4">
        {t('people.worker.timeline')}
      </h2>
      <ProblemAlert error={error} />
      {events.length === 0 ? (
        <p>{t('people.worker.noEvents')}</p>
      ) : (
        <ol className="list-unstyled">
          {events.map((e) => (
            <li key={e.id} className="mb-2">
              <time dateTime={e.at} className="small d-block">
                {formatDateTime(e.at)}
              </time>
              {eventLabel(t, e.kind)}
              {e.actorName && <span className="small"> — {t('people.worker.by', { name: e.actorName })}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
