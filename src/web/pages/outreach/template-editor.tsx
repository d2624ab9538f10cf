import { Button } from 'design-react-kit';
import { PlaceholderButtons, SmsCountText } from '../../components/message-parts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Preview, type Template } from '../../../shared/schemas/outreach.schema';
import { campaignEndpoints } from '../../../shared/api/outreach.endpoints';
import { call } from '../../api/client';
import { useNotice } from '../../components/notice';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextField } from '../../components/text-field';

const PLACEHOLDERS = ['nome', 'cognome', 'azienda', 'data_fine_cigs', 'giorni_alla_fine_cigs', 'sede', 'telefono_sede', 'orari_centralino'];
type Draft = { name: string; channel: (typeof CHANNELS)[number]; subject: string; body: string };
const BLANK: Draft = { name: '', channel: 'sms', subject: '', body: '' };

/**
 * Template editor: placeholder buttons insert at the cursor; the preview (the server fills the
 * placeholders for a sample person) and, for SMS, the length and segment count update as one types.
 */
export function TemplateEditor({ templates, onSaved }: { templates: Template[]; onSaved(): void }) {
  const { t } = useTranslation();
  const { show } = useNotice();
  const [selected, setSelected] = useState('');
  const [draft, setDraft] = useState<Draft>(BLANK);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const bodyId = useId();
  const counterId = useId();

  useEffect(() => {
    const tpl = templates.find((x) => x.id === selected);
    setDraft(tpl ? { name: tpl.name, channel: tpl.channel, subject: tpl.subject, body: tpl.body } : BLANK);
  }, [selected, templates]);

  useEffect(() => {
    if (!draft.body.trim()) return setPreview(null);
    const timer = setTimeout(() => {
      call(campaignEndpoints.preview, { body: { channel: draft.channel, subject: draft.subject, body: draft.body } }).then(
        setPreview,
        () => undefined,
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [draft.channel, draft.subject, draft.body]);

  async function save() {
    setError(null);
    try {
      const body = { ...draft, subject: draft.channel === 'sms' ? '' : draft.subject };
      const saved = selected
        ? await call(campaignEndpoints.updateTemplate, { params: { id: selected }, body })
        : await call(campaignEndpoints.createTemplate, { body });
      show('success', t('outreach.saved'));
      onSaved();
      setSelected(saved.id);
    } catch (err) {
      setError(err);
    }
  }

  const sms = preview?.sms;
  return (
    <section aria-labelledby="templates-title" className="mt-5">
      <h2 id="templates-title" className="h4">
        {t('outreach.templates')}
      </h2>
      <ProblemAlert error={error} />
      <div className="row">
        <div className="col-lg-6">
          <SelectField
            label={t('outreach.editTemplate')}
            value={selected}
            onChange={setSelected}
            options={[
              { value: '', label: t('outreach.newTemplate') },
              ...templates.map((x) => ({ value: x.id, label: `${x.name} (${t(`outreach.channel.${x.channel}`)})` })),
            ]}
          />
          <TextField label={t('outreach.templateName')} value={draft.name} onChange={(name) => setDraft({ ...draft, name })} required />
          <SelectField
            label={t('outreach.col.channel')}
            value={draft.channel}
            onChange={(channel) => setDraft({ ...draft, channel: channel as Draft['channel'] })}
            options={CHANNELS.map((c) => ({ value: c, label: t(`outreach.channel.${c}`) }))}
          />
          {draft.channel !== 'sms' && (
            <TextField label={t('outreach.subject')} value={draft.subject} onChange={(subject) => setDraft({ ...draft, subject })} />
          )}
          <div className="mb-2">
            <label htmlFor={bodyId} className="form-label-static">
              {t('outreach.body')}
            </label>
            <textarea
              id={bodyId}
              ref={bodyRef}
              className="form-control"
              rows={draft.channel === 'sms' ? 4 : 9}
              value={draft.body}
              onChange={(e) => setDraft({ ...draft, body: e.target.value })}
              aria-describedby={counterId}
            />
          </div>
          <PlaceholderButtons names={PLACEHOLDERS} target={bodyRef} text={draft.body} onChange={(body) => setDraft({ ...draft, body })} />
          <Button color="primary" type="button" onClick={() => void save()}>
            {t('outreach.save')}
          </Button>
        </div>
        <div className="col-lg-6">
          <h3 className="h5 mt-3 mt-lg-0">
            {preview ? t('outreach.previewFor', { name: preview.sample.name }) : t('outreach.preview')}{' '}
            {preview?.sample.synthetic && <small className="text-muted">{t('outreach.sampleNote')}</small>}
          </h3>
          <div id={counterId} aria-live="polite">
            {sms && <SmsCountText sms={sms} />}
            {preview && preview.unknownPlaceholders.length > 0 && (
              <p className="small text-danger mb-1">{t('outreach.unknown', { list: preview.unknownPlaceholders.join(', ') })}</p>
            )}
          </div>
          {preview && (
            <div className="border rounded p-3 bg-light" data-testid="preview">
              {preview.subject && <p className="fw-semibold">{preview.subject}</p>}
              <p className="mb-0" style={{ whiteSpace: 'pre-wrap' }}>
                {preview.body}
              </p>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
