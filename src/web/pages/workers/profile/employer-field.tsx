import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { companyEndpoints } from '../../../../shared/api/companies.endpoints';
import { call } from '../../../api/client';
import { createDebouncedSearch } from '../../../components/taxonomy-search';
import { TextField } from '../../../components/text-field';

export interface Employer {
  name: string;
  /** The network's company this employer is, when one was chosen; a free name has none. */
  companyId?: string;
}

const SHOWN = 8;

/**
 * The employer of a work-history entry: a free name, or one of the network's known companies found
 * as the consultant types (companies' list, searched by name or tax code). The worker's own crisis
 * company is offered at once. Typing again after a choice makes it a free name.
 */
export function EmployerField({
  value,
  onChange,
  crisisCompany,
  error,
}: {
  value: Employer;
  onChange(next: Employer): void;
  crisisCompany: { id: string; name: string } | null;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [found, setFound] = useState<Array<{ id: string; name: string; comuneName: string | null }>>([]);
  const [status, setStatus] = useState('');
  const search = useMemo(
    () =>
      createDebouncedSearch(
        (q) => call(companyEndpoints.list, { query: { q } }).then((r) => r.items.slice(0, SHOWN)),
        {
          onShort: () => {
            setFound([]);
            setStatus('');
          },
          onStart: () => setStatus(t('profiles.work.searching')),
          onResults: (_q, items) => {
            setFound(items);
            setStatus(items.length ? t('profiles.work.companiesFound', { count: items.length }) : t('profiles.work.noCompany'));
          },
          onError: () => setStatus(t('profiles.work.searchFailed')),
        },
        { minLength: 2 },
      ),
    [t],
  );
  useEffect(() => () => search.cancel(), [search]);

  const type = (name: string) => {
    onChange({ name });
    search.update(name);
  };
  const choose = (c: { id: string; name: string }) => {
    search.cancel();
    setFound([]);
    setStatus(t('profiles.work.companyChosen', { name: c.name }));
    onChange({ name: c.name, companyId: c.id });
  };
  const offerCrisis = crisisCompany && value.companyId !== crisisCompany.id && !found.some((c) => c.id === crisisCompany.id);

  return (
    <div className="col-12 col-md-6">
      <TextField
        label={t('profiles.work.employer')}
        value={value.name}
        onChange={type}
        required
        error={error}
        autoComplete="off"
        help={value.companyId ? t('profiles.work.knownCompanyChosen') : t('profiles.work.employerHelp')}
        aria-describedby={`${id}-status`}
      />
      <p id={`${id}-status`} className="small mb-1" role="status">
        {status}
      </p>
      {found.length > 0 && (
        <ul className="list-unstyled mb-2" aria-label={t('profiles.work.companiesList')}>
          {found.map((c) => (
            <li key={c.id}>
              <button type="button" className="btn btn-link btn-sm p-0 text-start" onClick={() => choose(c)}>
                {t('profiles.work.useCompany', { name: c.comuneName ? `${c.name} (${c.comuneName})` : c.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {offerCrisis && (
        <p className="small">
          {t('profiles.work.knownCompany', { name: crisisCompany.name })}{' '}
          <button type="button" className="btn btn-link btn-sm p-0 align-baseline" onClick={() => choose(crisisCompany)}>
            {t('profiles.work.useCompany', { name: crisisCompany.name })}
          </button>
        </p>
      )}
    </div>
  );
}
