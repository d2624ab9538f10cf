// What other domains use from profiles (the worker's profilo professionale): reading the profile,
// changing it in the caller's transaction (CV import, completed courses, assessments), the skills
// for the skill gap, and the completeness rule. Each table of profiles is written only through these.
export { addProfileSkills, applyProfileChanges, getProfile, profileSkillUris, type ProfileChangeInput } from './profile-writes.js';
export { profileCompleteness, COMPLETENESS_RULES, MIN_SKILLS } from './completeness.js';
export { profileChanges } from './profile-changes.js';
export { profileErrors } from './profiles.errors.js';
export type { StoredProfile } from './profile.repository.js';
export type { ProfileChanges, ProfileChangeReason } from '../db/schema-profiles.js';
// The module and the policies buildApp names; the demo's bulk load.
export { createProfilesModule, registerProfilesRoutes, type ProfilesModule } from './profiles.module.js';
export { canEditProfiles, canReadProfiles } from './profiles.policy.js';
export { insertProfilesBulk, type BulkProfile } from './profile.repository.js';
// The candidate search (matching): profiles fitting a vacancy's skills and occupation, in SQL.
export {
  candidateProfiles,
  longestStatedCommuteKm,
  type CandidateProfile,
  type CandidateProfileQuery,
  type CandidateReach,
  type CandidateWorkersQuery,
} from './candidate-profiles.repository.js';
