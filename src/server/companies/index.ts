// What other domains use from companies: CIGS case and company lookups.
export { companyOfCases, type CaseCompany } from './case-lookup.repository.js';
