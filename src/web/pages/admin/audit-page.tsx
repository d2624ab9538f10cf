import { Button } from 'design-react-kit';
import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/schemas/audit.schema';
import { auditEndpoints } from '../../../shared/api/auth.endpoints';
import { workerEndpoints } from '../../../shared/api/people.endpoints';
import { staffEndpoints } from '../../../shared/api/staff.endpoints';
import { ApiError, call } from '../../api/client';
import { formatDateTime } from '../../i18n/i18n';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextField } from '../../components/text-field';

interface Filters {
  actorId: string;
  action: string;
  workerId: string;
  from: string;
  to: string;
}
const EMPTY: Filters = { actorId: '', action: '', workerId: '', from: '', to: '' };

/** Dates picked in Italian local time become the UTC instants the API filters on; the end day is included. */
const dayStart = (date: string) => (date ? new Date(`${date}T00:00:00`).toISOString() : undefined);
const dayEnd = (date: string) => {
  if (!date) return undefined;
  const d = new Date(`${date}T00:00:00`);
  d.setDate(d.getDate() + 1);
  return new Date(d.getTime() - 1).toISOString();
};

/** A date filter with its own message beside it (aria-invalid, aria-describedby), e.g. a reversed period. */
function DateFilter({
  label,
  value,
  onChange,
  error,
  className,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={`mb-3 ${className ?? ''}`}>
      <label htmlFor={id} className="form-label-static">
        {label}
      </label>
      <input
        id={id}
        type="date"
        className={`form-control ${error ? 'is-invalid' : ''}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      )}
    </div>
  );
}

/** Finds a worker by name and picks one: the log of a single person's record. */
function WorkerFilter({ value, onChange, className }: { value: string; onChange(id: string): void; className?: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<Array<{ id: string; label: string }>>([]);
  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) return;
    let live = true;
    const timer = setTimeout(() => {
      call(workerEndpoints.list, { query: { q, limit: 20 } }).then(
        (r) =>
          live &&
          setMatches(
            r.items.map((w) => ({ id: w.id, label: `${w.lastName} ${w.firstName}${w.codiceFiscale ? ` · ${w.codiceFiscale}` : ''}` })),
          ),
        () => live && setMatches([]),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);
  const shown = text.trim().length < 2 ? [] : matches;
  return (
    <>
      <TextField className={className} type="search" label={t('audit.filterWorker')} value={text} onChange={setText} />
      <SelectField
        className={className}
        label={t('audit.workerMatches')}
        value={value}
        onChange={onChange}
        options={[
          { value: '', label: text.trim().length >= 2 && shown.length === 0 ? t('audit.workerNone') : t('audit.allWorkers') },
          ...shown.map((m) => ({ value: m.id, label: m.label })),
        ]}
      />
    </>
  );
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [staff, setStaff] = useState<Array<{ id: string; fullName: string }>>([]);

  useEffect(() => {
    call(staffEndpoints.list, { query: { status: 'all' } }).then(
      (r) => setStaff([...r.items].sort((a, b) => a.fullName.localeCompare(b.fullName, 'it'))),
      () => setStaff([]),
    );
  }, []);

  // One label per action code (i18n auditActions): the same table names the options and the rows.
  const actionOptions = useMemo(() => {
    const labels = (i18n.getResourceBundle(i18n.language, 'translation') as { auditActions?: Record<string, string> }).auditActions ?? {};
    return Object.entries(labels)
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  }, [i18n, i18n.language]);

  const load = useCallback(
    async (before?: number) => {
      try {
        const page = await call(auditEndpoints.search, {
          query: {
            actorId: filters.actorId || undefined,
            action: filters.action || undefined,
            workerId: filters.workerId || undefined,
            from: dayStart(filters.from),
            to: dayEnd(filters.to),
            before,
            limit: 50,
          },
        });
        setItems((current) => (before ? [...current, ...page.items] : page.items));
        setNextBefore(page.nextBefore);
        setError(null);
      } catch (err) {
        setItems([]);
        setNextBefore(null);
        setError(err);
      } finally {
        setLoaded(true);
      }
    },
    [filters],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const field = (key: keyof Filters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };
  // The API names the field of a reversed period; its message goes beside that field.
  const fieldError = (name: string) =>
    error instanceof ApiError ? error.errors.find((e) => e.path === `querystring/${name}`)?.message : undefined;
  const fromError = fieldError('from');
  const actionLabel = (code: string) => (i18n.exists(`auditActions.${code}`) ? t(`auditActions.${code}`) : code);
  const entityLabel = (entry: AuditEntry) =>
    entry.entityLabel || (i18n.exists(`auditEntities.${entry.entityType}`) ? t(`auditEntities.${entry.entityType}`) : entry.entityType);
  const hasPeriod = Boolean(filters.from || filters.to);

  return (
    <>
      <PageTitle lead={t('audit.intro')}>{t('audit.title')}</PageTitle>
      <form className="row align-items-start" role="search" onSubmit={apply} noValidate>
        <SelectField
          className="col-md-4"
          label={t('audit.filterActor')}
          value={draft.actorId}
          onChange={field('actorId')}
          options={[{ value: '', label: t('audit.allActors') }, ...staff.map((s) => ({ value: s.id, label: s.fullName }))]}
        />
        <SelectField
          className="col-md-4"
          label={t('audit.filterAction')}
          value={draft.action}
          onChange={field('action')}
          options={[{ value: '', label: t('audit.allActions') }, ...actionOptions]}
        />
        <DateFilter
          className="col-6 col-md-2"
          label={t('audit.filterFrom')}
          value={draft.from}
          onChange={field('from')}
          error={fromError}
        />
        <DateFilter className="col-6 col-md-2" label={t('audit.filterTo')} value={draft.to} onChange={field('to')} />
        <WorkerFilter className="col-md-4" value={draft.workerId} onChange={field('workerId')} />
        <div className="col-12 mb-3 d-flex gap-2">
          <Button color="primary" type="submit">
            {t('audit.apply')}
          </Button>
          <Button
            color="secondary"
            outline
            type="button"
            onClick={() => {
              setDraft(EMPTY);
              setFilters(EMPTY);
            }}
          >
            {t('audit.reset')}
          </Button>
        </div>
      </form>
      {!fromError && <ProblemAlert error={error} />}
      {loaded && !error && items.length === 0 && <p role="status">{hasPeriod ? t('audit.emptyPeriod') : t('audit.empty')}</p>}
      {items.length > 0 && (
        <div className="table-responsive">
          <table className="table table-sm align-top">
            <caption className="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.office')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.entity')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.id}>
                  <td className="text-nowrap">{formatDateTime(entry.at)}</td>
                  <td>
                    {entry.actorLabel || t('audit.system')}
                    {entry.ip && <div className="small text-muted">{entry.ip}</div>}
                  </td>
                  <td>{entry.officeName ?? '—'}</td>
                  <td>
                    {/* "Lettura scheda lavoratore — Barbieri Emanuele": the action and its object in words. */}
                    {actionLabel(entry.action)}
                    {entry.entityLabel && ` — ${entry.entityLabel}`}
                  </td>
                  <td>
                    {entityLabel(entry)}
                    {entry.entityLabel && i18n.exists(`auditEntities.${entry.entityType}`) && (
                      <div className="small text-muted">{t(`auditEntities.${entry.entityType}`)}</div>
                    )}
                  </td>
                  <td>
                    <div className="audit-details">{Object.keys(entry.details).length ? JSON.stringify(entry.details, null, 1) : ''}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextBefore && (
        <Button color="primary" outline onClick={() => void load(nextBefore)}>
          {t('audit.more')}
        </Button>
      )}
    </>
  );
}
