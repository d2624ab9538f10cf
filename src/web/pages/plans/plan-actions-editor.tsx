import { Badge, Button } from 'design-react-kit';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { planEndpoints } from '../../../shared/api/plans.endpoints';
import { PLAN_ACTION_STATUSES, type PlanDetail } from '../../../shared/schemas/plans.schema';
import { call } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextField } from '../../components/text-field';
import { formatDate } from '../workers/people-format';
import { InlineRename } from './plan-rename';

/** Themes → objectives → actions, each action's status changed in place, and the form that adds one. */
export function PlanActionsEditor({ plan, editable, onChange }: { plan: PlanDetail; editable: boolean; onChange(plan: PlanDetail): void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const run = (request: Promise<PlanDetail>) =>
    request.then((updated) => {
      setError(null);
      onChange(updated);
    }, setError);
  return (
    <section aria-labelledby="plan-actions-h" className="mb-4">
      <h2 id="plan-actions-h" className="h4">
        {t('plans.actions.title')}
      </h2>
      <ProblemAlert error={error} />
      {plan.themes.length === 0 && <p>{t('plans.actions.none')}</p>}
      {plan.themes.map((theme) => (
        <div key={theme.id} className="mb-3">
          <InlineRename
            value={theme.title}
            label={t('plans.rename.themeOf', { title: theme.title })}
            maxLength={200}
            field="title"
            editable={editable}
            save={(title) => call(planEndpoints.renameTheme, { params: { planId: plan.id, themeId: theme.id }, body: { title } })}
            onSaved={onChange}
          >
            <h3 className="h5">{theme.title}</h3>
          </InlineRename>
          {theme.objectives.map((objective) => (
            <div key={objective.id} className="mb-3 ps-md-3">
              <InlineRename
                value={objective.title}
                label={t('plans.rename.objectiveOf', { title: objective.title })}
                maxLength={300}
                field="title"
                editable={editable}
                save={(title) =>
                  call(planEndpoints.renameObjective, { params: { planId: plan.id, objectiveId: objective.id }, body: { title } })
                }
                onSaved={onChange}
              >
                <h4 className="h6">{objective.title}</h4>
              </InlineRename>
              <ul className="list-unstyled">
                {objective.actions.map((a) => (
                  <li key={a.id} className="border-bottom py-2 d-flex flex-wrap align-items-center gap-2">
                    <div className="flex-grow-1" style={{ minWidth: '14rem' }}>
                      <InlineRename
                        value={a.description}
                        label={t('plans.rename.actionOf', { description: a.description })}
                        maxLength={500}
                        field="description"
                        editable={editable}
                        save={(description) =>
                          call(planEndpoints.updateAction, { params: { planId: plan.id, actionId: a.id }, body: { description } })
                        }
                        onSaved={onChange}
                      >
                        <span>{a.description}</span>
                      </InlineRename>
                      <small>
                        {t('plans.actions.owner')}: {t(`plans.actions.ownerValue.${a.owner}`)} · {t('plans.actions.dueDate')}{' '}
                        {formatDate(a.dueDate)}
                        {a.doneOn ? ` · ${t('plans.actions.doneOn', { date: formatDate(a.doneOn) })}` : ''}
                      </small>{' '}
                      {a.overdue && <Badge color="danger">{t('plans.actions.overdue')}</Badge>}
                    </div>
                    {editable ? (
                      <>
                        <select
                          className="form-select w-auto"
                          aria-label={t('plans.actions.statusOf', { description: a.description })}
                          value={a.status}
                          onChange={(e) =>
                            void run(
                              call(planEndpoints.updateAction, {
                                params: { planId: plan.id, actionId: a.id },
                                body: { status: e.target.value as (typeof PLAN_ACTION_STATUSES)[number] },
                              }),
                            )
                          }
                        >
                          {PLAN_ACTION_STATUSES.map((s) => (
                            <option key={s} value={s}>
                              {t(`plans.actions.statusValue.${s}`)}
                            </option>
                          ))}
                        </select>
                        <Button
                          color="danger"
                          outline
                          size="sm"
                          aria-label={t('plans.actions.removeOf', { description: a.description })}
                          onClick={() => void run(call(planEndpoints.removeAction, { params: { planId: plan.id, actionId: a.id } }))}
                        >
                          {t('plans.actions.remove')}
                        </Button>
                      </>
                    ) : (
                      <Badge color="secondary">{t(`plans.actions.statusValue.${a.status}`)}</Badge>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ))}
      {editable && <AddActionForm plan={plan} onAdded={onChange} />}
    </section>
  );
}

function AddActionForm({ plan, onAdded }: { plan: PlanDetail; onAdded(plan: PlanDetail): void }) {
  const { t } = useTranslation();
  const themesId = useId();
  const objectivesId = useId();
  const fields = useFieldErrors();
  const [form, setForm] = useState({
    themeTitle: '',
    objectiveTitle: '',
    description: '',
    owner: 'worker' as 'worker' | 'consultant',
    dueDate: '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = {
      ...(form.themeTitle.trim() && { themeTitle: form.themeTitle.trim() }),
      ...(form.objectiveTitle.trim() && { objectiveTitle: form.objectiveTitle.trim() }),
      description: form.description,
      owner: form.owner,
      dueDate: form.dueDate,
    };
    if (busy || !fields.check(planEndpoints.addAction, body, event.currentTarget)) return;
    setBusy(true);
    setError(null);
    try {
      onAdded(await call(planEndpoints.addAction, { params: { planId: plan.id }, body }));
      setForm((f) => ({ ...f, description: '', dueDate: '' }));
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const objectives = plan.themes.find((th) => th.title === form.themeTitle.trim())?.objectives ?? [];
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="border rounded p-3" aria-labelledby="plan-add-h">
      <h3 id="plan-add-h" className="h5">
        {t('plans.actions.add')}
      </h3>
      <div className="row">
        <TextField
          className="col-md-6"
          label={t('plans.actions.theme')}
          help={t('plans.actions.themeHelp')}
          value={form.themeTitle}
          onChange={set('themeTitle')}
          list={themesId}
          maxLength={200}
          error={fields.errors.themeTitle}
        />
        <datalist id={themesId}>
          {plan.themes.map((th) => (
            <option key={th.id} value={th.title} />
          ))}
        </datalist>
        <TextField
          className="col-md-6"
          label={t('plans.actions.objective')}
          help={t('plans.actions.objectiveHelp')}
          value={form.objectiveTitle}
          onChange={set('objectiveTitle')}
          list={objectivesId}
          maxLength={300}
          error={fields.errors.objectiveTitle}
        />
        <datalist id={objectivesId}>
          {objectives.map((o) => (
            <option key={o.id} value={o.title} />
          ))}
        </datalist>
        <TextField
          className="col-12"
          label={t('plans.actions.description')}
          value={form.description}
          onChange={set('description')}
          maxLength={500}
          required
          error={fields.errors.description}
        />
        <SelectField
          className="col-md-6"
          label={t('plans.actions.owner')}
          value={form.owner}
          onChange={set('owner')}
          options={(['worker', 'consultant'] as const).map((value) => ({ value, label: t(`plans.actions.ownerValue.${value}`) }))}
          required
        />
        <TextField
          className="col-md-6"
          label={t('plans.actions.dueDate')}
          type="date"
          value={form.dueDate}
          onChange={set('dueDate')}
          required
          error={fields.errors.dueDate}
        />
      </div>
      <ProblemAlert error={error} shownBesideFields={fields.errors} />
      <Button color="primary" type="submit" disabled={busy}>
        {t('plans.actions.addSubmit')}
      </Button>
    </form>
  );
}
