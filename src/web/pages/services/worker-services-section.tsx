import { Badge, Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceEndpoints } from '../../../shared/api/services.endpoints';
import { SERVICE_CODES, type ServiceRecord, type WorkerServices } from '../../../shared/schemas/services.schema';
import { call } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { Dialog } from '../../components/dialog';
import { useNotice } from '../../components/notice';
import { ProblemAlert } from '../../components/problem-alert';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatDateTime } from '../../i18n/i18n';
import { useSession } from '../../session/session-context';
import { ReasonDialog } from '../agenda/reason-dialog';
import { formatDate } from '../workers/people-format';
import { minutesOf, ServiceFields, type ServiceFormValues } from './service-fields';

const hoursOf = (minutes: number, language: string) =>
  (Math.round((minutes / 60) * 100) / 100).toLocaleString(language === 'en' ? 'en-GB' : 'it-IT');

type Options = Pick<WorkerServices, 'programmes' | 'consultants' | 'today'>;

/** A new service by hand: checked against the contract's schema before sending, refusals beside their fields. */
function AddServiceDialog({
  worker,
  options,
  onDone,
  onClose,
}: {
  worker: { id: string; name: string };
  options: Options;
  onDone(r: ServiceRecord): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { session } = useSession();
  const me = session?.user.id ?? '';
  const [values, setValues] = useState<ServiceFormValues>({
    serviceCode: 'cv_support',
    deliveredOn: options.today,
    minutes: '60',
    consultantId: options.consultants.some((c) => c.id === me) ? me : (options.consultants[0]?.id ?? me),
    programmeId: options.programmes.find((p) => p.current)?.id ?? '',
    note: '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors();
  const consultants =
    me && !options.consultants.some((c) => c.id === me)
      ? [{ id: me, name: session?.user.fullName ?? '' }, ...options.consultants]
      : options.consultants;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const body = {
      serviceCode: values.serviceCode,
      deliveredOn: values.deliveredOn,
      minutes: minutesOf(values.minutes),
      consultantId: values.consultantId || undefined,
      programmeId: values.programmeId || null,
      note: values.note,
    };
    if (!fields.check(serviceEndpoints.create, body, event.currentTarget)) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await call(serviceEndpoints.create, { params: { id: worker.id }, body }));
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('services.form.addTitle', { name: worker.name })} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ProblemAlert error={error} shownBesideFields={fields.errors} />
        <ServiceFields values={values} onChange={setValues} errors={fields.errors} options={{ ...options, consultants }} />
        <div className="d-flex flex-wrap gap-2 justify-content-end">
          <Button color="secondary" outline type="button" onClick={onClose}>
            {t('services.form.cancel')}
          </Button>
          <Button color="primary" type="submit" disabled={busy}>
            {t('services.form.save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function CorrectServiceDialog({
  record,
  options,
  onDone,
  onClose,
}: {
  record: ServiceRecord;
  options: Options;
  onDone(r: ServiceRecord): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ServiceFormValues>({
    serviceCode: record.serviceCode,
    deliveredOn: record.deliveredOn,
    minutes: String(record.minutes),
    consultantId: record.consultant?.id ?? '',
    programmeId: record.programme?.id ?? '',
    note: record.note,
  });
  const consultants =
    record.consultant && !options.consultants.some((c) => c.id === record.consultant!.id)
      ? [record.consultant, ...options.consultants]
      : options.consultants;
  return (
    <ReasonDialog
      title={t('services.form.correctTitle', { date: formatDate(record.deliveredOn) })}
      endpoint={serviceEndpoints.update}
      body={(reason) => ({
        serviceCode: values.serviceCode,
        deliveredOn: values.deliveredOn,
        minutes: minutesOf(values.minutes),
        ...(values.consultantId && { consultantId: values.consultantId }),
        programmeId: values.programmeId || null,
        note: values.note,
        reason,
      })}
      send={(body) => call(serviceEndpoints.update, { params: { id: record.id }, body })}
      onDone={onDone}
      onClose={onClose}
      reason={{ label: t('services.form.reason'), required: t('services.form.reasonRequired'), rows: 2 }}
      keep={t('services.form.keep')}
      confirm={t('services.form.confirmCorrect')}
    >
      {(errors) => <ServiceFields values={values} onChange={setValues} errors={errors} options={{ ...options, consultants }} />}
    </ReasonDialog>
  );
}

function RemoveServiceDialog({ record, onDone, onClose }: { record: ServiceRecord; onDone(): void; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <ReasonDialog
      title={t('services.form.removeTitle', { date: formatDate(record.deliveredOn) })}
      endpoint={serviceEndpoints.remove}
      body={(reason) => ({ reason })}
      send={(body) => call(serviceEndpoints.remove, { params: { id: record.id }, body })}
      onDone={onDone}
      onClose={onClose}
      reason={{ label: t('services.form.removeReason'), required: t('services.form.removeReasonRequired'), rows: 2 }}
      keep={t('services.form.keep')}
      confirm={t('services.form.confirmRemove')}
      danger
    >
      <p>{t('services.form.removeWhat', { service: t(`services.codes.${record.serviceCode}`), minutes: record.minutes })}</p>
    </ReasonDialog>
  );
}

function ServiceItem({ r, canRecord, onCorrect, onRemove }: { r: ServiceRecord; canRecord: boolean; onCorrect(): void; onRemove(): void }) {
  const { t } = useTranslation();
  const of = <span className="visually-hidden"> {t('services.worker.of', { date: formatDate(r.deliveredOn) })}</span>;
  return (
    <li className="border-bottom py-2">
      <p className="mb-1">
        <strong>{formatDate(r.deliveredOn)}</strong> · {t(`services.codes.${r.serviceCode}`)} ·{' '}
        {t('services.worker.minutes', { count: r.minutes })}{' '}
        <Badge color={r.source === 'manual' ? 'secondary' : 'primary'} pill>
          {t(`services.source.${r.source}`)}
        </Badge>
      </p>
      <p className="mb-1 small">
        {r.consultant ? `${t('services.worker.by', { name: r.consultant.name })} · ` : ''}
        {r.office.name} · {r.programme ? r.programme.name : t('services.worker.outsideProgramme')}
        {r.updatedAt ? ` · ${t('services.worker.corrected', { date: formatDateTime(r.updatedAt) })}` : ''}
      </p>
      {r.note && <p className="mb-1 small fst-italic">{r.note}</p>}
      {r.source !== 'manual' ? (
        <p className="mb-0 small text-muted">{t(r.source === 'course' ? 'services.worker.fromCourse' : 'services.worker.fromMeeting')}</p>
      ) : (
        canRecord && (
          <div className="d-flex flex-wrap gap-2">
            <Button color="primary" outline size="sm" onClick={onCorrect}>
              {t('services.worker.correct')}
              {of}
            </Button>
            <Button color="danger" outline size="sm" onClick={onRemove}>
              {t('services.worker.remove')}
              {of}
            </Button>
          </div>
        )
      )}
    </li>
  );
}

/** The worker page's "Servizi erogati": hours by service, the list newest first, and recording by hand. */
export function WorkerServicesSection({ worker, onChanged }: { worker: { id: string; name: string }; onChanged?(): void }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const { show } = useNotice();
  const canRecord = can('services.record');
  const query = useApiQuery(serviceEndpoints.ofWorker, { params: { id: worker.id } }, [worker.id]);
  const [dialog, setDialog] = useState<{ kind: 'add' } | { kind: 'correct' | 'remove'; record: ServiceRecord } | null>(null);
  const changed = (message: string) => {
    show('success', message);
    setDialog(null);
    query.reload();
    onChanged?.();
  };
  const data = query.data;
  return (
    <section aria-labelledby="services-h" className="mb-4">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-2">
        <h2 id="services-h" className="h4 mb-0">
          {t('services.title')}
        </h2>
        {canRecord && data && (
          <Button color="primary" onClick={() => setDialog({ kind: 'add' })}>
            {t('services.worker.add')}
          </Button>
        )}
      </div>
      <ProblemAlert error={query.error} />
      {data && (
        <div className="row">
          <div className="col-12 col-lg-4">
            <p className="fw-semibold">{t('services.worker.total', { hours: hoursOf(data.totals.minutes, i18n.language) })}</p>
            {data.totals.minutes > 0 && (
              <table className="table table-sm">
                <caption className="visually-hidden">{t('services.worker.totalsCaption')}</caption>
                <tbody>
                  {SERVICE_CODES.filter((code) => data.totals.byCode[code]).map((code) => (
                    <tr key={code}>
                      <th scope="row" className="fw-normal">
                        {t(`services.codes.${code}`)}
                      </th>
                      <td className="text-end">
                        {t('services.worker.hours', { hours: hoursOf(data.totals.byCode[code]!, i18n.language) })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
          <div className="col-12 col-lg-8">
            {data.items.length === 0 ? (
              <p>{t('services.worker.empty')}</p>
            ) : (
              <ul className="list-unstyled" aria-label={t('services.title')}>
                {data.items.map((r) => (
                  <ServiceItem
                    key={r.id}
                    r={r}
                    canRecord={canRecord}
                    onCorrect={() => setDialog({ kind: 'correct', record: r })}
                    onRemove={() => setDialog({ kind: 'remove', record: r })}
                  />
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
      {data && dialog?.kind === 'add' && (
        <AddServiceDialog
          worker={worker}
          options={data}
          onDone={(r) =>
            changed(t('services.form.saved', { service: t(`services.codes.${r.serviceCode}`), date: formatDate(r.deliveredOn) }))
          }
          onClose={() => setDialog(null)}
        />
      )}
      {data && dialog?.kind === 'correct' && (
        <CorrectServiceDialog
          record={dialog.record}
          options={data}
          onDone={() => changed(t('services.form.correctedNotice'))}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'remove' && (
        <RemoveServiceDialog record={dialog.record} onDone={() => changed(t('services.form.removed'))} onClose={() => setDialog(null)} />
      )}
    </section>
  );
}
