// What other domains use from organisation: office lookups.
export { officeById, officeNamesById } from './office-lookup.js';
export { allOffices, officesOfNetwork, type OfficeChoice } from './office-directory.repository.js';
