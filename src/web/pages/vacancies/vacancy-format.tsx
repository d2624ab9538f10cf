import { Badge } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { VacancyStateName } from '../../../shared/schemas/vacancies.schema';
import type { TaxonomyItem } from '../../components/taxonomy-search';

export const VACANCY_STATE_COLOR: Record<VacancyStateName, string> = {
  draft: 'secondary',
  published: 'success',
  filled: 'primary',
  closed: 'dark',
  expired: 'danger',
};

export function VacancyStateBadge({ state }: { state: VacancyStateName }) {
  const { t } = useTranslation();
  return <Badge color={VACANCY_STATE_COLOR[state]}>{t(`vacancies.state.${state}`)}</Badge>;
}

/** The two views of /offerte: the network's list and the office's board. */
/** The job matcher's area, one entry of the main navigation: the vacancies, the office board, the employers. */
export function VacancyTabs() {
  const { t } = useTranslation();
  const tab = ({ isActive }: { isActive: boolean }) => `nav-link${isActive ? ' active' : ''}`;
  return (
    <nav aria-label={t('vacancies.tabs.label')} className="mb-3">
      <ul className="nav nav-tabs">
        <li className="nav-item">
          <NavLink end to="/offerte" className={tab}>
            {t('vacancies.tabs.list')}
          </NavLink>
        </li>
        <li className="nav-item">
          <NavLink to="/offerte/bacheca" className={tab}>
            {t('vacancies.tabs.board')}
          </NavLink>
        </li>
        <li className="nav-item">
          <NavLink end to="/aziende-che-assumono" className={tab}>
            {t('vacancies.tabs.employers')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}

/** The ESCO occupation URI of a picked occupation (an ISCO group or a CP2011 profession has none). */
export function escoOccupationOf(item: TaxonomyItem | null): string | undefined {
  return item?.id.startsWith('http://data.europa.eu/esco/occupation/') ? item.id : undefined;
}
