// What buildApp, the demo and other domains use from training: the module and its routes, the
// courses that teach given skills (the skill gap ranks them), the policy names and the demo's writes.
export { createTrainingModule, type TrainingModule } from './training.module.js';
export { registerTrainingRoutes } from './training.routes.js';
export { coursesTeachingSkills, type CourseTeachingSkills } from './courses-teaching-skills.js';
export type { AddProfileSkills } from './enrolment.service.js';
// The one rule of whether a course can still be joined (the skill gap's courses to propose).
export { joinableOn } from './enrolment.states.js';
export { canEnrolWorkers, canManageCatalogue, canReadCatalogue } from './training.policy.js';
export { insertDemoCourses, insertDemoEnrolments, insertDemoProviders, type DemoCourse, type DemoEnrolment } from './demo-writes.js';
