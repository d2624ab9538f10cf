// What buildApp and applications use from placements: the module (its service creates the hire's
// placement inside the applications' transaction) and its routes.
export { createPlacementsModule, registerPlacementsRoutes, type PlacementsModule } from './placements.module.js';
export { canWorkOnPlacements } from './placement.policy.js';
export { addMonths, FOLLOW_UP_MONTHS, type PlacementService } from './placement.service.js';
export { createPlacementRepository, type NewPlacement } from './placement.repository.js';
export { insertDemoPlacements, type DemoPlacement } from './demo-writes.js';
