// What buildApp uses from matching: the module with its route, the policy, and the rankings a
// later ranking engine sits beside. Matching owns no table (it composes the owners' queries).
export { createMatchingModule, registerMatchingRoutes, type MatchingModule } from './matching.module.js';
export { canSearchCandidates } from './matching.policy.js';
export { RANKINGS, fitRanking, cigsEndRanking, type Ranking, type ReasonPart, type RankingContext } from './ranking.js';
export { explanationLine, reasonTexts } from './explanation.js';
