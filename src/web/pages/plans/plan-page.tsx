import { Badge, Button } from 'design-react-kit';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { planEndpoints } from '../../../shared/api/plans.endpoints';
import { programmeEndpoints } from '../../../shared/api/programmes.endpoints';
import { workerEndpoints } from '../../../shared/api/people.endpoints';
import type { PlanDetail } from '../../../shared/schemas/plans.schema';
import { ENROLLMENT_STATE_LABELS } from '../../../shared/schemas/programmes.schema';
import { call, saveFile } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { useNotice } from '../../components/notice';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField } from '../../components/text-field';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatDateTime } from '../../i18n/i18n';
import { PlanActionsEditor } from './plan-actions-editor';
import { CloseDialog, ReviewDialog, SignDialog } from './plan-dialogs';
import { PlanTerms } from './plan-terms';
import { formatDate } from '../workers/people-format';

const STATE_COLOR = { draft: 'secondary', signed: 'success', under_review: 'warning', closed: 'dark' } as const;

/** The worker's patto di servizio: the plan chosen (the open one by default), built inline, signed, printed, reviewed and closed. */
export function PlanPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { show } = useNotice();
  const [search, setSearch] = useSearchParams();
  const worker = useApiQuery(workerEndpoints.get, { params: { id } }, [id]);
  const list = useApiQuery(planEndpoints.listOfWorker, { params: { id } }, [id]);
  const items = list.data?.items ?? [];
  const chosen = search.get('patto') ?? items.find((p) => p.state !== 'closed')?.id ?? items[0]?.id ?? null;
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [dialog, setDialog] = useState<'sign' | 'review' | 'close' | null>(null);

  useEffect(() => {
    if (!chosen) return setPlan(null);
    call(planEndpoints.get, { params: { planId: chosen } }).then(setPlan, setError);
  }, [chosen]);

  const updated = (next: PlanDetail, notice?: string) => {
    setPlan(next);
    setError(null);
    if (notice) show('success', notice);
    list.reload();
  };
  const name = worker.data ? `${worker.data.lastName} ${worker.data.firstName}` : '';
  const editable = plan !== null && plan.state !== 'closed';
  const language = i18n.language === 'en' ? 'en' : 'it';

  return (
    <>
      <PageTitle lead={t('plans.lead')}>{name ? t('plans.titleOf', { name }) : t('plans.title')}</PageTitle>
      <p>
        <Link to={`/lavoratori/${id}`}>{t('plans.backToWorker')}</Link>
      </p>
      <ProblemAlert error={worker.error ?? list.error ?? error} />
      {list.data && items.length === 0 && <p>{t('plans.none')}</p>}
      {list.data && !items.some((p) => p.state !== 'closed') && (
        <CreatePlanForm
          workerId={id}
          onCreated={(p) => {
            setSearch({ patto: p.id });
            updated(p, t('plans.create.done'));
          }}
        />
      )}
      {plan && (
        <>
          <div className="d-flex flex-wrap align-items-center gap-2 mb-3">
            <Badge color={STATE_COLOR[plan.state]} className="fs-6">
              {t(`plans.state.${plan.state}`)}
            </Badge>
            <span>{t('plans.terms.version', { version: plan.version })}</span>
          </div>
          <div className="d-flex flex-wrap gap-2 mb-4">
            {plan.moves.includes('sign') && (
              <Button color="primary" onClick={() => setDialog('sign')}>
                {t('plans.moves.sign')}
              </Button>
            )}
            {plan.moves.includes('review') && (
              <Button color="primary" outline onClick={() => setDialog('review')}>
                {t('plans.moves.review')}
              </Button>
            )}
            <Button
              color="primary"
              outline
              onClick={() => call(planEndpoints.pdf, { params: { planId: plan.id } }).then(saveFile, setError)}
            >
              {t('plans.moves.pdf')}
            </Button>
            {plan.moves.includes('close') && (
              <Button color="danger" outline onClick={() => setDialog('close')}>
                {t('plans.moves.close')}
              </Button>
            )}
          </div>
          <PlanTerms plan={plan} editable={editable} onSaved={(p) => updated(p, t('plans.terms.saved'))} />
          <PlanActionsEditor plan={plan} editable={editable} onChange={(p) => updated(p)} />
          <section aria-labelledby="plan-reviews-h" className="mb-4">
            <h2 id="plan-reviews-h" className="h4">
              {t('plans.review.list')}
            </h2>
            {plan.reviews.length === 0 ? (
              <p>{t('plans.review.none')}</p>
            ) : (
              <ul>
                {plan.reviews.map((r) => (
                  <li key={r.id}>
                    <strong>{t('plans.review.by', { date: formatDate(r.reviewedOn), name: r.reviewer })}</strong>: {r.note}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <PlanVersions planId={plan.id} version={plan.version} />
        </>
      )}
      {items.length > 1 && (
        <section aria-labelledby="plan-others-h" className="mb-4">
          <h2 id="plan-others-h" className="h4">
            {t('plans.otherPlans')}
          </h2>
          <ul>
            {items
              .filter((p) => p.id !== plan?.id)
              .map((p) => (
                <li key={p.id}>
                  <Link to={`/lavoratori/${id}/piano?patto=${p.id}`}>{t('plans.openPlanOf', { programme: p.programme.name })}</Link> ·{' '}
                  {t(`plans.state.${p.state}`)}
                  {p.closedOn ? ` · ${t('plans.terms.closed', { date: formatDate(p.closedOn) })}` : ''}
                </li>
              ))}
          </ul>
        </section>
      )}
      {plan && dialog === 'sign' && (
        <SignDialog
          plan={plan}
          onClose={() => setDialog(null)}
          onDone={(result) => {
            setDialog(null);
            const e = result.enrollment;
            const text = e.moved
              ? t('plans.sign.enrolled')
              : t(`plans.sign.notMoved.${e.code ?? 'ENROLLMENT_NOT_FOUND'}`, {
                  state: e.state ? ENROLLMENT_STATE_LABELS[language][e.state] : '',
                });
            setPlan(result.plan);
            show(e.moved || e.code === 'ALREADY_ENROLLED' ? 'success' : 'warning', text);
            list.reload();
          }}
        />
      )}
      {plan && dialog === 'review' && (
        <ReviewDialog
          plan={plan}
          onClose={() => setDialog(null)}
          onDone={(p) => {
            setDialog(null);
            updated(p, t('plans.review.done'));
          }}
        />
      )}
      {plan && dialog === 'close' && (
        <CloseDialog
          plan={plan}
          onClose={() => setDialog(null)}
          onDone={(p) => {
            setDialog(null);
            updated(p, t('plans.close.done'));
          }}
        />
      )}
    </>
  );
}

function CreatePlanForm({ workerId, onCreated }: { workerId: string; onCreated(plan: PlanDetail): void }) {
  const { t } = useTranslation();
  const programmes = useApiQuery(programmeEndpoints.list, {}, []);
  const open = (programmes.data?.items ?? []).filter((p) => p.status === 'open');
  const [programmeId, setProgrammeId] = useState('');
  const fields = useFieldErrors();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const chosen = programmeId || open[0]?.id || '';
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = { programmeId: chosen };
    if (busy || !fields.check(planEndpoints.create, body, event.currentTarget)) return;
    setBusy(true);
    setError(null);
    try {
      onCreated(await call(planEndpoints.create, { params: { id: workerId }, body }));
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="border rounded p-3 mb-4" aria-labelledby="plan-create-h">
      <h2 id="plan-create-h" className="h4">
        {t('plans.create.title')}
      </h2>
      <SelectField
        label={t('plans.create.programme')}
        value={chosen}
        onChange={setProgrammeId}
        options={open.map((p) => ({ value: p.id, label: p.name }))}
        required
        error={fields.errors.programmeId}
      />
      <ProblemAlert error={error ?? programmes.error} shownBesideFields={fields.errors} />
      <Button color="primary" type="submit" disabled={busy || !chosen}>
        {t('plans.create.submit')}
      </Button>
    </form>
  );
}

function PlanVersions({ planId, version }: { planId: string; version: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const versions = useApiQuery(planEndpoints.versions, { params: { planId } }, [planId, version], { enabled: open });
  return (
    <details className="mb-4" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary className="h5">{t('plans.versions.title')}</summary>
      <ul className="small">
        {(versions.data?.items ?? []).map((v) => (
          <li key={v.version}>
            {t('plans.versions.item', {
              version: v.version,
              at: formatDateTime(v.at),
              actor: v.actor,
              change: v.change,
            })}
          </li>
        ))}
      </ul>
    </details>
  );
}
