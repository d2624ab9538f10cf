// The skill gap (issue 11, item 7): a read across profiles, taxonomy and training. Its own folder
// rather than a query of profiles, since it needs training's catalogue too and owns no table.
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import { createSkillGapService, type SkillGapSources } from './skill-gap.service.js';

export { computeSkillGap, type CourseOffer, type SkillGap } from './skill-gap.js';
export { canReadSkillGap } from './skill-gap.policy.js';
export { registerSkillGapRoutes } from './skill-gap.routes.js';
export type { SkillGapService, SkillGapSources } from './skill-gap.service.js';

export function createSkillGapModule(deps: { db: Kysely<DB>; audit: AuditService; clock: () => Date; sources: SkillGapSources }) {
  return { skillGap: createSkillGapService(deps) };
}
export type SkillGapModule = ReturnType<typeof createSkillGapModule>;
