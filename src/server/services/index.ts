// What other domains use from services (servizi erogati): recording the service a meeting
// delivered, in their own transaction, and the totals. Manual entry, the lists and the funder's
// totals per consultant, office and programme come with the career-services work.
export {
  deliveredMinutesOfWorker,
  recordDeliveredService,
  recordDeliveredServicesBulk,
  removeDeliveredService,
  workersWithDeliveredService,
  type DeliveredService,
} from './service-records.repository.js';
