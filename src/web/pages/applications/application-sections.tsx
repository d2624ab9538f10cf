import { Badge, Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applicationEndpoints } from '../../../shared/api/applications.endpoints';
import {
  APPLICATION_REASONS,
  APPLICATION_STATES,
  type ApplicationSummary,
  type ReasonList,
} from '../../../shared/schemas/applications.schema';
import { ProblemAlert } from '../../components/problem-alert';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatDateTime } from '../../i18n/i18n';
import { ApplicationContractPanel } from './application-contract-panel';
import { ApplicationMailPanel } from './application-mail-panel';
import { ApplicationMoveDialog, type MoveAction } from './application-move-dialog';

const OPEN = new Set(['proposed', 'preselected', 'sent', 'interview', 'offer']);

function ReasonText({ a }: { a: ApplicationSummary }) {
  const { i18n } = useTranslation();
  if (!a.reasonCode) return null;
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const label = (['refusal', 'decline', 'withdrawal'] as const).map((l) => APPLICATION_REASONS[l][a.reasonCode!]?.[lang]).find(Boolean);
  return label ? <span className="small"> · {label}</span> : null;
}

/** One application as a list item: the worker (initials when another office follows them), its office, and the moves allowed. */
function ApplicationItem({
  a,
  showVacancy,
  onMove,
  onChanged,
}: {
  a: ApplicationSummary;
  showVacancy: boolean;
  onMove(action: MoveAction, reasons: ReasonList | null): void;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const [contractOpen, setContractOpen] = useState(false);
  const [mailOpen, setMailOpen] = useState(false);
  // The e-mails to the employer and its answers: once sent, for who may see the worker.
  const hasMail = a.sentAt !== null && a.worker.inScope;
  const moves = a.actions.filter((m): m is { action: MoveAction; reasons: ReasonList | null } => m.action !== 'expire');
  // The offer's terms, the checklist and the incentives: at offer or hired, for who may see the worker.
  const hasContract = (a.state === 'offer' || a.state === 'hired') && a.worker.inScope;
  return (
    <li className="list-group-item">
      <div className="d-flex flex-wrap justify-content-between gap-2">
        <div>
          {showVacancy ? (
            <Link to={`/offerte/${a.vacancyId}`}>{a.vacancyTitle}</Link>
          ) : a.worker.inScope ? (
            <Link to={`/lavoratori/${a.worker.id}`}>
              {a.worker.lastName} {a.worker.firstName}
            </Link>
          ) : (
            <span>
              {a.worker.lastName} {a.worker.firstName}{' '}
              <span className="small">({t('applications.otherOffice', { office: a.worker.officeName })})</span>
            </span>
          )}
          <div className="small">
            {t('applications.proposedBy', { office: a.officeName })}
            {a.source !== 'consultant' && ` · ${t(`applications.source.${a.source}`)}`}
            {a.interview && ` · ${t('applications.interviewOn', { at: formatDateTime(a.interview.at), place: a.interview.place })}`}
            <ReasonText a={a} />
          </div>
        </div>
        {moves.length > 0 && (
          <div className="d-flex flex-wrap gap-2">
            {moves.map((m) => (
              <Button key={m.action} size="sm" color="primary" outline={m.reasons !== null} onClick={() => onMove(m.action, m.reasons)}>
                {t(`applications.actions.${m.action}`)}
              </Button>
            ))}
          </div>
        )}
      </div>
      {hasMail && (
        <Button size="sm" color="link" className="px-0 me-3" aria-expanded={mailOpen} onClick={() => setMailOpen((v) => !v)}>
          {t(mailOpen ? 'applications.mail.hide' : 'applications.mail.show')}
        </Button>
      )}
      {hasContract && (
        <Button size="sm" color="link" className="px-0" aria-expanded={contractOpen} onClick={() => setContractOpen((v) => !v)}>
          {t(contractOpen ? 'applications.offer.hide' : 'applications.offer.show')}
        </Button>
      )}
      {hasMail && mailOpen && <ApplicationMailPanel applicationId={a.id} onChanged={onChanged} />}
      {hasContract && contractOpen && (
        <ApplicationContractPanel applicationId={a.id} canTick={a.actions.length > 0 || a.state === 'hired'} />
      )}
    </li>
  );
}

function ApplicationGroups({ items, showVacancy, reload }: { items: ApplicationSummary[]; showVacancy: boolean; reload(): void }) {
  const { t } = useTranslation();
  const [moving, setMoving] = useState<{ application: ApplicationSummary; action: MoveAction; reasons: ReasonList | null } | null>(null);
  if (items.length === 0) return <p>{t('applications.none')}</p>;
  return (
    <>
      {APPLICATION_STATES.filter((s) => items.some((a) => a.state === s)).map((state) => (
        <div key={state} className="mb-3">
          <h3 className="h6">
            {t(`applications.state.${state}`)}{' '}
            <Badge color={OPEN.has(state) ? 'primary' : 'secondary'}>{items.filter((a) => a.state === state).length}</Badge>
          </h3>
          <ul className="list-group">
            {items
              .filter((a) => a.state === state)
              .map((a) => (
                <ApplicationItem
                  key={a.id}
                  a={a}
                  showVacancy={showVacancy}
                  onMove={(action, reasons) => setMoving({ application: a, action, reasons })}
                  onChanged={reload}
                />
              ))}
          </ul>
        </div>
      ))}
      {moving && (
        <ApplicationMoveDialog
          application={moving.application}
          action={moving.action}
          reasons={moving.reasons}
          onClose={() => setMoving(null)}
          onDone={() => {
            setMoving(null);
            reload();
          }}
        />
      )}
    </>
  );
}

/** «Candidature» on the vacancy page: every office's applications by state, with the moves the table allows. */
export function VacancyApplicationsSection({ vacancyId }: { vacancyId: string }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const { data, error } = useApiQuery(applicationEndpoints.ofVacancy, { params: { id: vacancyId } }, [vacancyId, version]);
  return (
    <section aria-labelledby="applications-h" className="mb-4">
      <h2 id="applications-h" className="h4">
        {t('applications.title')}
      </h2>
      <ProblemAlert error={error} />
      {data && <ApplicationGroups items={data.items} showVacancy={false} reload={() => setVersion((v) => v + 1)} />}
    </section>
  );
}

/** The worker's applications, on the worker's page. */
export function WorkerApplicationsSection({ workerId }: { workerId: string }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const { data, error } = useApiQuery(applicationEndpoints.ofWorker, { params: { id: workerId } }, [workerId, version]);
  return (
    <section aria-labelledby="worker-applications-h" className="mb-4">
      <h2 id="worker-applications-h" className="h4">
        {t('applications.workerTitle')}
      </h2>
      <ProblemAlert error={error} />
      {data && <ApplicationGroups items={data.items} showVacancy reload={() => setVersion((v) => v + 1)} />}
    </section>
  );
}
