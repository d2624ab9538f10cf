// What other domains use from companies: CIGS case and company lookups.
export { companyOfCases, type CaseCompany } from './case-lookup.repository.js';
export { cigsCaseDetails, cigsCaseIdsOfCompany, type CigsCaseDetails } from './case-details.repository.js';
export {
  companiesForImport,
  createImportedCigsCase,
  createImportedCompany,
  pickCigsCase,
  reasonForNewCase,
  removeImportedCigsCases,
  removeImportedCompanies,
  type CigsCaseRef,
  type CigsPeriodRequest,
  type ImportCompanyRef,
} from './company-import.repository.js';
export { createCompaniesModule, registerCompaniesRoutes, type CompaniesModule } from './companies.module.js';
export type { CohortSources } from './company.service.js';
export { canManageCompanies, canReadCompanies } from './company.policy.js';
export { cigsCaseColumns, cigsCaseWithCompanyColumns, companyNamesById } from './case-columns.repository.js';
export { insertCigsCasesBulk, insertCompaniesBulk, type BulkCigsCase, type BulkCompany } from './company-bulk.repository.js';
export { crisisCompanyByTaxCode } from './company-tax-code.repository.js';
