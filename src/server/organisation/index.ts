// What other domains use from organisation: office lookups.
export { officeById, officeNamesById } from './office-lookup.js';
