import type { Executor } from '../db/executor.js';
import type { DeliveredServiceCode } from '../db/schema-services.js';

export interface DeliveredService {
  networkId: string;
  officeId: string;
  workerId: string;
  programmeId: string | null;
  staffId: string | null;
  serviceCode: DeliveredServiceCode;
  delivery: 'individual' | 'group';
  deliveredOn: string;
  minutes: number;
  source: { type: 'appointment' | 'group_session' | 'course'; id: string };
  createdBy: string | null;
}

/**
 * Records the service a meeting delivered, in the caller's transaction. Recording the same meeting's
 * attendance again updates the record (its minutes, who delivered it) rather than adding one.
 */
export async function recordDeliveredService(trx: Executor, s: DeliveredService): Promise<void> {
  await trx
    .insertInto('service_records')
    .values({
      network_id: s.networkId,
      office_id: s.officeId,
      worker_id: s.workerId,
      programme_id: s.programmeId,
      staff_id: s.staffId,
      service_code: s.serviceCode,
      delivery: s.delivery,
      delivered_on: s.deliveredOn,
      minutes: s.minutes,
      source_type: s.source.type,
      source_id: s.source.id,
      created_by: s.createdBy,
    })
    .onConflict((oc) =>
      oc
        .columns(['source_type', 'source_id', 'worker_id'])
        .where('source_id', 'is not', null)
        .doUpdateSet((eb) => ({
          minutes: eb.ref('excluded.minutes'),
          staff_id: eb.ref('excluded.staff_id'),
          delivered_on: eb.ref('excluded.delivered_on'),
        })),
    )
    .execute();
}

/** The meeting was not attended after all (corrected to absent or excused, or cancelled): its record goes. */
export async function removeDeliveredService(
  trx: Executor,
  p: { sourceType: 'appointment' | 'group_session'; sourceId: string; workerId: string },
): Promise<void> {
  await trx
    .deleteFrom('service_records')
    .where('source_type', '=', p.sourceType)
    .where('source_id', '=', p.sourceId)
    .where('worker_id', '=', p.workerId)
    .execute();
}

/**
 * The workers who have received a delivered service of this code (cv_support: "supporto al CV"),
 * as a sub-query of `worker_id` the caller composes (`where('w.id', 'not in', …)`).
 */
export function workersWithDeliveredService(db: Executor, code: DeliveredServiceCode) {
  return db.selectFrom('service_records').select('worker_id').where('service_code', '=', code);
}

/** A worker's delivered services in total minutes per service (the worker page, the funder's report). */
export async function deliveredMinutesOfWorker(db: Executor, workerId: string): Promise<Map<DeliveredServiceCode, number>> {
  const rows = await db
    .selectFrom('service_records')
    .select(['service_code', (eb) => eb.fn.sum<number>('minutes').as('minutes')])
    .where('worker_id', '=', workerId)
    .groupBy('service_code')
    .execute();
  return new Map(rows.map((r) => [r.service_code, Number(r.minutes)]));
}

/** The demo's attended meetings, in one statement per thousand (the demo loads in one transaction). */
export async function recordDeliveredServicesBulk(trx: Executor, services: readonly DeliveredService[]): Promise<void> {
  for (let i = 0; i < services.length; i += 1000) {
    const chunk = services.slice(i, i + 1000);
    await trx
      .insertInto('service_records')
      .values(
        chunk.map((s) => ({
          network_id: s.networkId,
          office_id: s.officeId,
          worker_id: s.workerId,
          programme_id: s.programmeId,
          staff_id: s.staffId,
          service_code: s.serviceCode,
          delivery: s.delivery,
          delivered_on: s.deliveredOn,
          minutes: s.minutes,
          source_type: s.source.type,
          source_id: s.source.id,
          created_by: s.createdBy,
        })),
      )
      .execute();
  }
}
