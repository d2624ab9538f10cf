import { Button } from 'design-react-kit';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contractEndpoints } from '../../../shared/api/contracts.endpoints';
import type { CcnlMinimum, CreateCcnlMinimumRequest } from '../../../shared/schemas/contracts.schema';
import type { TaxonomyItem } from '../../../shared/schemas/taxonomy.schema';
import { call } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { Autocomplete } from '../../components/autocomplete';
import { euroCents } from '../../components/euro-input';
import { useNotice } from '../../components/notice';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { TextAreaField, TextField } from '../../components/text-field';
import { useApiQuery } from '../../hooks/use-api-query';
import { i18n } from '../../i18n/i18n';
import { formatEuroCents } from '../../../shared/text/euro';

const PAGE = 25;

const ccnlItem = (code: string, label: string): TaxonomyItem => ({
  id: `ccnl:${code}`,
  kind: 'ccnl',
  code,
  label,
  labelLanguage: 'it',
  fallback: false,
  matchedLabel: label,
  match: 'exact',
  detail: null,
});

interface Form {
  level: string;
  monthly: string;
  weeklyHours: string;
  validFrom: string;
  validTo: string;
  sourceNote: string;
}
const EMPTY: Form = { level: '', monthly: '', weeklyHours: '40', validFrom: '', validTo: '', sourceNote: '' };

const euroText = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');
const money = (cents: number) => formatEuroCents(cents, i18n.language);
const day = (iso: string) =>
  new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'it-IT', { dateStyle: 'short' }).format(new Date(`${iso}T12:00:00Z`));

/** /amministrazione/minimi-ccnl: the network's CCNL minimum pay tables, per agreement and level. */
export function CcnlMinimumsPage() {
  const { t } = useTranslation();
  const notice = useNotice();
  const fields = useFieldErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const [filter, setFilter] = useState<TaxonomyItem | null>(null);
  const [offset, setOffset] = useState(0);
  const list = useApiQuery(contractEndpoints.listMinimums, { query: { ccnlCode: filter?.code, limit: PAGE, offset } }, [
    filter?.code,
    offset,
  ]);
  const [editing, setEditing] = useState<CcnlMinimum | 'new' | null>(null);
  const [ccnl, setCcnl] = useState<TaxonomyItem | null>(null);
  const [form, setForm] = useState<Form>(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const set = (key: keyof Form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  function open(row: CcnlMinimum | 'new') {
    fields.clear();
    setError(null);
    setEditing(row);
    // The form opens above the list: move the focus (and the view) to its heading.
    setTimeout(() => document.getElementById('ccnl-min-edit-h')?.focus(), 0);
    if (row === 'new') {
      setCcnl(filter);
      setForm(EMPTY);
    } else {
      setCcnl(ccnlItem(row.ccnlCode, row.ccnlName));
      setForm({
        level: row.level,
        monthly: euroText(row.monthlyCents),
        weeklyHours: String(row.weeklyHours).replace('.', ','),
        validFrom: row.validFrom,
        validTo: row.validTo ?? '',
        sourceNote: row.sourceNote,
      });
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!editing) return;
    setError(null);
    const body: CreateCcnlMinimumRequest = {
      ccnlCode: ccnl?.code ?? '',
      level: form.level,
      monthlyCents: euroCents(form.monthly) ?? Number.NaN,
      weeklyHours: Number(form.weeklyHours.replace(',', '.')),
      validFrom: form.validFrom,
      validTo: form.validTo || null,
      sourceNote: form.sourceNote,
    };
    const endpoint = editing === 'new' ? contractEndpoints.createMinimum : contractEndpoints.updateMinimum;
    const full = editing === 'new' ? body : { ...body, version: editing.version };
    if (!fields.check(endpoint, full as never, formRef.current)) return;
    try {
      if (editing === 'new') await call(contractEndpoints.createMinimum, { body });
      else await call(contractEndpoints.updateMinimum, { params: { id: editing.id }, body: { ...body, version: editing.version } });
      notice.show('success', t('ccnlMinimums.saved'));
      setEditing(null);
      list.reload();
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
    }
  }

  async function remove(row: CcnlMinimum) {
    setError(null);
    try {
      await call(contractEndpoints.deleteMinimum, { params: { id: row.id }, query: { version: row.version } });
      notice.show('success', t('ccnlMinimums.deleted'));
      setConfirming(null);
      list.reload();
    } catch (err) {
      setError(err);
    }
  }

  const e = fields.errors;
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  return (
    <>
      <PageTitle lead={t('ccnlMinimums.lead')}>{t('ccnlMinimums.title')}</PageTitle>

      {editing && (
        <section aria-labelledby="ccnl-min-edit-h" className="mb-4">
          <h2 id="ccnl-min-edit-h" className="h4" tabIndex={-1}>
            {editing === 'new' ? t('ccnlMinimums.add') : t('ccnlMinimums.editTitle', { ccnl: editing.ccnlCode, level: editing.level })}
          </h2>
          <form ref={formRef} onSubmit={save} noValidate>
            <div className="mb-3">
              <Autocomplete kind="ccnl" id="ccnl-min-ccnl" label={t('ccnlMinimums.ccnl')} value={ccnl} onChange={setCcnl} required />
              {e.ccnlCode && <div className="invalid-feedback d-block">{e.ccnlCode}</div>}
            </div>
            <div className="row">
              <TextField
                className="col-12 col-md-4"
                label={t('ccnlMinimums.level')}
                help={t('ccnlMinimums.levelHelp')}
                value={form.level}
                onChange={set('level')}
                error={e.level}
                required
              />
              <TextField
                className="col-12 col-md-4"
                label={t('ccnlMinimums.monthly')}
                help={t('ccnlMinimums.monthlyHelp')}
                value={form.monthly}
                onChange={set('monthly')}
                error={e.monthlyCents}
                inputMode="decimal"
                required
              />
              <TextField
                className="col-12 col-md-4"
                label={t('ccnlMinimums.weeklyHours')}
                help={t('ccnlMinimums.weeklyHoursHelp')}
                value={form.weeklyHours}
                onChange={set('weeklyHours')}
                error={e.weeklyHours}
                inputMode="decimal"
                required
              />
            </div>
            <div className="row">
              <TextField
                className="col-12 col-md-6"
                type="date"
                label={t('ccnlMinimums.validFrom')}
                value={form.validFrom}
                onChange={set('validFrom')}
                error={e.validFrom}
                required
              />
              <TextField
                className="col-12 col-md-6"
                type="date"
                label={t('ccnlMinimums.validTo')}
                help={t('ccnlMinimums.validToHelp')}
                value={form.validTo}
                onChange={set('validTo')}
                error={e.validTo}
              />
            </div>
            <TextAreaField
              label={t('ccnlMinimums.sourceNote')}
              help={t('ccnlMinimums.sourceNoteHelp')}
              value={form.sourceNote}
              onChange={set('sourceNote')}
              error={e.sourceNote}
              rows={2}
              required
            />
            <ProblemAlert error={error} shownBesideFields={e} />
            <div className="d-flex gap-2 flex-wrap">
              <Button color="primary" type="submit">
                {t('ccnlMinimums.save')}
              </Button>
              <Button color="secondary" outline type="button" onClick={() => setEditing(null)}>
                {t('ccnlMinimums.cancel')}
              </Button>
            </div>
          </form>
        </section>
      )}

      <section aria-labelledby="ccnl-min-list-h" className="mb-4">
        <h2 id="ccnl-min-list-h" className="h4">
          {t('ccnlMinimums.listTitle')}
        </h2>
        <Autocomplete
          kind="ccnl"
          id="ccnl-min-filter"
          label={t('ccnlMinimums.filter')}
          value={filter}
          onChange={(item) => {
            setFilter(item);
            setOffset(0);
          }}
        />
        {!editing && (
          <Button color="primary" className="mb-3" onClick={() => open('new')}>
            {t('ccnlMinimums.add')}
          </Button>
        )}
        <ProblemAlert error={list.error} />
        {!editing && <ProblemAlert error={error} />}
        {items.length === 0 && !list.loading && <p>{t('ccnlMinimums.empty')}</p>}
        {items.length > 0 && (
          <div className="table-responsive">
            <table className="table table-sm align-middle">
              <caption className="visually-hidden">{t('ccnlMinimums.listTitle')}</caption>
              <thead>
                <tr>
                  {/* A narrow screen scrolls the table sideways rather than wrap the agreement's name a word a line. */}
                  <th scope="col" style={{ minWidth: '15rem' }}>
                    {t('ccnlMinimums.ccnl')}
                  </th>
                  <th scope="col">{t('ccnlMinimums.level')}</th>
                  <th scope="col">{t('ccnlMinimums.monthly')}</th>
                  <th scope="col">{t('ccnlMinimums.validity')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('ccnlMinimums.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((row) => (
                  <tr key={row.id}>
                    <td>
                      <strong>{row.ccnlCode}</strong> <span className="small">{row.ccnlName}</span>
                      <div className="small text-muted">{row.sourceNote}</div>
                    </td>
                    <td>{row.level}</td>
                    <td className="text-nowrap">
                      {money(row.monthlyCents)}
                      <div className="small text-muted">
                        {t('ccnlMinimums.hoursShort', { hours: String(row.weeklyHours).replace('.', ',') })}
                      </div>
                    </td>
                    <td className="text-nowrap">
                      {row.validTo
                        ? t('ccnlMinimums.fromTo', { from: day(row.validFrom), to: day(row.validTo) })
                        : t('ccnlMinimums.fromOpen', { from: day(row.validFrom) })}
                    </td>
                    <td className="text-nowrap">
                      <Button color="primary" outline size="sm" className="me-1 mb-1" onClick={() => open(row)}>
                        {t('ccnlMinimums.edit')}
                        <span className="visually-hidden">
                          {' '}
                          {row.ccnlCode} {row.level}
                        </span>
                      </Button>
                      {confirming === row.id ? (
                        <Button color="danger" size="sm" className="mb-1" onClick={() => void remove(row)}>
                          {t('ccnlMinimums.confirmDelete')}
                        </Button>
                      ) : (
                        <Button color="danger" outline size="sm" className="mb-1" onClick={() => setConfirming(row.id)}>
                          {t('ccnlMinimums.delete')}
                          <span className="visually-hidden">
                            {' '}
                            {row.ccnlCode} {row.level}
                          </span>
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {total > PAGE && (
          <nav aria-label={t('ccnlMinimums.pages')} className="d-flex gap-2 align-items-center flex-wrap">
            <Button color="primary" outline size="sm" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              {t('ccnlMinimums.previous')}
            </Button>
            <span>{t('ccnlMinimums.range', { from: offset + 1, to: Math.min(offset + PAGE, total), total })}</span>
            <Button color="primary" outline size="sm" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
              {t('ccnlMinimums.next')}
            </Button>
          </nav>
        )}
      </section>
    </>
  );
}
