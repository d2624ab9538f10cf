import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import matchingEn from './matching.en.json';
import matchingIt from './matching.it.json';
import it from './it.json';
import taxonomyEn from './taxonomy.en.json';
import taxonomyIt from './taxonomy.it.json';
import peopleEn from './people.en.json';
import peopleIt from './people.it.json';
import programmesEn from './programmes.en.json';
import programmesIt from './programmes.it.json';
import outreachEn from './outreach.en.json';
import outreachIt from './outreach.it.json';
import importsEn from './imports.en.json';
import importsIt from './imports.it.json';
import setupEn from './setup.en.json';
import setupIt from './setup.it.json';
import agendaEn from './agenda.en.json';
import agendaIt from './agenda.it.json';
import profilesEn from './profiles.en.json';
import profilesIt from './profiles.it.json';
import plansEn from './plans.en.json';
import plansIt from './plans.it.json';
import servicesEn from './services.en.json';
import servicesIt from './services.it.json';
import cvEn from './cv.en.json';
import cvIt from './cv.it.json';
import skillGapEn from './skillgap.en.json';
import skillGapIt from './skillgap.it.json';
import trainingEn from './training.en.json';
import trainingIt from './training.it.json';
import employersEn from './employers.en.json';
import employersIt from './employers.it.json';
import vacanciesEn from './vacancies.en.json';
import vacanciesIt from './vacancies.it.json';
import contractsEn from './contracts.en.json';
import contractsIt from './contracts.it.json';
import applicationsEn from './applications.en.json';
import applicationsIt from './applications.it.json';
import { TIME_ZONE } from '../../shared/time/rome-date';

export const LANGUAGES = ['it', 'en'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'ricolloca.language';

function initialLanguage(): UiLanguage {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'it';
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: {
    it: { translation: { ...it, ...taxonomyIt, ...peopleIt, ...programmesIt } },
    en: { translation: { ...en, ...taxonomyEn, ...peopleEn, ...programmesEn } },
  },
  lng: initialLanguage(),
  fallbackLng: 'it',
  interpolation: { escapeValue: false },
});
// Outreach strings add keys inside shared sections (nav.hotline, nav.outreach): merged deeply.
i18n.addResourceBundle('it', 'translation', outreachIt, true, false);
i18n.addResourceBundle('en', 'translation', outreachEn, true, false);
i18n.addResourceBundle('it', 'translation', importsIt, true, false);
i18n.addResourceBundle('en', 'translation', importsEn, true, false);
i18n.addResourceBundle('it', 'translation', setupIt, true, false);
i18n.addResourceBundle('en', 'translation', setupEn, true, false);
i18n.addResourceBundle('it', 'translation', agendaIt, true, false);
i18n.addResourceBundle('en', 'translation', agendaEn, true, false);
i18n.addResourceBundle('it', 'translation', profilesIt, true, false);
i18n.addResourceBundle('en', 'translation', profilesEn, true, false);
i18n.addResourceBundle('it', 'translation', plansIt, true, false);
i18n.addResourceBundle('en', 'translation', plansEn, true, false);
i18n.addResourceBundle('it', 'translation', servicesIt, true, false);
i18n.addResourceBundle('en', 'translation', servicesEn, true, false);
i18n.addResourceBundle('it', 'translation', cvIt, true, false);
i18n.addResourceBundle('en', 'translation', cvEn, true, false);
i18n.addResourceBundle('it', 'translation', skillGapIt, true, false);
i18n.addResourceBundle('en', 'translation', skillGapEn, true, false);
i18n.addResourceBundle('it', 'translation', trainingIt, true, false);
i18n.addResourceBundle('en', 'translation', trainingEn, true, false);
// Employers add keys inside shared sections (nav.employers, areas.employers): merged deeply.
i18n.addResourceBundle('it', 'translation', employersIt, true, false);
i18n.addResourceBundle('en', 'translation', employersEn, true, false);
i18n.addResourceBundle('it', 'translation', vacanciesIt, true, false);
i18n.addResourceBundle('en', 'translation', vacanciesEn, true, false);
// Contracts add admin.ccnlMinimums inside the shared admin section: merged deeply.
i18n.addResourceBundle('it', 'translation', contractsIt, true, false);
i18n.addResourceBundle('en', 'translation', contractsEn, true, false);
i18n.addResourceBundle('it', 'translation', applicationsIt, true, false);
i18n.addResourceBundle('en', 'translation', applicationsEn, true, false);

/** Changes the interface language and keeps <html lang> right for screen readers. */
export async function setLanguage(language: UiLanguage) {
  await i18n.changeLanguage(language);
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

document.documentElement.lang = i18n.language;

/** Timestamps are stored in UTC and shown in Italian local time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'it-IT', {
    timeZone: TIME_ZONE,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
}
// The candidate search of a vacancy (matching).
i18n.addResourceBundle('it', 'translation', matchingIt, true, false);
i18n.addResourceBundle('en', 'translation', matchingEn, true, false);
