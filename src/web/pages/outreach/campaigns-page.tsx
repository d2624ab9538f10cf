import { Alert, Badge, Button } from 'design-react-kit';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Campaign, type Template } from '../../../shared/schemas/outreach.schema';
import { campaignEndpoints } from '../../../shared/api/outreach.endpoints';
import { programmeEndpoints } from '../../../shared/api/programmes.endpoints';
import { call, saveFile } from '../../api/client';
import { useNotice } from '../../components/notice';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextField } from '../../components/text-field';
import { OutboxPanel } from './outbox-panel';
import { RecipientsPanel } from './recipients-panel';
import { StartDialog } from './start-dialog';
import { TemplateEditor } from './template-editor';

type Transports = { email: 'smtp' | 'outbox'; sms: 'http' | 'outbox' };
const STATUS_COLOR = { draft: 'secondary', running: 'primary', done: 'success' } as const;

/** Coordinators' outreach screen: campaigns, a new campaign, the template editor, recipients. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const { show } = useNotice();
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [programmes, setProgrammes] = useState<Array<{ id: string; name: string }>>([]);
  const [transports, setTransports] = useState<Transports | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [outboxOf, setOutboxOf] = useState<string | null>(null);
  const [starting, setStarting] = useState<Campaign | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form, setForm] = useState<{
    name: string;
    channel: (typeof CHANNELS)[number];
    templateId: string;
    programmeId: string;
    reminderAfterDays: string;
    maxReminders: string;
    excludeReachedDays: string;
  }>({ name: '', channel: 'sms', templateId: '', programmeId: '', reminderAfterDays: '7', maxReminders: '2', excludeReachedDays: '30' });

  const reload = useCallback(() => {
    call(campaignEndpoints.list).then((r) => setCampaigns(r.items), setError);
    call(campaignEndpoints.templates).then((r) => setTemplates(r.items), setError);
  }, []);
  useEffect(() => {
    reload();
    call(campaignEndpoints.transports).then(setTransports, setError);
    call(programmeEndpoints.list).then(
      (r) => setProgrammes(r.items),
      () => undefined,
    );
  }, [reload]);

  async function finish(c: Campaign) {
    setError(null);
    try {
      await call(campaignEndpoints.finish, { params: { id: c.id } });
      show('success', t('outreach.finished'));
      reload();
    } catch (err) {
      setError(err);
    }
  }

  async function downloadLetters(c: Campaign) {
    setError(null);
    try {
      // The PDF is saved under the name the server gives it (Content-Disposition).
      saveFile(await call(campaignEndpoints.letters, { params: { id: c.id } }));
    } catch (err) {
      return setError(err);
    }
    reload();
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await call(campaignEndpoints.create, {
        body: {
          name: form.name,
          channel: form.channel,
          templateId: form.templateId,
          programmeId: form.programmeId || null,
          reminderAfterDays: Number(form.reminderAfterDays),
          maxReminders: Number(form.maxReminders),
          excludeReachedDays: Number(form.excludeReachedDays),
        },
      });
      show('success', t('outreach.created'));
      setForm({ ...form, name: '' });
      reload();
    } catch (err) {
      setError(err);
    }
  }

  const outboxWhat =
    transports &&
    (transports.email === 'outbox' && transports.sms === 'outbox'
      ? t('outreach.outboxBoth')
      : transports.email === 'outbox'
        ? t('outreach.outboxEmail')
        : transports.sms === 'outbox'
          ? t('outreach.outboxSms')
          : null);
  const forChannel = templates.filter((x) => x.channel === form.channel);
  const current = campaigns.find((c) => c.id === selected) ?? null;

  return (
    <>
      <PageTitle lead={t('outreach.lead')}>{t('outreach.title')}</PageTitle>
      {outboxWhat && <Alert color="info">{t('outreach.outbox', { what: outboxWhat })}</Alert>}
      <ProblemAlert error={error} />
      <section aria-labelledby="campaigns-title">
        <h2 id="campaigns-title" className="h4">
          {t('outreach.campaigns')}
        </h2>
        {campaigns.length === 0 ? (
          <p>{t('outreach.none')}</p>
        ) : (
          <div className="table-responsive">
            <table className="table align-middle">
              <caption className="visually-hidden">{t('outreach.campaigns')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('outreach.col.name')}</th>
                  <th scope="col">{t('outreach.col.channel')}</th>
                  <th scope="col">{t('outreach.col.status')}</th>
                  <th scope="col">{t('outreach.col.counts')}</th>
                  <th scope="col">{t('outreach.col.messages')}</th>
                  <th scope="col">{t('outreach.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {campaigns.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.name}</th>
                    <td>{t(`outreach.channel.${c.channel}`)}</td>
                    <td>
                      <Badge color={STATUS_COLOR[c.status]}>{t(`outreach.status.${c.status}`)}</Badge>
                    </td>
                    <td className="small">
                      {(['invited', 'reminded', 'registered', 'declined', 'unreachable'] as const)
                        .filter((s) => c.counts[s] > 0)
                        .map((s) => `${t(`outreach.recipientStatus.${s}`)} ${c.counts[s]}`)
                        .join(' · ') || '—'}
                    </td>
                    <td className="small">{t('outreach.messages', c.messages)}</td>
                    <td>
                      <div className="d-flex flex-wrap gap-1">
                        {c.status === 'draft' && (
                          <Button size="sm" color="primary" onClick={() => setStarting(c)} aria-label={`${t('outreach.start')}: ${c.name}`}>
                            {t('outreach.start')}
                          </Button>
                        )}
                        {c.status === 'running' && (
                          <Button
                            size="sm"
                            color="secondary"
                            outline
                            onClick={() => void finish(c)}
                            aria-label={`${t('outreach.finish')}: ${c.name}`}
                          >
                            {t('outreach.finish')}
                          </Button>
                        )}
                        {c.channel === 'letter' && c.status !== 'draft' && (
                          <Button
                            size="sm"
                            color="secondary"
                            outline
                            onClick={() => void downloadLetters(c)}
                            aria-label={`${t('outreach.letters')}: ${c.name}`}
                          >
                            {t('outreach.letters')}
                          </Button>
                        )}
                        {c.status !== 'draft' && (
                          <Button
                            size="sm"
                            color="link"
                            onClick={() => setSelected(c.id)}
                            aria-label={`${t('outreach.recipients')}: ${c.name}`}
                            aria-pressed={selected === c.id}
                          >
                            {t('outreach.recipients')}
                          </Button>
                        )}
                        {c.status !== 'draft' && (
                          <Button
                            size="sm"
                            color="link"
                            onClick={() => setOutboxOf(c.id)}
                            aria-label={`${t('outreach.outboxButton')}: ${c.name}`}
                            aria-pressed={outboxOf === c.id}
                          >
                            {t('outreach.outboxButton')}
                          </Button>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {current && <RecipientsPanel campaign={current} />}
      {campaigns.find((c) => c.id === outboxOf) && <OutboxPanel campaign={campaigns.find((c) => c.id === outboxOf)!} onChanged={reload} />}
      {starting && (
        <StartDialog
          campaign={starting}
          onClose={() => setStarting(null)}
          onStarted={(updated) => {
            setStarting(null);
            show('success', t('outreach.started', { count: updated.counts.invited }));
            reload();
          }}
        />
      )}
      <section aria-labelledby="new-campaign-title" className="mt-5">
        <h2 id="new-campaign-title" className="h4">
          {t('outreach.newCampaign')}
        </h2>
        <form onSubmit={(e) => void create(e)} className="row">
          <TextField
            className="col-md-6"
            label={t('outreach.campaignName')}
            value={form.name}
            onChange={(name) => setForm({ ...form, name })}
            required
          />
          <SelectField
            className="col-md-3"
            label={t('outreach.col.channel')}
            value={form.channel}
            onChange={(channel) => setForm({ ...form, channel: channel as typeof form.channel, templateId: '' })}
            options={CHANNELS.map((c) => ({ value: c, label: t(`outreach.channel.${c}`) }))}
          />
          <SelectField
            className="col-md-3"
            label={t('outreach.template')}
            value={form.templateId}
            onChange={(templateId) => setForm({ ...form, templateId })}
            options={[{ value: '', label: '—' }, ...forChannel.map((x) => ({ value: x.id, label: x.name }))]}
          />
          <SelectField
            className="col-md-6"
            label={t('outreach.programme')}
            value={form.programmeId}
            onChange={(programmeId) => setForm({ ...form, programmeId })}
            options={[{ value: '', label: t('outreach.noProgramme') }, ...programmes.map((p) => ({ value: p.id, label: p.name }))]}
          />
          <TextField
            className="col-md-3"
            label={t('outreach.reminderAfterDays')}
            type="number"
            min={1}
            max={90}
            value={form.reminderAfterDays}
            onChange={(reminderAfterDays) => setForm({ ...form, reminderAfterDays })}
          />
          <TextField
            className="col-md-3"
            label={t('outreach.maxReminders')}
            type="number"
            min={0}
            max={10}
            value={form.maxReminders}
            onChange={(maxReminders) => setForm({ ...form, maxReminders })}
          />
          <TextField
            className="col-md-6"
            label={t('outreach.excludeReachedDays')}
            type="number"
            min={0}
            max={365}
            value={form.excludeReachedDays}
            onChange={(excludeReachedDays) => setForm({ ...form, excludeReachedDays })}
          />
          <div className="col-12">
            <Button color="primary" type="submit">
              {t('outreach.create')}
            </Button>
          </div>
        </form>
      </section>
      <TemplateEditor templates={templates} onSaved={reload} />
    </>
  );
}
