import { useTranslation } from 'react-i18next';
import type { Office } from '../../shared/schemas/office.schema';

/** Opening hours as a definition list, a day per row, "Chiuso" where there is no slot. */
export function OpeningHours({ slots }: { slots: Office['openingHours'] }) {
  const { t } = useTranslation();
  return (
    <dl className="row mb-0">
      {[1, 2, 3, 4, 5, 6, 7].map((day) => {
        const today = slots.filter((s) => s.day === day).sort((a, b) => a.opens.localeCompare(b.opens));
        return (
          <div key={day} className="d-flex w-100">
            <dt className="col-5 fw-normal">{t(`days.${day}`)}</dt>
            <dd className="col-7 mb-1">{today.length === 0 ? t('home.closed') : today.map((s) => `${s.opens}–${s.closes}`).join(', ')}</dd>
          </div>
        );
      })}
    </dl>
  );
}
