// What buildApp uses from reports: the module (the dashboard service) and its routes.
export { createReportsModule, registerReportsRoutes } from './reports.routes.js';
export { canReadReports } from './reports.policy.js';
