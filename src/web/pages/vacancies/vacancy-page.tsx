import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { vacancyEndpoints } from '../../../shared/api/vacancies.endpoints';
import type { VacancyActionName, VacancyDetail } from '../../../shared/schemas/vacancies.schema';
import { call } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { Dialog } from '../../components/dialog';
import { useNotice } from '../../components/notice';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { TextAreaField, TextField } from '../../components/text-field';
import { useApiQuery } from '../../hooks/use-api-query';
import { useSession } from '../../session/session-context';
import { formatDate } from '../workers/people-format';
import { VacancyApplicationsSection } from '../applications/application-sections';
import { formatEuroCents } from '../../../shared/text/euro';
import { VacancyStateBadge, VacancyTabs } from './vacancy-format';

type MoveAction = Exclude<VacancyActionName, 'expire'>;

/** A vacancy: every field, its skills, its state with the log, and the moves the caller may make. */
export function VacancyPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const { data: v, error, setData } = useApiQuery(vacancyEndpoints.get, { params: { id } }, [id]);
  const [moving, setMoving] = useState<MoveAction | null>(null);
  if (!v) return <ProblemAlert error={error} />;
  const money = (c: number) => formatEuroCents(c, i18n.language);
  const pay =
    v.payMinCents !== null && v.payMaxCents !== null
      ? t('vacancies.detail.payRange', { min: money(v.payMinCents), max: money(v.payMaxCents) })
      : v.payMinCents !== null
        ? t('vacancies.detail.payFrom', { min: money(v.payMinCents) })
        : v.payMaxCents !== null
          ? t('vacancies.detail.payTo', { max: money(v.payMaxCents) })
          : t('vacancies.detail.notGiven');
  const essential = v.skills.filter((s) => s.relevance === 'essential');
  const optional = v.skills.filter((s) => s.relevance === 'optional');
  const moves = v.actions.filter((a): a is { action: MoveAction; reasonRequired: boolean } => a.action !== 'expire');
  return (
    <>
      <VacancyTabs />
      <PageTitle lead={`${v.employerName} · ${v.comuneName}`}>{v.title}</PageTitle>
      <p>
        <VacancyStateBadge state={v.state} />
      </p>
      <div className="d-flex flex-wrap gap-2 mb-3">
        {can('candidates.search') && (
          <Link className="btn btn-primary" to={`/offerte/${v.id}/candidati`}>
            {t('candidates.tab')}
          </Link>
        )}
        {v.editable && (
          <Link className="btn btn-outline-primary" to={`/offerte/${v.id}/modifica`}>
            {t('vacancies.detail.edit')}
          </Link>
        )}
        {moves.map((m) => (
          <Button
            key={m.action}
            color={m.action === 'publish' ? 'primary' : 'secondary'}
            outline={m.action !== 'publish'}
            onClick={() => setMoving(m.action)}
          >
            {t(`vacancies.actions.${m.action}`)}
          </Button>
        ))}
      </div>
      {!v.editable && moves.length === 0 && v.state !== 'filled' && <p className="small">{t('vacancies.detail.readOnly')}</p>}
      {moving && (
        <MoveDialog
          vacancy={v}
          action={moving}
          reasonRequired={moves.find((m) => m.action === moving)!.reasonRequired}
          onClose={() => setMoving(null)}
          onDone={(updated) => {
            setMoving(null);
            setData(updated);
          }}
        />
      )}
      {v.description && <p style={{ whiteSpace: 'pre-line' }}>{v.description}</p>}
      <dl className="row">
        <dt className="col-sm-4">{t('vacancies.detail.employer')}</dt>
        <dd className="col-sm-8">{v.employerName}</dd>
        <dt className="col-sm-4">{t('vacancies.detail.place')}</dt>
        <dd className="col-sm-8">{v.comuneName}</dd>
        <dt className="col-sm-4">{t('vacancies.detail.office')}</dt>
        <dd className="col-sm-8">{v.officeName}</dd>
        <dt className="col-sm-4">{t('vacancies.detail.occupation')}</dt>
        <dd className="col-sm-8">
          {v.occupationLabel ?? t('vacancies.detail.notGiven')}
          {v.cp2011Code && ` · ${t('vacancies.detail.cp2011')} ${v.cp2011Code}`}
        </dd>
        <dt className="col-sm-4">{t('vacancies.detail.contract')}</dt>
        <dd className="col-sm-8">
          {t(`vacancies.contract.${v.contractType}`)}
          {v.durationMonths !== null && ` · ${t('vacancies.detail.months', { count: v.durationMonths })}`} ·{' '}
          {t(`vacancies.workingTime.${v.workingTime}`)}
          {v.weeklyHours !== null && ` · ${t('vacancies.detail.hours', { hours: v.weeklyHours })}`}
        </dd>
        <dt className="col-sm-4">{t('vacancies.detail.ccnl')}</dt>
        <dd className="col-sm-8">
          {v.ccnlCode ? `${v.ccnlCode}${v.ccnlLevel ? ` · ${v.ccnlLevel}` : ''}` : t('vacancies.detail.notGiven')}
        </dd>
        <dt className="col-sm-4">{t('vacancies.detail.pay')}</dt>
        <dd className="col-sm-8">{pay}</dd>
        <dt className="col-sm-4">{t('vacancies.detail.positions')}</dt>
        <dd className="col-sm-8">{t('vacancies.positionsText', { filled: v.positionsFilled, positions: v.positions })}</dd>
        <dt className="col-sm-4">{t('vacancies.detail.start')}</dt>
        <dd className="col-sm-8">{v.startDate ? formatDate(v.startDate) : t('vacancies.detail.notGiven')}</dd>
        <dt className="col-sm-4">{t('vacancies.detail.deadline')}</dt>
        <dd className="col-sm-8">{formatDate(v.deadline)}</dd>
        <dt className="col-sm-4">{t('vacancies.detail.education')}</dt>
        <dd className="col-sm-8">
          {[v.eqfLevel !== null ? t('vacancies.detail.eqf', { level: v.eqfLevel }) : '', v.educationCode ?? '']
            .filter(Boolean)
            .join(' · ') || t('vacancies.detail.notGiven')}
        </dd>
        <dt className="col-sm-4">{t('vacancies.detail.languages')}</dt>
        <dd className="col-sm-8">
          {v.languages.length ? v.languages.map((l) => `${l.code.toUpperCase()} ${l.cefr}`).join(', ') : t('vacancies.detail.none')}
        </dd>
        <dt className="col-sm-4">{t('vacancies.detail.licences')}</dt>
        <dd className="col-sm-8">{v.drivingLicences.length ? v.drivingLicences.join(', ') : t('vacancies.detail.none')}</dd>
      </dl>
      <h2 className="h4">{t('vacancies.detail.skills')}</h2>
      <div className="row">
        {(
          [
            ['essential', essential],
            ['optional', optional],
          ] as const
        ).map(([kind, list]) => (
          <div key={kind} className="col-12 col-md-6">
            <h3 className="h5">{t(`vacancies.detail.${kind}`)}</h3>
            {list.length === 0 ? (
              <p>{t('vacancies.detail.none')}</p>
            ) : (
              <ul>
                {list.map((s) => (
                  <li key={s.uri}>{s.label}</li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
      <VacancyApplicationsSection vacancyId={v.id} />
      <h2 className="h4">{t('vacancies.detail.log')}</h2>
      <ol>
        {v.log.map((l, i) => (
          <li key={i}>
            {formatDate(l.at.slice(0, 10))} · {l.from ? `${t(`vacancies.state.${l.from}`)} → ` : ''}
            {t(`vacancies.state.${l.to}`)} · {l.actorName ?? t('vacancies.detail.system')}
            {l.reason && <div className="small">{l.reason}</div>}
          </li>
        ))}
      </ol>
    </>
  );
}

function MoveDialog({
  vacancy,
  action,
  reasonRequired,
  onClose,
  onDone,
}: {
  vacancy: VacancyDetail;
  action: MoveAction;
  reasonRequired: boolean;
  onClose(): void;
  onDone(v: VacancyDetail): void;
}) {
  const { t } = useTranslation();
  const { show } = useNotice();
  const fields = useFieldErrors();
  const [reason, setReason] = useState('');
  const [filled, setFilled] = useState(String(vacancy.positions));
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setError(null);
    try {
      const body = {
        version: vacancy.version,
        reason: reason || undefined,
        ...(action === 'fill' ? { positionsFilled: Number(filled) } : {}),
      };
      const updated = await call(vacancyEndpoints[action], { params: { id: vacancy.id }, body });
      show('success', t('vacancies.actions.done', { state: t(`vacancies.state.${updated.state}`) }));
      onDone(updated);
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
    }
  };
  return (
    <Dialog title={t(`vacancies.actions.${action}`)} onClose={onClose}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p>{vacancy.title}</p>
        {action === 'fill' && (
          <TextField
            label={t('vacancies.actions.positionsFilled')}
            value={filled}
            onChange={setFilled}
            inputMode="numeric"
            error={fields.errors.positionsFilled}
          />
        )}
        <TextAreaField
          label={t('vacancies.actions.reason')}
          value={reason}
          onChange={setReason}
          required={reasonRequired}
          error={fields.errors.reason}
        />
        <ProblemAlert error={error} />
        <div className="d-flex gap-2">
          <Button color="primary" type="submit">
            {t('vacancies.actions.confirm')}
          </Button>
          <Button color="secondary" outline type="button" onClick={onClose}>
            {t('vacancies.actions.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
