// What other domains and buildApp use from services (servizi erogati): the module and its routes,
// recording the service a meeting delivered in the caller's transaction, the funder's totals (the
// reports domain's view), and the demo's bulk writes.
export { createServicesModule, registerServicesRoutes } from './services.routes.js';
export type { ServicesService } from './services.service.js';
export { canReadServices, canRecordServices } from './services.policy.js';
export {
  deliveredMinutesOfWorker,
  recordDeliveredService,
  recordDeliveredServicesBulk,
  removeDeliveredService,
  workersWithDeliveredService,
  type DeliveredService,
} from './service-records.repository.js';
export { insertManualServicesBulk, type BulkManualService } from './manual-services.repository.js';
export {
  serviceTotals,
  type ServiceTotalsFilter,
  type ServiceTotalsRows,
  type TotalsFigures,
  type TotalsGroupBy,
} from './service-totals.repository.js';
