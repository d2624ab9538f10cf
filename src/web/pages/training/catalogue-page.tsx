import { Badge } from 'design-react-kit';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { trainingEndpoints } from '../../../shared/api/training.endpoints';
import { useApiQuery } from '../../hooks/use-api-query';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextField } from '../../components/text-field';
import { useSession } from '../../session/session-context';
import { formatDate } from '../workers/people-format';

export const COURSE_STATUS_COLOR = { open: 'success', draft: 'secondary', closed: 'dark', cancelled: 'danger' } as const;

/** The catalogue: courses of the network by start date, with the seats left and the waiting list. */
export function CataloguePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [q, setQ] = useState('');
  const [openSeats, setOpenSeats] = useState(false);
  const [delivery, setDelivery] = useState('');
  const searched = useDebouncedValue(q, 300);
  const checkboxId = useId();
  const { data, error } = useApiQuery(
    trainingEndpoints.courses,
    {
      query: {
        q: searched || undefined,
        openSeats: openSeats ? 'true' : undefined,
        online: delivery === 'online' ? 'true' : delivery === 'in_person' ? 'false' : undefined,
        limit: 200,
      },
    },
    [searched, openSeats, delivery],
  );
  return (
    <>
      <PageTitle lead={t('training.lead')}>{t('training.title')}</PageTitle>
      {can('training.manage') && (
        <nav aria-label={t('training.manage')} className="d-flex flex-wrap gap-2 mb-3">
          <Link className="btn btn-primary btn-sm" to="/formazione/corsi/nuovo">
            {t('training.form.newTitle')}
          </Link>
          <Link className="btn btn-outline-primary btn-sm" to="/formazione/importa">
            {t('training.import.title')}
          </Link>
          <Link className="btn btn-outline-primary btn-sm" to="/formazione/enti">
            {t('training.providers.title')}
          </Link>
        </nav>
      )}
      <form className="row g-3 align-items-end mb-3" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="col-12 col-md-5">
          <TextField label={t('training.search')} help={t('training.searchHint')} value={q} onChange={setQ} type="search" />
        </div>
        <div className="col-12 col-md-4">
          <SelectField
            label={t('training.delivery')}
            value={delivery}
            onChange={setDelivery}
            options={[
              { value: '', label: t('training.anyDelivery') },
              { value: 'in_person', label: t('training.deliveries.in_person') },
              { value: 'online', label: t('training.deliveries.online') },
            ]}
          />
        </div>
        <div className="col-12 col-md-3">
          <div className="form-check">
            <input id={checkboxId} type="checkbox" checked={openSeats} onChange={(e) => setOpenSeats(e.target.checked)} />
            <label htmlFor={checkboxId}>{t('training.openSeats')}</label>
          </div>
        </div>
      </form>
      <ProblemAlert error={error} />
      {data && <p aria-live="polite">{t('training.total', { count: data.total })}</p>}
      {data && data.items.length === 0 && <p>{t('training.none')}</p>}
      {data && data.items.length > 0 && (
        <div className="table-responsive">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('training.course')}</th>
                <th scope="col">{t('training.dates')}</th>
                <th scope="col">{t('training.seatsLeft')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/formazione/corsi/${c.id}`}>{c.title}</Link>
                    <div className="small">
                      {c.providerName} · {t(`training.deliveries.${c.delivery}`)}
                      {c.place ? ` · ${c.place}` : ''} · {t('training.hours', { count: c.hours })}
                    </div>
                    <Badge color={COURSE_STATUS_COLOR[c.status]}>{t(`training.status.${c.status}`)}</Badge>
                  </td>
                  <td>
                    {formatDate(c.startDate)} – {formatDate(c.endDate)}
                  </td>
                  <td>
                    {t('training.seatsText', { left: c.seatsLeft, seats: c.seats })}
                    {c.waiting > 0 && <div className="small">{t('training.waitingText', { count: c.waiting })}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
