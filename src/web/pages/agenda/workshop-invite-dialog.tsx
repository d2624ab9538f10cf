import { Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { workshopEndpoints } from '../../../shared/api/appointments.endpoints';
import type { invitationCandidatesSchema, invitationCompaniesSchema, WorkshopView } from '../../../shared/schemas/workshops.schema';
import type { WorkerSummary } from '../../../shared/schemas/people.schema';
import { call } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField } from '../../components/text-field';
import { WorkerSearch, workerName } from './worker-search';

type Candidates = z.infer<typeof invitationCandidatesSchema>;
type Company = z.infer<typeof invitationCompaniesSchema>['items'][number];
type Way = 'company' | 'cv' | 'search';

/** A worker to invite, from a selection's preview or from the search: what tells same-name workers apart beside the name. */
interface Pick {
  id: string;
  name: string;
  detail: string;
}

/**
 * Invitations by selection: everyone enrolled from one crisis company of the office, everyone
 * enrolled without CV support received yet, or workers searched by hand. A selection is previewed
 * (names with codice fiscale and company, those already in the session shown as such) with every
 * new worker ticked; the operator sends to all or to the ticked ones.
 */
export function InviteDialog({
  workshop: w,
  onDone,
  onClose,
}: {
  workshop: WorkshopView;
  onDone(result: { invited: number; already: number }): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [way, setWay] = useState<Way>('company');
  const [companies, setCompanies] = useState<Company[] | null>(null);
  const [companyId, setCompanyId] = useState('');
  const [preview, setPreview] = useState<Candidates | null>(null);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [picked, setPicked] = useState<Pick[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const inSession = new Set(w.participants.filter((p) => p.status !== 'cancelled' && p.status !== 'declined').map((p) => p.worker.id));

  useEffect(() => {
    call(workshopEndpoints.invitationCompanies, { params: { id: w.id } }).then((r) => setCompanies(r.items), setError);
  }, [w.id]);

  useEffect(() => {
    setPreview(null);
    setError(null);
    if (way === 'search' || (way === 'company' && !companyId)) return;
    let live = true;
    const query = way === 'company' ? { companyId } : { without: 'cv_support' as const };
    call(workshopEndpoints.invitationCandidates, { params: { id: w.id }, query }).then(
      (r) => {
        if (!live) return;
        setPreview(r);
        setTicked(new Set(r.items.filter((i) => i.participantStatus === null).map((i) => i.worker.id)));
      },
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [w.id, way, companyId]);

  const toggleTicked = (id: string) => {
    const next = new Set(ticked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setTicked(next);
  };
  const isPicked = (id: string) => picked.some((p) => p.id === id);
  const togglePicked = (worker: WorkerSummary) =>
    setPicked(
      isPicked(worker.id)
        ? picked.filter((p) => p.id !== worker.id)
        : [...picked, { id: worker.id, name: workerName(worker), detail: worker.codiceFiscale ?? '' }],
    );
  const chosen = way === 'search' ? picked.map((p) => p.id) : [...ticked];

  const send = async () => {
    if (busy || chosen.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await call(workshopEndpoints.invite, { params: { id: w.id }, body: { workerIds: chosen } }));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const ways: Way[] = ['company', 'cv', 'search'];
  return (
    <Dialog title={t('agenda.workshops.invite.title', { title: w.title })} onClose={onClose}>
      <fieldset className="mb-3">
        <legend className="h6">{t('agenda.workshops.invite.who')}</legend>
        {ways.map((option) => (
          <div key={option} className="form-check">
            <input
              id={`invite-way-${option}`}
              type="radio"
              name="invite-way"
              className="form-check-input"
              checked={way === option}
              onChange={() => setWay(option)}
            />
            <label htmlFor={`invite-way-${option}`} className="form-check-label">
              {t(`agenda.workshops.invite.ways.${option}`)}
            </label>
          </div>
        ))}
      </fieldset>
      {way === 'company' && (
        <SelectField
          label={t('agenda.workshops.invite.company')}
          help={companies && companies.length === 0 ? t('agenda.workshops.invite.noCompanies') : t('agenda.workshops.invite.companyHelp')}
          value={companyId}
          onChange={setCompanyId}
          options={[
            { value: '', label: t('agenda.workshops.invite.chooseCompany') },
            ...(companies ?? []).map((c) => ({
              value: c.id,
              label: t('agenda.workshops.invite.companyOption', { name: c.name, count: c.workers }),
            })),
          ]}
        />
      )}
      {way === 'cv' && <p className="small">{t('agenda.workshops.invite.cvHelp')}</p>}
      {way === 'search' && (
        <>
          <p className="small">{t('agenda.workshops.invite.help')}</p>
          <WorkerSearch
            action={(worker) =>
              inSession.has(worker.id) ? (
                <span className="small">{t('agenda.workshops.invite.already')}</span>
              ) : (
                <div className="form-check mb-0">
                  <input
                    id={`invite-${worker.id}`}
                    type="checkbox"
                    className="form-check-input"
                    checked={isPicked(worker.id)}
                    onChange={() => togglePicked(worker)}
                  />
                  <label htmlFor={`invite-${worker.id}`} className="form-check-label">
                    {t('agenda.workshops.invite.pick')}
                    <span className="visually-hidden"> {workerName(worker)}</span>
                  </label>
                </div>
              )
            }
          />
          <h3 className="h6">{t('agenda.workshops.invite.chosen', { count: picked.length })}</h3>
          {picked.length > 0 && (
            <ul className="list-unstyled d-flex flex-wrap gap-2">
              {picked.map((p) => (
                <li key={p.id}>
                  <Button color="secondary" outline size="sm" onClick={() => setPicked(picked.filter((x) => x.id !== p.id))}>
                    {p.name} <span aria-hidden="true">×</span>
                    <span className="visually-hidden"> ({t('agenda.workshops.invite.remove')})</span>
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {way !== 'search' && preview && (
        <Preview
          preview={preview}
          ticked={ticked}
          onToggle={toggleTicked}
          onTickAll={(all) =>
            setTicked(new Set(all ? preview.items.filter((i) => i.participantStatus === null).map((i) => i.worker.id) : []))
          }
        />
      )}
      <ProblemAlert error={error} />
      <div className="d-flex flex-wrap gap-2 justify-content-end">
        <Button color="secondary" outline onClick={onClose}>
          {t('agenda.workshops.form.discard')}
        </Button>
        <Button color="primary" disabled={busy || chosen.length === 0} onClick={() => void send()}>
          {t('agenda.workshops.invite.send', { count: chosen.length })}
        </Button>
      </div>
    </Dialog>
  );
}

/** The selection's workers, new ones ticked; those already in the session with their status and no box. */
function Preview({
  preview,
  ticked,
  onToggle,
  onTickAll,
}: {
  preview: Candidates;
  ticked: Set<string>;
  onToggle(id: string): void;
  onTickAll(all: boolean): void;
}) {
  const { t } = useTranslation();
  const already = preview.items.length - preview.count;
  return (
    <section aria-labelledby="invite-preview-h" className="mb-3">
      <div role="status">
        <h3 id="invite-preview-h" className="h6">
          {preview.items.length === 0
            ? t('agenda.workshops.invite.previewNone')
            : t('agenda.workshops.invite.preview', { count: preview.count })}
          {already > 0 && ` ${t('agenda.workshops.invite.previewAlready', { count: already })}`}
        </h3>
      </div>
      {preview.count > 1 && (
        <div className="d-flex flex-wrap gap-2 mb-2">
          <Button color="secondary" outline size="xs" onClick={() => onTickAll(true)} disabled={ticked.size === preview.count}>
            {t('agenda.workshops.invite.tickAll')}
          </Button>
          <Button color="secondary" outline size="xs" onClick={() => onTickAll(false)} disabled={ticked.size === 0}>
            {t('agenda.workshops.invite.tickNone')}
          </Button>
        </div>
      )}
      {preview.truncated && <p className="small">{t('agenda.workshops.invite.truncated', { count: preview.items.length })}</p>}
      <ul className="list-unstyled mb-0 agenda-invite-preview">
        {preview.items.map((c) => (
          <li key={c.worker.id} className="border-bottom py-2">
            {c.participantStatus === null ? (
              <div className="form-check mb-0">
                <input
                  id={`preview-${c.worker.id}`}
                  type="checkbox"
                  className="form-check-input"
                  checked={ticked.has(c.worker.id)}
                  onChange={() => onToggle(c.worker.id)}
                />
                <label htmlFor={`preview-${c.worker.id}`} className="form-check-label">
                  <span className="fw-semibold">{c.worker.name}</span>
                  <span className="small d-block">{[c.codiceFiscale, c.companyName].filter(Boolean).join(' · ')}</span>
                </label>
              </div>
            ) : (
              <div>
                <span className="fw-semibold">{c.worker.name}</span>{' '}
                <span className="badge bg-secondary">{t(`agenda.workshops.participantStatus.${c.participantStatus}`)}</span>
                <span className="small d-block">{[c.codiceFiscale, c.companyName].filter(Boolean).join(' · ')}</span>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
