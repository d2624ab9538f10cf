// What other domains and buildApp use from organisation: the module, office lookups, and the
// writes the demo scenario needs.
export { createOrganisationModule, registerOrganisationRoutes, type OrganisationModule } from './organisation.module.js';
export { officeById, officeIdsInNetwork, officeNamesById, officeSummaries, type OfficeSummary } from './office-lookup.js';
export { allOffices, officesOfNetwork, type OfficeChoice } from './office-directory.repository.js';
export { anyNetworkExists, createNetwork, createOffice } from './network.repository.js';
export { canManageOffices, canReadOffices } from './organisation.policy.js';
export type { OfficeFields } from './office.repository.js';
