import { Button } from 'design-react-kit';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/schemas/audit.schema';
import { api, query } from '../../api/client';
import { formatDateTime } from '../../i18n/i18n';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { TextField } from '../../components/text-field';

interface Filters {
  action: string;
  entityType: string;
  entityId: string;
  from: string;
  to: string;
}
const EMPTY: Filters = { action: '', entityType: '', entityId: '', from: '', to: '' };

/** Dates picked in Italian local time become the UTC instants the API filters on. */
const dayStart = (date: string) => (date ? new Date(`${date}T00:00:00`).toISOString() : undefined);
const dayAfter = (date: string) => {
  if (!date) return undefined;
  const d = new Date(`${date}T00:00:00`);
  d.setDate(d.getDate() + 1);
  return d.toISOString();
};

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    async (before?: number) => {
      try {
        const page = await api.get<{ items: AuditEntry[]; nextBefore: number | null }>(
          `/api/v1/audit${query({
            action: filters.action,
            entityType: filters.entityType,
            entityId: filters.entityId,
            from: dayStart(filters.from),
            to: dayAfter(filters.to),
            before,
            limit: 50,
          })}`,
        );
        setItems((current) => (before ? [...current, ...page.items] : page.items));
        setNextBefore(page.nextBefore);
        setError(null);
      } catch (err) {
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

  const field = (key: keyof Filters) => (value: string) => setDraft({ ...draft, [key]: value });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };

  return (
    <>
      <PageTitle lead={t('audit.intro')}>{t('audit.title')}</PageTitle>
      <form className="row align-items-end" role="search" onSubmit={apply}>
        <TextField className="col-md-3" label={t('audit.filterAction')} value={draft.action} onChange={field('action')} />
        <TextField className="col-md-2" label={t('audit.filterEntityType')} value={draft.entityType} onChange={field('entityType')} />
        <TextField className="col-md-3" label={t('audit.filterEntityId')} value={draft.entityId} onChange={field('entityId')} />
        <TextField className="col-md-2" label={t('audit.filterFrom')} type="date" value={draft.from} onChange={field('from')} />
        <TextField className="col-md-2" label={t('audit.filterTo')} type="date" value={draft.to} onChange={field('to')} />
        <div className="col-12 mb-3 d-flex gap-2">
          <Button color="primary" type="submit">{t('audit.apply')}</Button>
          <Button color="secondary" outline type="button" onClick={() => { setDraft(EMPTY); setFilters(EMPTY); }}>{t('audit.reset')}</Button>
        </div>
      </form>
      <ProblemAlert error={error} />
      {loaded && items.length === 0 && <p>{t('audit.empty')}</p>}
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
                  <td>{entry.actorLabel || t('audit.system')}{entry.ip && <div className="small text-muted">{entry.ip}</div>}</td>
                  <td>{entry.officeName ?? '—'}</td>
                  <td>
                    {i18n.exists(`auditActions.${entry.action}`) ? t(`auditActions.${entry.action}`) : entry.action}
                    <div className="small text-muted"><code>{entry.action}</code></div>
                  </td>
                  <td>{entry.entityType}{entry.entityId && <div className="small text-muted text-break">{entry.entityId}</div>}</td>
                  <td><div className="audit-details">{Object.keys(entry.details).length ? JSON.stringify(entry.details, null, 1) : ''}</div></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextBefore && <Button color="primary" outline onClick={() => void load(nextBefore)}>{t('audit.more')}</Button>}
    </>
  );
}
