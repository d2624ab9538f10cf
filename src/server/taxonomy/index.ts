// What other domains, buildApp and the command line use from taxonomy: reference lookups, label
// normalisation, the module, the reference data step of migrate() and the ESCO import.
export { atecoLabel, comuniByCadastralCodes, comuniByCodes, conceptTitlesByCode, type ComuneRef } from './reference-lookups.repository.js';
export { normaliseLabel } from './normalise.js';
export { canReadReferenceData } from './taxonomy.policy.js';
export {
  createTaxonomyModule,
  escoFirstStartConfig,
  registerTaxonomyRoutes,
  DEFAULT_ESCO_VERSION,
  type TaxonomyModule,
} from './taxonomy.module.js';
// The migrator's data step, and the command line's ESCO import.
export { loadReferenceData } from './reference/reference-loader.js';
export { ESCO_LANGUAGES, isEscoLanguage } from './import/esco-bundle.js';
export { importEsco, readEscoZips, type ImportProgress } from './import/esco-import.js';
export { taxonomyErrors } from './taxonomy.errors.js';
export { allComuni, type ComuneEntry } from './comuni-directory.repository.js';
export { knownCountryCodes } from './country-lookup.repository.js';
export { comuniOfProvince, type ComunePlace } from './reference-lookups.repository.js';
// Codes and URIs other domains store, checked against the current releases.
export { existingConceptCodes, existingConceptUris } from './concept-lookup.repository.js';
// ESCO skills named by URI or label (the training catalogue and its import).
export { escoSkillRefs, type SkillRef } from './skill-refs.repository.js';
// The network's Italian labels of ESCO concepts; ESCO occupations' skills and the skill hierarchy.
export { createSkillLabelsModule, registerSkillLabelsRoutes, type SkillLabelsModule } from './skill-labels.routes.js';
export type { UsedSkillUris } from './skill-labels.service.js';
export { escoConceptLabels, occupationSkills, occupationUrisOfIsco, skillHierarchy } from './skill-queries.js';
export type { OccupationSkill, OccupationWithSkills, SkillLabel } from './occupation-skills.repository.js';
export { canManageSkillLabels } from './taxonomy.policy.js';
export { upsertNetworkLabels, type NetworkLabelInput } from './skill-labels.repository.js';
export { loadShippedSkillLabels } from './shipped-skill-labels.js';
// The candidate search (matching): comuni within a radius of one, with their distances.
export { comuniNear, type ComuniNear } from './comuni-near.repository.js';
