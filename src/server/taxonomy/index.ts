// What other domains use from taxonomy: reference lookups, label normalisation, the module.
export { atecoLabel, comuniByCadastralCodes, comuniByCodes, type ComuneRef } from './reference-lookups.repository.js';
export { normaliseLabel } from './normalise.js';
export { canReadReferenceData } from './taxonomy.policy.js';
export { createTaxonomyServices, escoFirstStartConfig, registerTaxonomy, DEFAULT_ESCO_VERSION, type TaxonomyServices } from './taxonomy.module.js';
export { allComuni, type ComuneEntry } from './comuni-directory.repository.js';
export { knownCountryCodes } from './country-lookup.repository.js';
