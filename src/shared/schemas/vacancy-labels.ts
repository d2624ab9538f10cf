import type { VacancyStateName } from './vacancies.schema.js';

/** The states' names as the server's messages say them (the web has its own in i18n). */
export const VACANCY_STATE_LABELS: Record<'it' | 'en', Record<VacancyStateName, string>> = {
  it: { draft: 'Bozza', published: 'Pubblicata', filled: 'Coperta', closed: 'Chiusa', expired: 'Scaduta' },
  en: { draft: 'Draft', published: 'Published', filled: 'Filled', closed: 'Closed', expired: 'Expired' },
};
