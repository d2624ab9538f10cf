// What buildApp and the demo use from vacancies: the module with its routes and daily expiry, and the policies.
export {
  createVacanciesModule,
  registerVacanciesRoutes,
  vacancyExpiryJob,
  VACANCY_EXPIRY_KIND,
  type VacanciesModule,
} from './vacancies.module.js';
export { canReadVacancies, canWriteVacancies } from './vacancy.policy.js';
export { insertDemoVacancies, type DemoVacancy } from './demo-writes.js';
// Applications: what they show of a vacancy, and the hire's one position taken under the row lock.
export { takeVacancyPosition, vacancyRefsByIds, type VacancyRef } from './vacancy-positions.repository.js';
// The candidate search (matching) reads a vacancy's place, occupation and skills.
export { vacancyForMatching, type VacancyForMatching } from './matching-lookup.repository.js';
// Applications tell an employer's history over the employer's vacancies.
export { vacanciesOfEmployersQuery, vacancyStateCountsByEmployer } from './employer-vacancies.repository.js';
