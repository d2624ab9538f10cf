import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { employerEndpoints } from '../../../shared/api/employers.endpoints';
import type { Employer } from '../../../shared/schemas/employers.schema';
import { call } from '../../api/client';
import { createDebouncedSearch } from '../../components/taxonomy-search';
import { SelectField, TextField } from '../../components/text-field';

const SHOWN = 8;

export interface EmployerSite {
  employerId: string;
  siteId: string;
}

/**
 * The employer and the workplace of a vacancy: the employer searched among the network's employers
 * as the matcher types (the employers' list, by name, partita IVA or codice fiscale), then one of
 * its sites. A vacancy being edited, or one started from an employer's page, opens with its
 * employer loaded.
 */
export function EmployerSitePicker({
  value,
  onChange,
  error,
}: {
  value: EmployerSite | null;
  onChange(next: EmployerSite | null): void;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [employer, setEmployer] = useState<Employer | null>(null);
  const [text, setText] = useState('');
  const [found, setFound] = useState<Array<{ id: string; name: string; comuni: string[] }>>([]);
  const [status, setStatus] = useState('');

  // The employer named by the value (editing, or the employer page's «Nuova offerta»).
  const employerId = value?.employerId;
  const siteId = value?.siteId;
  useEffect(() => {
    if (!employerId || employer?.id === employerId) return;
    let live = true;
    call(employerEndpoints.get, { params: { id: employerId } })
      .then((e) => {
        if (!live) return;
        setEmployer(e);
        setText(e.name);
        if (!siteId && e.sites.length === 1) onChange({ employerId: e.id, siteId: e.sites[0]!.id });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // Loads once per employer named: the guard above returns at once on every other change.
  }, [employerId, employer?.id, siteId, onChange]);

  const search = useMemo(
    () =>
      createDebouncedSearch(
        (q) =>
          call(employerEndpoints.list, { query: { q, limit: SHOWN } }).then((r) =>
            r.items.map((e) => ({ id: e.id, name: e.name, comuni: e.comuni })),
          ),
        {
          onShort: () => {
            setFound([]);
            setStatus('');
          },
          onStart: () => setStatus(t('vacancies.form.employerSearching')),
          onResults: (_q, items) => {
            setFound(items);
            setStatus(items.length ? t('vacancies.form.employersFound', { count: items.length }) : t('vacancies.form.noEmployer'));
          },
          onError: () => setStatus(t('vacancies.form.employerSearchFailed')),
        },
        { minLength: 2 },
      ),
    [t],
  );
  useEffect(() => () => search.cancel(), [search]);

  const type = (next: string) => {
    setText(next);
    if (employer) {
      setEmployer(null);
      onChange(null);
    }
    search.update(next);
  };
  const choose = async (chosen: { id: string; name: string }) => {
    search.cancel();
    setFound([]);
    setText(chosen.name);
    const full = await call(employerEndpoints.get, { params: { id: chosen.id } });
    setEmployer(full);
    setStatus(t('vacancies.form.employerChosen', { name: full.name }));
    // One site: it is the workplace; several: the matcher picks one.
    onChange(full.sites.length === 1 ? { employerId: full.id, siteId: full.sites[0]!.id } : { employerId: full.id, siteId: '' });
  };

  const siteLabel = (s: Employer['sites'][number]) =>
    [s.name, s.address, s.comuneName].filter((part) => part && part.trim() !== '').join(' – ');

  return (
    <div className="col-12 col-md-6">
      <TextField
        label={t('vacancies.form.employer')}
        value={text}
        onChange={type}
        required
        autoComplete="off"
        error={employer ? undefined : error}
        help={t('vacancies.form.employerHelp')}
        aria-describedby={`${id}-status`}
      />
      <p id={`${id}-status`} className="small mb-1" role="status">
        {status}
      </p>
      {found.length > 0 && (
        <ul className="list-unstyled mb-2" aria-label={t('vacancies.form.employersList')}>
          {found.map((e) => (
            <li key={e.id}>
              <button type="button" className="btn btn-link btn-sm p-0 text-start" onClick={() => void choose(e)}>
                {t('vacancies.form.useEmployer', { name: e.comuni.length ? `${e.name} (${e.comuni.join(', ')})` : e.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {employer && (
        <SelectField
          label={t('vacancies.form.site')}
          value={value?.siteId ?? ''}
          onChange={(siteId) => onChange({ employerId: employer.id, siteId })}
          options={[
            { value: '', label: t('vacancies.form.chooseSite') },
            ...employer.sites.map((s) => ({ value: s.id, label: siteLabel(s) })),
          ]}
          help={employer.sites.length === 0 ? t('vacancies.form.noSites') : undefined}
          error={error}
          required
        />
      )}
    </div>
  );
}
