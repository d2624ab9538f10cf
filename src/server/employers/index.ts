// What other domains use from employers: the employers that hire and their sites.
export { employerNamesByIds, employerSitesByIds, type EmployerSiteRef } from './employer-lookup.repository.js';
